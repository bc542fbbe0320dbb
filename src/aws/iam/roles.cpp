#include "aws/iam/roles.hpp"

namespace hopper::aws::iam {

Role decode_role(const pugi::xml_node& node) {
  Role role;
  role.name = codec::text(node, "RoleName");
  role.arn = codec::text(node, "Arn");
  role.id = codec::text(node, "RoleId");
  role.path = codec::text(node, "Path");
  role.assume_role_policy_document = decode_policy_document(codec::text(node, "AssumeRolePolicyDocument"));
  role.description = codec::text(node, "Description");
  role.create_date = codec::text(node, "CreateDate");
  role.max_session_duration = static_cast<int>(codec::int_text(node, "MaxSessionDuration"));
  role.tags = decode_tags(node);
  return role;
}

util::Result<Role> get_role(const Client& client, const std::string& name) {
  QueryParams params;
  params.set("RoleName", name);
  HOPPER_ASSIGN(const XmlResponse response, client.call("GetRole", params));
  return decode_role(codec::child(response.result(), "Role"));
}

util::Result<Role> create_role(const Client& client, const CreateRoleRequest& request) {
  QueryParams params;
  params.set("RoleName", request.name)
      .set("Path", request.path.empty() ? std::string("/") : request.path)
      .set("AssumeRolePolicyDocument", request.assume_role_policy_document);
  if (!request.description.empty()) params.set("Description", request.description);
  params.member_tags(request.tags);
  HOPPER_ASSIGN(const XmlResponse response, client.call("CreateRole", params));
  return decode_role(codec::child(response.result(), "Role"));
}

util::Status delete_role(const Client& client, const std::string& name) {
  QueryParams params;
  params.set("RoleName", name);
  HOPPER_TRY(client.call("DeleteRole", params));
  return {};
}

util::Result<std::vector<Role>> list_roles(const Client& client, const std::string& path_prefix, int page_size) {
  QueryParams params;
  params.set("PathPrefix", path_prefix.empty() ? std::string("/") : path_prefix);
  return client.paginate<Role>("ListRoles", params, "Roles", decode_role, page_size);
}

util::Status tag_role(const Client& client, const std::string& name, const Tags& tags) {
  if (tags.empty()) return {};
  QueryParams params;
  params.set("RoleName", name).member_tags(tags);
  HOPPER_TRY(client.call("TagRole", params));
  return {};
}

util::Status untag_role(const Client& client, const std::string& name, const std::vector<std::string>& keys) {
  if (keys.empty()) return {};
  QueryParams params;
  params.set("RoleName", name).member_list("TagKeys", keys);
  HOPPER_TRY(client.call("UntagRole", params));
  return {};
}

}  // namespace hopper::aws::iam

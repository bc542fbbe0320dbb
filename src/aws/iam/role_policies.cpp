#include "aws/iam/role_policies.hpp"

namespace hopper::aws::iam {
namespace {

std::string decode_member_text(const pugi::xml_node& node) { return node.text().as_string(); }

AttachedPolicy decode_attached_policy(const pugi::xml_node& node) {
  return AttachedPolicy{codec::text(node, "PolicyName"), codec::text(node, "PolicyArn")};
}

QueryParams role_params(const std::string& role) {
  QueryParams params;
  params.set("RoleName", role);
  return params;
}

}  // namespace

util::Status put_role_policy(const Client& client, const std::string& role, const std::string& policy_name,
                             const std::string& document) {
  QueryParams params = role_params(role);
  params.set("PolicyName", policy_name).set("PolicyDocument", document);
  HOPPER_TRY(client.call("PutRolePolicy", params));
  return {};
}

util::Result<std::string> get_role_policy(const Client& client, const std::string& role,
                                          const std::string& policy_name) {
  QueryParams params = role_params(role);
  params.set("PolicyName", policy_name);
  HOPPER_ASSIGN(const XmlResponse response, client.call("GetRolePolicy", params));
  return decode_policy_document(codec::text(response.result(), "PolicyDocument"));
}

util::Result<std::vector<std::string>> list_role_policies(const Client& client, const std::string& role,
                                                          int page_size) {
  return client.paginate<std::string>("ListRolePolicies", role_params(role), "PolicyNames", decode_member_text,
                                      page_size);
}

util::Status delete_role_policy(const Client& client, const std::string& role, const std::string& policy_name) {
  QueryParams params = role_params(role);
  params.set("PolicyName", policy_name);
  HOPPER_TRY(client.call("DeleteRolePolicy", params));
  return {};
}

util::Result<std::vector<AttachedPolicy>> list_attached_role_policies(const Client& client, const std::string& role,
                                                                      int page_size) {
  return client.paginate<AttachedPolicy>("ListAttachedRolePolicies", role_params(role), "AttachedPolicies",
                                         decode_attached_policy, page_size);
}

util::Status attach_role_policy(const Client& client, const std::string& role, const std::string& policy_arn) {
  QueryParams params = role_params(role);
  params.set("PolicyArn", policy_arn);
  HOPPER_TRY(client.call("AttachRolePolicy", params));
  return {};
}

util::Status detach_role_policy(const Client& client, const std::string& role, const std::string& policy_arn) {
  QueryParams params = role_params(role);
  params.set("PolicyArn", policy_arn);
  HOPPER_TRY(client.call("DetachRolePolicy", params));
  return {};
}

}  // namespace hopper::aws::iam

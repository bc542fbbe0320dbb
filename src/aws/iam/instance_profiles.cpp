#include "aws/iam/instance_profiles.hpp"

namespace hopper::aws::iam {

InstanceProfile decode_instance_profile(const pugi::xml_node& node) {
  InstanceProfile profile;
  profile.name = codec::text(node, "InstanceProfileName");
  profile.arn = codec::text(node, "Arn");
  profile.id = codec::text(node, "InstanceProfileId");
  profile.path = codec::text(node, "Path");
  profile.create_date = codec::text(node, "CreateDate");
  for (const auto& role : codec::items(node, "Roles")) profile.role_names.push_back(codec::text(role, "RoleName"));
  profile.tags = decode_tags(node);
  return profile;
}

util::Result<InstanceProfile> create_instance_profile(const Client& client, const std::string& name,
                                                      const std::string& path, const Tags& tags) {
  QueryParams params;
  params.set("InstanceProfileName", name).set("Path", path.empty() ? std::string("/") : path).member_tags(tags);
  HOPPER_ASSIGN(const XmlResponse response, client.call("CreateInstanceProfile", params));
  return decode_instance_profile(codec::child(response.result(), "InstanceProfile"));
}

util::Result<InstanceProfile> get_instance_profile(const Client& client, const std::string& name) {
  QueryParams params;
  params.set("InstanceProfileName", name);
  HOPPER_ASSIGN(const XmlResponse response, client.call("GetInstanceProfile", params));
  return decode_instance_profile(codec::child(response.result(), "InstanceProfile"));
}

util::Status add_role_to_instance_profile(const Client& client, const std::string& profile, const std::string& role) {
  QueryParams params;
  params.set("InstanceProfileName", profile).set("RoleName", role);
  HOPPER_TRY(client.call("AddRoleToInstanceProfile", params));
  return {};
}

util::Status remove_role_from_instance_profile(const Client& client, const std::string& profile,
                                               const std::string& role) {
  QueryParams params;
  params.set("InstanceProfileName", profile).set("RoleName", role);
  HOPPER_TRY(client.call("RemoveRoleFromInstanceProfile", params));
  return {};
}

util::Status delete_instance_profile(const Client& client, const std::string& name) {
  QueryParams params;
  params.set("InstanceProfileName", name);
  HOPPER_TRY(client.call("DeleteInstanceProfile", params));
  return {};
}

util::Result<std::vector<InstanceProfile>> list_instance_profiles(const Client& client, const std::string& path_prefix,
                                                                  int page_size) {
  QueryParams params;
  params.set("PathPrefix", path_prefix.empty() ? std::string("/") : path_prefix);
  return client.paginate<InstanceProfile>("ListInstanceProfiles", params, "InstanceProfiles",
                                          decode_instance_profile, page_size);
}

util::Result<std::vector<InstanceProfile>> list_instance_profiles_for_role(const Client& client,
                                                                           const std::string& role, int page_size) {
  QueryParams params;
  params.set("RoleName", role);
  return client.paginate<InstanceProfile>("ListInstanceProfilesForRole", params, "InstanceProfiles",
                                          decode_instance_profile, page_size);
}

util::Status tag_instance_profile(const Client& client, const std::string& name, const Tags& tags) {
  if (tags.empty()) return {};
  QueryParams params;
  params.set("InstanceProfileName", name).member_tags(tags);
  HOPPER_TRY(client.call("TagInstanceProfile", params));
  return {};
}

}  // namespace hopper::aws::iam

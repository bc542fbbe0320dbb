#include "aws/ec2/launch_templates.hpp"

namespace hopper::aws::ec2 {

LaunchTemplate decode_launch_template(const pugi::xml_node& node) {
  LaunchTemplate lt;
  lt.id = codec::text(node, "launchTemplateId");
  lt.name = codec::text(node, "launchTemplateName");
  lt.default_version = codec::int_text(node, "defaultVersionNumber");
  lt.latest_version = codec::int_text(node, "latestVersionNumber");
  lt.create_time = codec::text(node, "createTime");
  lt.tags = decode_tags(node);
  return lt;
}

util::Result<LaunchTemplate> create_launch_template(const Client& client, const std::string& name,
                                                    const LaunchTemplateData& data, const Tags& tags,
                                                    const std::string& client_token) {
  QueryParams params;
  params.set("LaunchTemplateName", name);
  if (!client_token.empty()) params.set("ClientToken", client_token);
  encode_launch_template_data(params, data);
  params.tag_specification("launch-template", tags);
  HOPPER_ASSIGN(const XmlResponse response, client.call("CreateLaunchTemplate", params));
  return decode_launch_template(codec::child(response.result(), "launchTemplate"));
}

util::Result<std::vector<LaunchTemplate>> describe_launch_templates(const Client& client,
                                                                    const std::vector<Filter>& filters,
                                                                    const std::vector<std::string>& names,
                                                                    const std::vector<std::string>& ids) {
  QueryParams params;
  params.ec2_list("LaunchTemplateName", names).ec2_list("LaunchTemplateId", ids).filters(filters);
  // MaxResults 1..200. Sent for listings only. moto returns at most MaxResults (default 15) and
  // no NextToken, so the largest page also keeps listings whole there.
  return client.paginate<LaunchTemplate>("DescribeLaunchTemplates", params, "launchTemplates",
                                         decode_launch_template, names.empty() && ids.empty() ? 200 : 0);
}

util::Result<long long> create_launch_template_version(const Client& client, const std::string& template_id,
                                                       const LaunchTemplateData& data,
                                                       const std::string& client_token) {
  QueryParams params;
  params.set("LaunchTemplateId", template_id);
  if (!client_token.empty()) params.set("ClientToken", client_token);
  encode_launch_template_data(params, data);
  HOPPER_ASSIGN(const XmlResponse response, client.call("CreateLaunchTemplateVersion", params));
  return codec::int_text(codec::child(response.result(), "launchTemplateVersion"), "versionNumber");
}

util::Status modify_launch_template_default_version(const Client& client, const std::string& template_id,
                                                    long long version) {
  QueryParams params;
  // DefaultVersion's wire name is SetDefaultVersion (its locationName); the value is a string.
  params.set("LaunchTemplateId", template_id).set("SetDefaultVersion", std::to_string(version));
  HOPPER_TRY(client.call("ModifyLaunchTemplate", params));
  return {};
}

util::Result<LaunchTemplateData> describe_launch_template_version(const Client& client,
                                                                  const std::string& template_id, long long version) {
  QueryParams params;
  params.set("LaunchTemplateId", template_id).set("LaunchTemplateVersion.1", std::to_string(version));
  HOPPER_ASSIGN(const XmlResponse response, client.call("DescribeLaunchTemplateVersions", params));
  for (const auto& item : codec::items(response.result(), "launchTemplateVersionSet")) {
    if (codec::int_text(item, "versionNumber") == version) {
      return decode_launch_template_data(codec::child(item, "launchTemplateData"));
    }
  }
  return util::Error::failed("ec2 DescribeLaunchTemplateVersions: launch template " + template_id +
                             " has no version " + std::to_string(version));
}

util::Status delete_launch_template(const Client& client, const std::string& template_id) {
  QueryParams params;
  params.set("LaunchTemplateId", template_id);
  HOPPER_TRY(client.call("DeleteLaunchTemplate", params));
  return {};
}

}  // namespace hopper::aws::ec2

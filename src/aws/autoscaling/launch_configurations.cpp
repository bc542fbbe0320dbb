#include "aws/autoscaling/launch_configurations.hpp"

#include "codec/base64.hpp"

namespace hopper::aws::autoscaling {

LaunchConfiguration decode_launch_configuration(const pugi::xml_node& node) {
  LaunchConfiguration config;
  config.name = codec::text(node, "LaunchConfigurationName");
  config.arn = codec::text(node, "LaunchConfigurationARN");
  config.image_id = codec::text(node, "ImageId");
  config.instance_type = codec::text(node, "InstanceType");
  config.key_name = codec::text(node, "KeyName");
  for (const auto& item : codec::items(node, "SecurityGroups")) config.security_groups.emplace_back(item.text().as_string());
  const std::string user_data = codec::text(node, "UserData");
  if (!user_data.empty()) {
    // Undecodable base64 is kept verbatim rather than lost.
    config.user_data = codec::base64_decode(user_data).value_or(user_data);
  }
  config.iam_instance_profile = codec::text(node, "IamInstanceProfile");
  if (codec::child(node, "AssociatePublicIpAddress")) {
    config.associate_public_ip_address = codec::bool_text(node, "AssociatePublicIpAddress");
  }
  config.created_time = codec::text(node, "CreatedTime");
  return config;
}

util::Status create_launch_configuration(const Client& client, const CreateLaunchConfigurationRequest& request) {
  QueryParams params;
  params.set("LaunchConfigurationName", request.name)
      .set("ImageId", request.image_id)
      .set("InstanceType", request.instance_type);
  if (!request.key_name.empty()) params.set("KeyName", request.key_name);
  params.member_list("SecurityGroups", request.security_groups);
  if (!request.user_data.empty()) params.set("UserData", codec::base64_encode(request.user_data));
  if (!request.iam_instance_profile.empty()) params.set("IamInstanceProfile", request.iam_instance_profile);
  params.set_if("AssociatePublicIpAddress", request.associate_public_ip_address);
  HOPPER_TRY(client.call("CreateLaunchConfiguration", params));
  return {};
}

util::Result<std::vector<LaunchConfiguration>> describe_launch_configurations(const Client& client,
                                                                              const std::vector<std::string>& names,
                                                                              int page_size) {
  QueryParams params;
  params.member_list("LaunchConfigurationNames", names);
  // MaxRecords allows up to 100.
  return client.paginate<LaunchConfiguration>("DescribeLaunchConfigurations", params, "LaunchConfigurations",
                                              decode_launch_configuration, page_size > 0 ? page_size : 100);
}

util::Status delete_launch_configuration(const Client& client, const std::string& name) {
  QueryParams params;
  params.set("LaunchConfigurationName", name);
  HOPPER_TRY(client.call("DeleteLaunchConfiguration", params));
  return {};
}

}  // namespace hopper::aws::autoscaling

#include "aws/ec2/launch_template_data.hpp"

#include "codec/base64.hpp"

namespace hopper::aws::ec2 {

namespace {

const std::string k_prefix = "LaunchTemplateData.";

// LaunchTemplateData.TagSpecification.N.ResourceType / .Tag.M.Key / .Tag.M.Value
// (LaunchTemplateTagSpecificationRequest: member Tags has locationName "Tag").
void encode_tag_specification(QueryParams& params, int index, const std::string& resource_type, const Tags& tags) {
  const std::string prefix = k_prefix + "TagSpecification." + std::to_string(index);
  params.set(prefix + ".ResourceType", resource_type);
  params.ec2_tags(tags, prefix + ".Tag");
}

}  // namespace

void encode_launch_template_data(QueryParams& params, const LaunchTemplateData& data) {
  if (!data.image_id.empty()) params.set(k_prefix + "ImageId", data.image_id);
  if (!data.instance_type.empty()) params.set(k_prefix + "InstanceType", data.instance_type);
  if (!data.key_name.empty()) params.set(k_prefix + "KeyName", data.key_name);
  params.ec2_list(k_prefix + "SecurityGroupId", data.security_group_ids);
  if (data.iam_instance_profile_name) params.set(k_prefix + "IamInstanceProfile.Name", *data.iam_instance_profile_name);
  if (!data.user_data.empty()) params.set(k_prefix + "UserData", codec::base64_encode(data.user_data));
  if (data.metadata_options) encode_metadata_options(params, k_prefix + "MetadataOptions.", *data.metadata_options);
  if (data.root_volume) encode_block_device(params, k_prefix + "BlockDeviceMapping.1.", *data.root_volume);
  if (!data.tags.empty()) {
    encode_tag_specification(params, 1, "instance", data.tags);
    encode_tag_specification(params, 2, "volume", data.tags);
  }
}

LaunchTemplateData decode_launch_template_data(const pugi::xml_node& node) {
  LaunchTemplateData data;
  data.image_id = codec::text(node, "imageId");
  data.instance_type = codec::text(node, "instanceType");
  data.key_name = codec::text(node, "keyName");
  for (const auto& item : codec::items(node, "securityGroupIdSet")) data.security_group_ids.push_back(item.text().get());
  if (const auto profile = codec::child(node, "iamInstanceProfile")) {
    if (auto name = codec::optional_text(profile, "name")) data.iam_instance_profile_name = *name;
  }
  data.user_data = decode_base64_or_keep(codec::text(node, "userData"));
  if (const auto metadata = codec::child(node, "metadataOptions")) data.metadata_options = decode_metadata_options(metadata);
  const auto mappings = codec::items(node, "blockDeviceMappingSet");
  if (!mappings.empty()) data.root_volume = decode_block_device(mappings.front());
  for (const auto& spec : codec::items(node, "tagSpecificationSet")) {
    if (codec::text(spec, "resourceType") == "instance") data.tags = decode_tags(spec);
  }
  return data;
}

}  // namespace hopper::aws::ec2

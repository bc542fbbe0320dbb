// The launch settings a launch template version holds (the RunInstances fields that hopper
// uses), with their encoding under LaunchTemplateData.* and their decoding from an answer, so a
// plan can compare desired and actual settings field by field.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aws/ec2/instances.hpp"

namespace hopper::aws::ec2 {

struct LaunchTemplateData {
  std::string image_id;
  std::string instance_type;
  std::string key_name;  // empty: none
  std::vector<std::string> security_group_ids;
  std::optional<std::string> iam_instance_profile_name;
  std::string user_data;  // raw text; base64 on the wire, decoded back when read
  std::optional<MetadataOptions> metadata_options;
  std::optional<BlockDevice> root_volume;
  // Tags that launches from the template put on the instance and its volumes
  // (LaunchTemplateData.TagSpecification.N). Decoded from the instance's tag specification.
  Tags tags;

  bool operator==(const LaunchTemplateData&) const = default;
};

// Adds `data` to `params` as LaunchTemplateData.* (empty fields are not sent).
void encode_launch_template_data(QueryParams& params, const LaunchTemplateData& data);
// Decodes a <launchTemplateData> element (ResponseLaunchTemplateData). `user_data` is decoded
// from base64 (kept as is if it is not base64); `root_volume` is the first block device
// mapping; `tags` are those of the "instance" tag specification.
LaunchTemplateData decode_launch_template_data(const pugi::xml_node& node);

}  // namespace hopper::aws::ec2

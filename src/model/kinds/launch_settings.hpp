// What an instance is launched with, shared by single instances (bastion, control plane) and the
// workers' launch template: image, type, key, security groups, instance profile, user data,
// IMDSv2 (required, hop limit 2) and an encrypted gp3 root volume.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aws/ec2/instances.hpp"
#include "model/cloud.hpp"
#include "model/resource.hpp"
#include "model/state.hpp"

namespace hopper::model::kinds {

struct LaunchSettings {
  ResourceKey image;                         // an ssm_parameter whose value is the AMI id
  std::string instance_type;
  ResourceKey key_pair;
  std::vector<ResourceKey> security_groups;
  std::optional<ResourceKey> instance_profile;
  std::string instance_profile_name;
  std::string user_data;
  int root_volume_gib = 30;
};

// The IMDS settings of every instance hopper launches.
inline constexpr int k_metadata_hop_limit = 2;

// Dependencies the settings bring.
std::vector<ResourceKey> launch_dependencies(const LaunchSettings& settings);
// Desired launch fields: image_id, instance_type, key_name, security_groups, iam_profile,
// user_data_sha256, http_tokens, http_put_response_hop_limit.
Fields launch_fields(const LaunchSettings& settings, const State& state);
// The AMI id the settings resolve to.
std::string image_id(const LaunchSettings& settings, const State& state);
// Security group ids, sorted and comma-joined.
std::string joined_groups(std::vector<std::string> ids);
std::string user_data_hash(const std::string& user_data);
aws::ec2::MetadataOptions metadata_options();
// The root volume for `image` (its root device name, read once per run): gp3, encrypted.
util::Result<aws::ec2::BlockDevice> root_volume(Cloud& cloud, const std::string& image, int size_gib);

}  // namespace hopper::model::kinds

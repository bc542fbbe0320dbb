// Auto Scaling launch configurations (the older alternative to launch templates): create,
// describe (all pages), delete. Launch configurations cannot be tagged, so a sweep finds them by
// name (and by the groups that use them).
//
// Thread-safety: free functions over a thread-safe Client.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aws/autoscaling/client.hpp"

namespace hopper::aws::autoscaling {

struct LaunchConfiguration {
  std::string name;
  std::string arn;
  std::string image_id;
  std::string instance_type;
  std::string key_name;
  std::vector<std::string> security_groups;
  std::string user_data;  // plain text (decoded from the base64 AWS returns); empty when none
  std::string iam_instance_profile;
  std::optional<bool> associate_public_ip_address;
  std::string created_time;
};

struct CreateLaunchConfigurationRequest {
  std::string name;
  std::string image_id;
  std::string instance_type;
  std::string key_name;                      // omitted when empty
  std::vector<std::string> security_groups;  // ids (sg-…) in a VPC
  std::string user_data;                     // plain text; sent base64-encoded; omitted when empty
  std::string iam_instance_profile;          // name or ARN; omitted when empty
  std::optional<bool> associate_public_ip_address;
};
// Creates the launch configuration. Errors: AlreadyExists (is_already_exists), ValidationError
// (e.g. "Invalid IamInstanceProfile" while IAM propagates), LimitExceeded.
util::Status create_launch_configuration(const Client& client, const CreateLaunchConfigurationRequest& request);

// The launch configurations named `names` (all when empty), all pages. Unknown names are absent.
util::Result<std::vector<LaunchConfiguration>> describe_launch_configurations(
    const Client& client, const std::vector<std::string>& names = {}, int page_size = 0);

// Deletes `name`. Errors: ResourceInUse (is_dependency_violation) while a group uses it;
// ValidationError (is_name_not_found) when it does not exist. (moto succeeds in both cases.)
util::Status delete_launch_configuration(const Client& client, const std::string& name);

// Decoder, exposed for tests.
LaunchConfiguration decode_launch_configuration(const pugi::xml_node& node);

}  // namespace hopper::aws::autoscaling

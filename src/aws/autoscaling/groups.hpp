// Auto Scaling groups: create (tagged in the call, tags propagated to instances), update,
// describe (by name or tag filter, all pages), delete (optionally forced), desired capacity,
// tags, and the scaling activities that explain why instances did or did not launch.
//
// Auto Scaling has no waiters: poll describe_auto_scaling_groups (and
// describe_scaling_activities for failures) to wait.
//
// Thread-safety: free functions over a thread-safe Client.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aws/autoscaling/client.hpp"

namespace hopper::aws::autoscaling {

struct LaunchTemplateSpec {
  std::string id;       // lt-…; set id or name
  std::string name;
  std::string version;  // "$Latest", "$Default" or a number; empty: AWS uses $Default
};

struct AsgInstance {
  std::string id;
  std::string instance_type;
  std::string availability_zone;
  std::string lifecycle_state;  // Pending, InService, Terminating, ...
  std::string health_status;    // Healthy | Unhealthy
  std::string launch_template_version;
  bool protected_from_scale_in = false;
};

struct AutoScalingGroup {
  std::string name;
  std::string arn;
  int min_size = 0;
  int max_size = 0;
  int desired_capacity = 0;
  // The group's launch template; also read from MixedInstancesPolicy when the group uses one.
  std::optional<LaunchTemplateSpec> launch_template;
  std::string launch_configuration_name;
  std::vector<std::string> subnet_ids;  // VPCZoneIdentifier, comma-split
  std::vector<std::string> availability_zones;
  std::vector<std::string> target_group_arns;
  std::vector<std::string> load_balancer_names;
  std::vector<AsgInstance> instances;
  std::vector<AsgTag> tags;
  std::string status;  // "Delete in progress" while a delete runs; empty otherwise
  std::string health_check_type;  // EC2 | ELB
  int health_check_grace_period = 0;
  std::optional<int> default_instance_warmup;
  bool capacity_rebalance = false;
  std::string created_time;
};

struct CreateAutoScalingGroupRequest {
  std::string name;
  std::optional<LaunchTemplateSpec> launch_template;  // this or launch_configuration_name
  std::string launch_configuration_name;
  int min_size = 0;
  int max_size = 0;
  std::optional<int> desired_capacity;
  std::vector<std::string> subnet_ids;  // sent as VPCZoneIdentifier "subnet-a,subnet-b"
  std::vector<std::string> availability_zones;  // only needed without subnet_ids
  std::vector<AsgTag> tags;             // set in the creating call
  std::vector<std::string> target_group_arns;
  std::string health_check_type;        // empty: AWS default (EC2)
  std::optional<int> health_check_grace_period;
  std::optional<int> default_instance_warmup;
  std::optional<bool> capacity_rebalance;
};
// Creates the group. Answers nothing: describe it to see it. Errors: AlreadyExists
// (is_already_exists), ValidationError (e.g. an instance profile IAM has not propagated yet:
// "Invalid IamInstanceProfile"), LimitExceeded.
util::Status create_auto_scaling_group(const Client& client, const CreateAutoScalingGroupRequest& request);

// Only the fields that hold a value are sent.
struct UpdateAutoScalingGroupRequest {
  std::string name;
  std::optional<LaunchTemplateSpec> launch_template;
  std::optional<std::string> launch_configuration_name;
  std::optional<int> min_size;
  std::optional<int> max_size;
  std::optional<int> desired_capacity;
  std::optional<std::vector<std::string>> subnet_ids;
  std::optional<std::string> health_check_type;
  std::optional<int> health_check_grace_period;
  std::optional<int> default_instance_warmup;
  std::optional<bool> capacity_rebalance;
};
// Errors: ValidationError (e.g. min > max; an unknown group: is_name_not_found),
// ScalingActivityInProgress.
util::Status update_auto_scaling_group(const Client& client, const UpdateAutoScalingGroupRequest& request);

// Deletes `name`; with `force_delete` AWS terminates its instances too. Errors without force:
// ResourceInUse or ScalingActivityInProgress (is_dependency_violation) while instances or
// activities remain (moto deletes and terminates anyway); ValidationError "AutoScalingGroup
// name not found" (is_name_not_found, not is_not_found) when the group does not exist.
util::Status delete_auto_scaling_group(const Client& client, const std::string& name, bool force_delete);

// Groups named `names` (all groups when empty) matching every filter in `filters`
// (Filters.member.N: "tag:<key>", "tag-key", "tag-value", "auto-scaling-group"), all pages.
// Unknown names are simply absent from the answer (no NotFound error).
util::Result<std::vector<AutoScalingGroup>> describe_auto_scaling_groups(const Client& client,
                                                                         const std::vector<std::string>& names = {},
                                                                         const std::vector<Filter>& filters = {},
                                                                         int page_size = 0);

// Sets the desired capacity. Errors: ValidationError outside [min, max].
util::Status set_desired_capacity(const Client& client, const std::string& name, int desired_capacity,
                                  bool honor_cooldown = false);

// Adds or overwrites `tags` on group `name`.
util::Status create_or_update_tags(const Client& client, const std::string& name, const std::vector<AsgTag>& tags);
// Removes the tags named `keys` from group `name`.
util::Status delete_tags(const Client& client, const std::string& name, const std::vector<std::string>& keys);

struct ScalingActivity {
  std::string id;
  std::string status_code;  // Pending, InProgress, Successful, Failed, Cancelled, ...
  std::string status_message;
  std::string description;
  std::string cause;
  std::string start_time;
  std::string end_time;
  int progress = 0;
};
// The most recent activities of group `name`, newest first, at most `max` (0: all, every page).
// (moto records none: always empty there.)
util::Result<std::vector<ScalingActivity>> describe_scaling_activities(const Client& client,
                                                                       const std::string& group_name,
                                                                       int max = 0);

// Decoders, exposed for tests.
AutoScalingGroup decode_auto_scaling_group(const pugi::xml_node& node);
ScalingActivity decode_scaling_activity(const pugi::xml_node& node);

}  // namespace hopper::aws::autoscaling

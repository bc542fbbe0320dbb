#include "aws/autoscaling/groups.hpp"

#include <algorithm>

#include "util/strings.hpp"

namespace hopper::aws::autoscaling {
namespace {

// DescribeAutoScalingGroups and DescribeScalingActivities take at most 100 records a page.
constexpr int k_max_records = 100;

LaunchTemplateSpec decode_launch_template(const pugi::xml_node& node) {
  return LaunchTemplateSpec{codec::text(node, "LaunchTemplateId"), codec::text(node, "LaunchTemplateName"),
                            codec::text(node, "Version")};
}

AsgInstance decode_instance(const pugi::xml_node& node) {
  AsgInstance instance;
  instance.id = codec::text(node, "InstanceId");
  instance.instance_type = codec::text(node, "InstanceType");
  instance.availability_zone = codec::text(node, "AvailabilityZone");
  instance.lifecycle_state = codec::text(node, "LifecycleState");
  instance.health_status = codec::text(node, "HealthStatus");
  instance.launch_template_version = codec::text(codec::child(node, "LaunchTemplate"), "Version");
  instance.protected_from_scale_in = codec::bool_text(node, "ProtectedFromScaleIn");
  return instance;
}

std::vector<std::string> member_texts(const pugi::xml_node& node, const char* list_name) {
  std::vector<std::string> out;
  for (const auto& item : codec::items(node, list_name)) out.emplace_back(item.text().as_string());
  return out;
}

// LaunchTemplate.LaunchTemplateId / .LaunchTemplateName / .Version.
void add_launch_template(QueryParams& params, const LaunchTemplateSpec& spec) {
  if (!spec.id.empty()) params.set("LaunchTemplate.LaunchTemplateId", spec.id);
  if (!spec.name.empty()) params.set("LaunchTemplate.LaunchTemplateName", spec.name);
  if (!spec.version.empty()) params.set("LaunchTemplate.Version", spec.version);
}

}  // namespace

AutoScalingGroup decode_auto_scaling_group(const pugi::xml_node& node) {
  AutoScalingGroup group;
  group.name = codec::text(node, "AutoScalingGroupName");
  group.arn = codec::text(node, "AutoScalingGroupARN");
  group.min_size = static_cast<int>(codec::int_text(node, "MinSize"));
  group.max_size = static_cast<int>(codec::int_text(node, "MaxSize"));
  group.desired_capacity = static_cast<int>(codec::int_text(node, "DesiredCapacity"));
  if (const auto lt = codec::child(node, "LaunchTemplate")) {
    group.launch_template = decode_launch_template(lt);
  } else if (const auto mixed = codec::path(node, "MixedInstancesPolicy/LaunchTemplate/LaunchTemplateSpecification")) {
    group.launch_template = decode_launch_template(mixed);
  }
  group.launch_configuration_name = codec::text(node, "LaunchConfigurationName");
  for (const auto& subnet : util::split(codec::text(node, "VPCZoneIdentifier"), ',')) {
    if (const auto trimmed = util::trim(subnet); !trimmed.empty()) group.subnet_ids.emplace_back(trimmed);
  }
  group.availability_zones = member_texts(node, "AvailabilityZones");
  group.target_group_arns = member_texts(node, "TargetGroupARNs");
  group.load_balancer_names = member_texts(node, "LoadBalancerNames");
  for (const auto& item : codec::items(node, "Instances")) group.instances.push_back(decode_instance(item));
  group.tags = decode_asg_tags(node);
  group.status = codec::text(node, "Status");
  group.health_check_type = codec::text(node, "HealthCheckType");
  group.health_check_grace_period = static_cast<int>(codec::int_text(node, "HealthCheckGracePeriod"));
  if (codec::child(node, "DefaultInstanceWarmup")) {
    group.default_instance_warmup = static_cast<int>(codec::int_text(node, "DefaultInstanceWarmup"));
  }
  group.capacity_rebalance = codec::bool_text(node, "CapacityRebalance");
  group.created_time = codec::text(node, "CreatedTime");
  return group;
}

ScalingActivity decode_scaling_activity(const pugi::xml_node& node) {
  ScalingActivity activity;
  activity.id = codec::text(node, "ActivityId");
  activity.status_code = codec::text(node, "StatusCode");
  activity.status_message = codec::text(node, "StatusMessage");
  activity.description = codec::text(node, "Description");
  activity.cause = codec::text(node, "Cause");
  activity.start_time = codec::text(node, "StartTime");
  activity.end_time = codec::text(node, "EndTime");
  activity.progress = static_cast<int>(codec::int_text(node, "Progress"));
  return activity;
}

util::Status create_auto_scaling_group(const Client& client, const CreateAutoScalingGroupRequest& request) {
  QueryParams params;
  params.set("AutoScalingGroupName", request.name);
  if (request.launch_template) add_launch_template(params, *request.launch_template);
  if (!request.launch_configuration_name.empty()) {
    params.set("LaunchConfigurationName", request.launch_configuration_name);
  }
  params.set("MinSize", request.min_size).set("MaxSize", request.max_size);
  params.set_if("DesiredCapacity", request.desired_capacity);
  // VPCZoneIdentifier is one comma-separated string, not a member list.
  if (!request.subnet_ids.empty()) params.set("VPCZoneIdentifier", util::join(request.subnet_ids, ","));
  params.member_list("AvailabilityZones", request.availability_zones);
  params.member_list("TargetGroupARNs", request.target_group_arns);
  if (!request.health_check_type.empty()) params.set("HealthCheckType", request.health_check_type);
  params.set_if("HealthCheckGracePeriod", request.health_check_grace_period);
  params.set_if("DefaultInstanceWarmup", request.default_instance_warmup);
  params.set_if("CapacityRebalance", request.capacity_rebalance);
  add_group_tags(params, request.name, request.tags);
  HOPPER_TRY(client.call("CreateAutoScalingGroup", params));
  return {};
}

util::Status update_auto_scaling_group(const Client& client, const UpdateAutoScalingGroupRequest& request) {
  QueryParams params;
  params.set("AutoScalingGroupName", request.name);
  if (request.launch_template) add_launch_template(params, *request.launch_template);
  params.set_if("LaunchConfigurationName", request.launch_configuration_name);
  params.set_if("MinSize", request.min_size);
  params.set_if("MaxSize", request.max_size);
  params.set_if("DesiredCapacity", request.desired_capacity);
  if (request.subnet_ids) params.set("VPCZoneIdentifier", util::join(*request.subnet_ids, ","));
  params.set_if("HealthCheckType", request.health_check_type);
  params.set_if("HealthCheckGracePeriod", request.health_check_grace_period);
  params.set_if("DefaultInstanceWarmup", request.default_instance_warmup);
  params.set_if("CapacityRebalance", request.capacity_rebalance);
  HOPPER_TRY(client.call("UpdateAutoScalingGroup", params));
  return {};
}

util::Status delete_auto_scaling_group(const Client& client, const std::string& name, bool force_delete) {
  QueryParams params;
  params.set("AutoScalingGroupName", name);
  if (force_delete) params.set("ForceDelete", true);
  HOPPER_TRY(client.call("DeleteAutoScalingGroup", params));
  return {};
}

util::Result<std::vector<AutoScalingGroup>> describe_auto_scaling_groups(const Client& client,
                                                                         const std::vector<std::string>& names,
                                                                         const std::vector<Filter>& filters,
                                                                         int page_size) {
  QueryParams params;
  params.member_list("AutoScalingGroupNames", names);
  add_filters(params, filters);
  return client.paginate<AutoScalingGroup>("DescribeAutoScalingGroups", params, "AutoScalingGroups",
                                           decode_auto_scaling_group,
                                           page_size > 0 ? page_size : k_max_records);
}

util::Status set_desired_capacity(const Client& client, const std::string& name, int desired_capacity,
                                  bool honor_cooldown) {
  QueryParams params;
  params.set("AutoScalingGroupName", name).set("DesiredCapacity", desired_capacity);
  if (honor_cooldown) params.set("HonorCooldown", true);
  HOPPER_TRY(client.call("SetDesiredCapacity", params));
  return {};
}

util::Status create_or_update_tags(const Client& client, const std::string& name, const std::vector<AsgTag>& tags) {
  if (tags.empty()) return {};
  QueryParams params;
  add_group_tags(params, name, tags);
  HOPPER_TRY(client.call("CreateOrUpdateTags", params));
  return {};
}

util::Status delete_tags(const Client& client, const std::string& name, const std::vector<std::string>& keys) {
  if (keys.empty()) return {};
  std::vector<AsgTag> tags;
  for (const auto& key : keys) tags.push_back(AsgTag{key, "", false});
  QueryParams params;
  add_group_tags(params, name, tags, false);
  HOPPER_TRY(client.call("DeleteTags", params));
  return {};
}

util::Result<std::vector<ScalingActivity>> describe_scaling_activities(const Client& client,
                                                                       const std::string& group_name, int max) {
  QueryParams params;
  params.set("AutoScalingGroupName", group_name);
  const int page_size = max > 0 ? std::min(max, k_max_records) : k_max_records;
  return client.paginate<ScalingActivity>("DescribeScalingActivities", params, "Activities", decode_scaling_activity,
                                          page_size, max > 0 ? static_cast<std::size_t>(max) : 0);
}

}  // namespace hopper::aws::autoscaling

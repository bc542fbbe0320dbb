// Auto Scaling: launch configurations, groups that launch and terminate instances to match
// their desired capacity (over time with AWS timing), tags that propagate to the instances, and
// scaling activities.
#include <algorithm>

#include "sim/state/ec2_instances.hpp"
#include "sim/state/families.hpp"
#include "util/strings.hpp"

namespace hopper::sim {
namespace {

constexpr const char* k_groups = "autoScalingGroups";
constexpr const char* k_configs = "launchConfigurations";

[[noreturn]] void group_missing(const std::string& name) {
  fail("ValidationError", "AutoScalingGroup name not found - AutoScalingGroup " + name + " not found");
}

Json& need_group(Call& call, const std::string& name) {
  Json* group = find(call.rs(), k_groups, name, &call.world);
  if (group == nullptr) group_missing(name);
  return *group;
}

// Tags.member.N.{ResourceId, ResourceType, Key, Value, PropagateAtLaunch}.
Json parse_tags(Call& call, const std::string& group) {
  Json list = Json::array();
  for (int n : call.params.indexes("Tags.member")) {
    const Params t = call.params.sub("Tags.member." + std::to_string(n));
    list.push_back({{"ResourceId", t.get("ResourceId").value_or(group)}, {"ResourceType", "auto-scaling-group"},
                    {"Key", t.get("Key").value_or("")}, {"Value", t.get("Value").value_or("")},
                    {"PropagateAtLaunch", t.get("PropagateAtLaunch").value_or("false") == "true"}});
  }
  return list;
}

void check_profile_visible(World& world, const std::string& profile) {
  if (profile.empty()) return;
  Json& profiles = world.global()["instanceProfiles"];
  bool ok = false;
  if (profiles.is_object()) {
    for (auto& [name, p] : profiles.items()) {
      if ((name == profile || p.value("Arn", "") == profile) && world.now() >= p.value("_ec2VisibleAt", 0LL)) ok = true;
    }
  }
  if (!ok) fail("ValidationError", "Invalid IamInstanceProfile: " + profile);
}

Json create_launch_configuration(Call& call) {
  const std::string name = call.need("LaunchConfigurationName");
  const std::string image_id = call.need("ImageId");
  const std::string type = call.need("InstanceType");
  if (find(call.rs(), k_configs, name)) {
    fail("AlreadyExists", "Launch Configuration by this name already exists - A launch configuration already exists "
                          "with the name " + name);
  }
  if (!find(call.rs(), col::images, image_id, &call.world)) {
    fail("ValidationError", "AMI " + image_id + " is invalid: The image id '[" + image_id + "]' does not exist");
  }
  if (!instance_type_info(type)) fail("ValidationError", "Invalid instance type: " + type);
  const std::string key = call.get("KeyName");
  if (!key.empty()) {
    bool found = false;
    for (auto& [id, k] : collection(call.rs(), col::key_pairs).items()) found |= k.value("keyName", "") == key;
    if (!found) fail("ValidationError", "The key pair '" + key + "' does not exist");
  }
  const std::string profile = call.get("IamInstanceProfile");
  check_profile_visible(call.world, profile);
  Json config = {{"LaunchConfigurationName", name},
                 {"LaunchConfigurationARN", "arn:aws:autoscaling:" + call.region + ":" + k_account +
                                                ":launchConfiguration:" + call.world.request_id() +
                                                ":launchConfigurationName/" + name},
                 {"ImageId", image_id}, {"InstanceType", type}, {"KeyName", key},
                 {"SecurityGroups", call.params.members("SecurityGroups")}, {"UserData", call.get("UserData")},
                 {"KernelId", ""}, {"RamdiskId", ""}, {"BlockDeviceMappings", Json::array()},
                 {"InstanceMonitoring", {{"Enabled", call.flag("InstanceMonitoring.Enabled", true)}}},
                 {"CreatedTime", now_iso(call)}, {"EbsOptimized", false}};
  if (!profile.empty()) config["IamInstanceProfile"] = profile;
  if (call.opt("AssociatePublicIpAddress")) config["AssociatePublicIpAddress"] = call.flag("AssociatePublicIpAddress", false);
  insert(call.world, call.rs(), k_configs, name, std::move(config));
  return Json::object();
}

Json describe_launch_configurations(Call& call) {
  const auto names = call.params.members("LaunchConfigurationNames");
  std::vector<Json*> items;
  for (Json* config : in_order(collection(call.rs(), k_configs))) {
    const std::string name = config->value("LaunchConfigurationName", "");
    if (names.empty() || std::find(names.begin(), names.end(), name) != names.end()) items.push_back(config);
  }
  const Page page = paginate(items, call.opt("NextToken"), call.opt_number("MaxRecords").value_or(50), "InvalidNextToken");
  Json list = Json::array();
  for (const Json* config : page.items) list.push_back(*config);
  Json out = {{"LaunchConfigurations", list}};
  if (!page.next_token.empty()) out["NextToken"] = page.next_token;
  return out;
}

Json delete_launch_configuration(Call& call) {
  const std::string name = call.need("LaunchConfigurationName");
  if (!find(call.rs(), k_configs, name)) {
    fail("ValidationError", "Launch configuration name not found - Launch configuration " + name + " not found");
  }
  for (auto& [gname, group] : collection(call.rs(), k_groups).items()) {
    if (group.value("LaunchConfigurationName", "") == name) {
      fail("ResourceInUse", "Cannot delete launch configuration " + name + " because it is attached to AutoScalingGroup " + gname);
    }
  }
  erase(call.world, call.rs(), k_configs, name);
  return Json::object();
}

void add_activity(World& world, Json& group, const std::string& description, const std::string& status,
                  const std::string& message) {
  const std::string now = iso_time(world.now());
  Json activity = {{"ActivityId", world.request_id()}, {"AutoScalingGroupName", group["AutoScalingGroupName"]},
                   {"Description", description}, {"Cause", "At " + now.substr(0, 19) + "Z an instance was started or "
                                                            "stopped in response to a difference between desired and actual capacity."},
                   {"StartTime", now}, {"EndTime", now}, {"StatusCode", status}, {"Progress", 100}, {"Details", "{}"}};
  if (!message.empty()) activity["StatusMessage"] = message;
  group["_activities"].insert(group["_activities"].begin(), activity);
  if (group["_activities"].size() > 50) group["_activities"].erase(50);
}

void check_sizes(Call& call, long long min, long long max, long long desired) {
  if (min > max) fail("ValidationError", "Max bound, " + std::to_string(max) + ", must be greater than or equal to min bound, " + std::to_string(min));
  if (desired < min || desired > max) {
    fail("ValidationError", "Desired capacity:" + std::to_string(desired) + " must be between the specified min size:" +
                                std::to_string(min) + " and max size:" + std::to_string(max));
  }
  (void)call;
}

Json create_auto_scaling_group(Call& call) {
  const std::string name = call.need("AutoScalingGroupName");
  if (find(call.rs(), k_groups, name)) {
    fail("AlreadyExists", "AutoScalingGroup by this name already exists - A group with the name " + name + " already exists");
  }
  const long long min = std::atoll(call.need("MinSize").c_str());
  const long long max = std::atoll(call.need("MaxSize").c_str());
  const long long desired = call.number("DesiredCapacity", min);
  check_sizes(call, min, max, desired);
  Json group = {{"AutoScalingGroupName", name},
                {"AutoScalingGroupARN", "arn:aws:autoscaling:" + call.region + ":" + k_account + ":autoScalingGroup:" +
                                            call.world.request_id() + ":autoScalingGroupName/" + name},
                {"MinSize", min}, {"MaxSize", max}, {"DesiredCapacity", desired}, {"DefaultCooldown", 300},
                {"LoadBalancerNames", call.params.members("LoadBalancerNames")},
                {"TargetGroupARNs", call.params.members("TargetGroupARNs")},
                {"HealthCheckType", call.get("HealthCheckType", "EC2")},
                {"HealthCheckGracePeriod", call.number("HealthCheckGracePeriod", 300)},
                {"CreatedTime", now_iso(call)}, {"SuspendedProcesses", Json::array()}, {"EnabledMetrics", Json::array()},
                {"TerminationPolicies", Json::array({"Default"})}, {"NewInstancesProtectedFromScaleIn", false},
                {"CapacityRebalance", call.flag("CapacityRebalance", false)},
                {"ServiceLinkedRoleARN", "arn:aws:iam::" + std::string(k_account) +
                                             ":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"},
                {"Tags", parse_tags(call, name)}, {"_instances", Json::array()}, {"_activities", Json::array()}};
  if (auto warmup = call.opt_number("DefaultInstanceWarmup")) group["DefaultInstanceWarmup"] = *warmup;
  if (auto config = call.opt("LaunchConfigurationName")) {
    if (!find(call.rs(), k_configs, *config)) {
      fail("ValidationError", "Launch configuration name not found - Launch configuration " + *config + " not found");
    }
    group["LaunchConfigurationName"] = *config;
  } else if (call.opt("LaunchTemplate.LaunchTemplateId") || call.opt("LaunchTemplate.LaunchTemplateName")) {
    const std::string id = call.get("LaunchTemplate.LaunchTemplateId", call.get("LaunchTemplate.LaunchTemplateName"));
    const std::string version = call.get("LaunchTemplate.Version", "$Default");
    if (!launch_template_data(call.rs(), id, version)) {
      fail("ValidationError", "You must use a valid fully-formed launch template. The specified launch template, with "
                              "template ID " + id + ", does not exist.");
    }
    for (auto& [tid, lt] : collection(call.rs(), col::launch_templates).items()) {
      if (tid == id || lt.value("launchTemplateName", "") == id) {
        group["LaunchTemplate"] = {{"LaunchTemplateId", tid}, {"LaunchTemplateName", lt["launchTemplateName"]}, {"Version", version}};
      }
    }
  } else {
    fail("ValidationError", "Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or "
                            "MixedInstancesPolicy parameter.");
  }
  Json zones = Json::array();
  const std::string subnets = call.get("VPCZoneIdentifier");
  for (const auto& raw : util::split(subnets, ',')) {
    const std::string id(util::trim(raw));
    if (id.empty()) continue;
    Json* subnet = find(call.rs(), col::subnets, id, &call.world);
    if (subnet == nullptr) fail("ValidationError", "The subnet ID '" + id + "' does not exist");
    if (std::find(zones.begin(), zones.end(), (*subnet)["availabilityZone"]) == zones.end()) zones.push_back((*subnet)["availabilityZone"]);
  }
  for (const auto& zone : call.params.members("AvailabilityZones")) {
    if (std::find(zones.begin(), zones.end(), Json(zone)) == zones.end()) zones.push_back(zone);
  }
  if (zones.empty()) fail("ValidationError", "At least one Availability Zone or VPC Subnet is required.");
  group["VPCZoneIdentifier"] = subnets;
  group["AvailabilityZones"] = zones;
  insert(call.world, call.rs(), k_groups, name, std::move(group));
  advance_autoscaling(call.world, call.region, call.rs(), call.world.now());
  return Json::object();
}

Json group_view(Json& region, const Json& group) {
  Json out = group;
  Json instances = Json::array();
  for (const auto& id : group["_instances"]) {
    Json* instance = find(region, col::instances, id.get<std::string>());
    if (instance == nullptr) continue;
    const std::string state = (*instance)["instanceState"].value("name", "");
    if (state == "terminated") continue;
    const std::string lifecycle = state == "pending" ? "Pending" : state == "running" ? "InService" : "Terminating";
    Json item = {{"InstanceId", id}, {"InstanceType", (*instance)["instanceType"]},
                 {"AvailabilityZone", (*instance)["placement"]["availabilityZone"]}, {"LifecycleState", lifecycle},
                 {"HealthStatus", "Healthy"}, {"ProtectedFromScaleIn", false}};
    if (group.contains("LaunchConfigurationName")) item["LaunchConfigurationName"] = group["LaunchConfigurationName"];
    if (group.contains("LaunchTemplate")) item["LaunchTemplate"] = group["LaunchTemplate"];
    instances.push_back(item);
  }
  out["Instances"] = instances;
  return out;
}

Json describe_auto_scaling_groups(Call& call) {
  const auto names = call.params.members("AutoScalingGroupNames");
  const auto filters = member_filters(call.params);
  const FilterTable table{{"auto-scaling-group", at("AutoScalingGroupName")}};
  const auto tags_of = [](const Json& group) { return key_value_tags(group["Tags"]); };
  std::vector<Json*> items;
  for (Json* group : in_order(collection(call.rs(), k_groups))) {
    if (!call.world.visible(group->value("AutoScalingGroupName", ""))) continue;
    const std::string name = group->value("AutoScalingGroupName", "");
    if (!names.empty() && std::find(names.begin(), names.end(), name) == names.end()) continue;
    if (matches(*group, filters, table, tags_of)) items.push_back(group);
  }
  const auto max = call.opt_number("MaxRecords");
  if (max && (*max < 1 || *max > 100)) fail("ValidationError", "MaxRecords must be between 1 and 100");
  const Page page = paginate(items, call.opt("NextToken"), max.value_or(50), "InvalidNextToken");
  Json list = Json::array();
  for (const Json* group : page.items) list.push_back(group_view(call.rs(), *group));
  Json out = {{"AutoScalingGroups", list}};
  if (!page.next_token.empty()) out["NextToken"] = page.next_token;
  return out;
}

Json update_auto_scaling_group(Call& call) {
  Json& group = need_group(call, call.need("AutoScalingGroupName"));
  const long long min = call.number("MinSize", group.value("MinSize", 0LL));
  const long long max = call.number("MaxSize", group.value("MaxSize", 0LL));
  long long desired = call.number("DesiredCapacity", group.value("DesiredCapacity", 0LL));
  if (!call.opt("DesiredCapacity")) desired = std::clamp(desired, min, max);
  check_sizes(call, min, max, desired);
  group["MinSize"] = min;
  group["MaxSize"] = max;
  group["DesiredCapacity"] = desired;
  if (auto subnets = call.opt("VPCZoneIdentifier")) group["VPCZoneIdentifier"] = *subnets;
  if (auto config = call.opt("LaunchConfigurationName")) group["LaunchConfigurationName"] = *config;
  if (auto id = call.opt("LaunchTemplate.LaunchTemplateId")) {
    group["LaunchTemplate"]["LaunchTemplateId"] = *id;
    group["LaunchTemplate"]["Version"] = call.get("LaunchTemplate.Version", "$Default");
  }
  if (auto type = call.opt("HealthCheckType")) group["HealthCheckType"] = *type;
  if (auto grace = call.opt_number("HealthCheckGracePeriod")) group["HealthCheckGracePeriod"] = *grace;
  if (auto warmup = call.opt_number("DefaultInstanceWarmup")) group["DefaultInstanceWarmup"] = *warmup;
  call.world.changed();
  advance_autoscaling(call.world, call.region, call.rs(), call.world.now());
  return Json::object();
}

Json set_desired_capacity(Call& call) {
  const std::string name = call.need("AutoScalingGroupName");
  Json& group = need_group(call, name);
  const long long desired = std::atoll(call.need("DesiredCapacity").c_str());
  if (desired > group.value("MaxSize", 0LL)) {
    fail("ValidationError", "New SetDesiredCapacity value " + std::to_string(desired) + " is above max value " +
                                std::to_string(group.value("MaxSize", 0LL)) + " for the AutoScalingGroup.");
  }
  if (desired < group.value("MinSize", 0LL)) {
    fail("ValidationError", "New SetDesiredCapacity value " + std::to_string(desired) + " is below min value " +
                                std::to_string(group.value("MinSize", 0LL)) + " for the AutoScalingGroup.");
  }
  group["DesiredCapacity"] = desired;
  call.world.changed();
  advance_autoscaling(call.world, call.region, call.rs(), call.world.now());
  return Json::object();
}

Json delete_auto_scaling_group(Call& call) {
  const std::string name = call.need("AutoScalingGroupName");
  Json& group = need_group(call, name);
  const bool force = call.flag("ForceDelete", false);
  bool live = false;
  for (const auto& id : group["_instances"]) {
    Json* instance = find(call.rs(), col::instances, id.get<std::string>());
    live |= instance != nullptr && (*instance)["instanceState"].value("name", "") != "terminated";
  }
  if (live && !force) {
    fail("ResourceInUse", "You cannot delete an AutoScalingGroup while there are instances or pending Spot instance "
                          "request(s) still in the group.");
  }
  group["Status"] = "Delete in progress";
  group["DesiredCapacity"] = 0;
  group["MinSize"] = 0;
  for (const auto& id : group["_instances"]) {
    if (Json* instance = find(call.rs(), col::instances, id.get<std::string>())) terminate_instance(call.world, *instance);
  }
  call.world.changed();
  advance_instances(call.world, call.rs(), call.world.now());
  advance_autoscaling(call.world, call.region, call.rs(), call.world.now());
  return Json::object();
}

Json change_tags(Call& call, bool add) {
  for (int n : call.params.indexes("Tags.member")) {
    const Params t = call.params.sub("Tags.member." + std::to_string(n));
    Json& group = need_group(call, t.get("ResourceId").value_or(""));
    Json& tags = group["Tags"];
    const std::string key = t.get("Key").value_or("");
    for (std::size_t i = tags.size(); i-- > 0;) if (tags[i].value("Key", "") == key) tags.erase(i);
    if (add) {
      tags.push_back({{"ResourceId", group["AutoScalingGroupName"]}, {"ResourceType", "auto-scaling-group"}, {"Key", key},
                      {"Value", t.get("Value").value_or("")},
                      {"PropagateAtLaunch", t.get("PropagateAtLaunch").value_or("false") == "true"}});
    }
  }
  call.world.changed();
  return Json::object();
}

Json create_or_update_tags(Call& call) { return change_tags(call, true); }
Json delete_tags(Call& call) { return change_tags(call, false); }

Json describe_scaling_activities(Call& call) {
  const std::string name = call.get("AutoScalingGroupName");
  std::vector<Json*> items;
  for (auto& [gname, group] : collection(call.rs(), k_groups).items()) {
    if (!name.empty() && gname != name) continue;
    for (auto& activity : group["_activities"]) items.push_back(&activity);
  }
  const Page page = paginate(items, call.opt("NextToken"), call.opt_number("MaxRecords").value_or(100), "InvalidNextToken");
  Json list = Json::array();
  for (const Json* activity : page.items) list.push_back(*activity);
  Json out = {{"Activities", list}};
  if (!page.next_token.empty()) out["NextToken"] = page.next_token;
  return out;
}

// What the group's instances are launched with (its launch configuration or template).
LaunchSpec group_launch_spec(Json& region, const Json& group) {
  LaunchSpec spec;
  if (group.contains("LaunchConfigurationName")) {
    Json* config = find(region, k_configs, group.value("LaunchConfigurationName", ""));
    if (config == nullptr) fail("ValidationError", "Launch configuration " + group.value("LaunchConfigurationName", "") + " not found");
    spec.image_id = config->value("ImageId", "");
    spec.instance_type = config->value("InstanceType", "");
    spec.key_name = config->value("KeyName", "");
    for (const auto& g : (*config)["SecurityGroups"]) spec.group_ids.push_back(g.get<std::string>());
    spec.user_data = config->value("UserData", "");
    spec.profile_name = config->value("IamInstanceProfile", "");
    if (spec.profile_name.rfind("arn:", 0) == 0) spec.profile_arn = std::move(spec.profile_name), spec.profile_name.clear();
    if (config->contains("AssociatePublicIpAddress")) spec.public_ip = (*config)["AssociatePublicIpAddress"].get<bool>();
  } else {
    const Json& lt = group["LaunchTemplate"];
    const Json* data = launch_template_data(region, lt.value("LaunchTemplateId", ""), lt.value("Version", "$Default"));
    if (data == nullptr) fail("ValidationError", "The launch template " + lt.value("LaunchTemplateId", "") + " does not exist.");
    spec.image_id = data->value("imageId", "");
    spec.instance_type = data->value("instanceType", "m1.small");
    spec.key_name = data->value("keyName", "");
    if (data->contains("securityGroupIdSet")) for (const auto& g : (*data)["securityGroupIdSet"]) spec.group_ids.push_back(g);
    spec.user_data = data->value("userData", "");
    if (data->contains("iamInstanceProfile")) {
      spec.profile_name = (*data)["iamInstanceProfile"].value("name", "");
      spec.profile_arn = (*data)["iamInstanceProfile"].value("arn", "");
    }
    if (data->contains("metadataOptions")) spec.metadata = (*data)["metadataOptions"];
    if (data->contains("blockDeviceMappingSet")) {
      for (const auto& d : (*data)["blockDeviceMappingSet"]) {
        Json device = d["ebs"];
        device["deviceName"] = d["deviceName"];
        spec.block_devices.push_back(device);
      }
    }
    if (data->contains("tagSpecificationSet")) {
      for (const auto& t : (*data)["tagSpecificationSet"]) {
        Tags tags = ec2_tags(t);
        if (t.value("resourceType", "") == "instance") spec.instance_tags = tags;
        if (t.value("resourceType", "") == "volume") spec.volume_tags = tags;
      }
    }
    if (data->contains("networkInterfaceSet") && !(*data)["networkInterfaceSet"].empty()) {
      const Json& nic = (*data)["networkInterfaceSet"][0];
      if (nic.contains("associatePublicIpAddress")) spec.public_ip = nic["associatePublicIpAddress"].get<bool>();
      if (nic.contains("groupSet")) for (const auto& g : nic["groupSet"]) spec.group_ids.push_back(g);
    }
  }
  for (const auto& tag : group["Tags"]) {
    if (tag.value("PropagateAtLaunch", false)) spec.instance_tags[tag.value("Key", "")] = tag.value("Value", "");
  }
  spec.instance_tags["aws:autoscaling:groupName"] = group.value("AutoScalingGroupName", "");
  return spec;
}

}  // namespace

void advance_autoscaling(World& world, const std::string& region_name, Json& region, long long now) {
  std::vector<std::string> gone;
  for (auto& [name, group] : collection(region, k_groups).items()) {
    Json live = Json::array();
    for (const auto& id : group["_instances"]) {
      Json* instance = find(region, col::instances, id.get<std::string>());
      if (instance == nullptr) continue;
      const std::string state = (*instance)["instanceState"].value("name", "");
      if (state != "terminated") live.push_back(id);
    }
    if (live.size() != group["_instances"].size()) {
      group["_instances"] = live;
      world.changed();
    }
    if (group.contains("Status")) {
      if (live.empty()) gone.push_back(name);
      continue;
    }
    std::vector<std::string> running;
    for (const auto& id : live) {
      Json* instance = find(region, col::instances, id.get<std::string>());
      if ((*instance)["instanceState"].value("name", "") != "shutting-down") running.push_back(id);
    }
    const long long desired = group.value("DesiredCapacity", 0LL);
    const long long have = static_cast<long long>(running.size());
    if (have == desired) {
      if (group.erase("_launchAt") > 0) world.changed();
      continue;
    }
    if (!group.contains("_launchAt")) {
      group["_launchAt"] = now + world.duration(5, 15);
      world.changed();
    }
    const long long due = group["_launchAt"].get<long long>();
    if (now < due) {
      world.due_at(due);
      continue;
    }
    group.erase("_launchAt");
    world.changed();
    if (have > desired) {
      for (long long i = have; i-- > desired;) {
        Json* instance = find(region, col::instances, running[static_cast<std::size_t>(i)]);
        terminate_instance(world, *instance);
        add_activity(world, group, "Terminating EC2 instance: " + running[static_cast<std::size_t>(i)], "Successful", "");
      }
      continue;
    }
    const auto subnets = util::split(group.value("VPCZoneIdentifier", ""), ',');
    for (long long i = have; i < desired; ++i) {
      // A launch that AWS would refuse is a failed activity (retried later), never a failed call.
      try {
        LaunchSpec spec = group_launch_spec(region, group);
        std::string subnet(util::trim(subnets[static_cast<std::size_t>(i) % subnets.size()]));
        spec.subnet_id = subnet;
        check_launch(world, region, region_name, spec);
        Json& instance = launch_instance(world, region, region_name, spec, world.new_id("r"), 0, due);
        group["_instances"].push_back(instance["instanceId"]);
        add_activity(world, group, "Launching a new EC2 instance: " + instance.value("instanceId", ""), "Successful", "");
      } catch (const ApiFault& fault) {
        add_activity(world, group, "Launching a new EC2 instance.  Status Reason: " + fault.message, "Failed",
                     fault.code + ": " + fault.message);
        group["_launchAt"] = now + std::max(1000LL, world.duration(10, 10));
        world.due_at(group["_launchAt"].get<long long>());
        break;
      }
    }
  }
  for (const auto& name : gone) erase(world, region, k_groups, name);
}

void register_autoscaling(Registry& r) {
  using aws::Service;
  r.add(Service::autoscaling, "CreateLaunchConfiguration", create_launch_configuration);
  r.add(Service::autoscaling, "DescribeLaunchConfigurations", describe_launch_configurations);
  r.add(Service::autoscaling, "DeleteLaunchConfiguration", delete_launch_configuration);
  r.add(Service::autoscaling, "CreateAutoScalingGroup", create_auto_scaling_group);
  r.add(Service::autoscaling, "DescribeAutoScalingGroups", describe_auto_scaling_groups);
  r.add(Service::autoscaling, "UpdateAutoScalingGroup", update_auto_scaling_group);
  r.add(Service::autoscaling, "SetDesiredCapacity", set_desired_capacity);
  r.add(Service::autoscaling, "DeleteAutoScalingGroup", delete_auto_scaling_group);
  r.add(Service::autoscaling, "CreateOrUpdateTags", create_or_update_tags);
  r.add(Service::autoscaling, "DeleteTags", delete_tags);
  r.add(Service::autoscaling, "DescribeScalingActivities", describe_scaling_activities);
}

}  // namespace hopper::sim

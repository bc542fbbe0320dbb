#include "sim/state/ec2_instances.hpp"

#include "codec/base64.hpp"
#include "sim/state/ec2_network.hpp"
#include "sim/state/families.hpp"

namespace hopper::sim {
namespace {

int state_code(const std::string& name) {
  if (name == "pending") return 0;
  if (name == "running") return 16;
  if (name == "shutting-down") return 32;
  if (name == "terminated") return 48;
  if (name == "stopping") return 64;
  return 80;  // stopped
}

Json* find_group_by_name(Json& region, const std::string& vpc_id, const std::string& name) {
  for (auto& [id, group] : collection(region, col::security_groups).items()) {
    if (group.value("groupName", "") == name && group.value("vpcId", "") == vpc_id) return &group;
  }
  return nullptr;
}

void check_profile(World& world, LaunchSpec& spec) {
  if (spec.profile_name.empty() && spec.profile_arn.empty()) return;
  const bool by_arn = spec.profile_name.empty();
  const std::string wanted = by_arn ? spec.profile_arn : spec.profile_name;
  const std::string invalid = by_arn ? "Value (" + wanted + ") for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN"
                                     : "Value (" + wanted + ") for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name";
  Json& profiles = world.global()["instanceProfiles"];
  const Json* profile = nullptr;
  if (profiles.is_object()) {
    for (auto& [name, p] : profiles.items()) {
      if ((by_arn && p.value("Arn", "") == wanted) || (!by_arn && name == wanted)) profile = &p;
    }
  }
  // EC2 sees a profile only some seconds after IAM made it (or gave it its role).
  if (profile == nullptr || world.now() < profile->value("_ec2VisibleAt", 0LL)) fail("InvalidParameterValue", invalid);
  if (!profile->contains("Roles") || (*profile)["Roles"].empty()) {
    fail("InvalidParameterValue", "Value (" + wanted + ") for parameter iamInstanceProfile.name is invalid. " +
                                      "Instance profile has no associated IAM Roles");
  }
  spec.profile_arn = profile->value("Arn", "");
  spec.profile_name = profile->value("InstanceProfileName", "");
}

}  // namespace

void set_instance_state(Json& instance, const std::string& name) {
  instance["instanceState"] = {{"code", state_code(name)}, {"name", name}};
}

void check_launch(World& world, Json& region, const std::string& region_name, LaunchSpec& spec) {
  if (spec.image_id.empty()) fail("MissingParameter", "The request must contain the parameter ImageId");
  Json* image = find(region, col::images, spec.image_id, &world);
  if (image == nullptr) fail("InvalidAMIID.NotFound", "The image id '[" + spec.image_id + "]' does not exist");
  if (image->value("imageState", "") != "available") {
    fail("InvalidAMIID.Unavailable", "The image id '[" + spec.image_id + "]' is not available");
  }
  const Json* type = instance_type_info(spec.instance_type);
  if (type == nullptr) fail("InvalidParameterValue", "Invalid value '" + spec.instance_type + "' for InstanceType.");
  const std::string arch = image->value("architecture", "x86_64");
  bool arch_ok = false;
  for (const auto& a : (*type)["processorInfo"]["supportedArchitectures"]) arch_ok |= a.get<std::string>() == arch;
  if (!arch_ok) {
    fail("InvalidParameterValue", "The architecture '" + (*type)["processorInfo"]["supportedArchitectures"][0].get<std::string>() +
                                      "' of the specified instance type does not match the architecture '" + arch +
                                      "' of the specified AMI. Specify an instance type and an AMI that have matching "
                                      "architectures, and try again.");
  }
  if (!spec.key_name.empty()) {
    bool found = false;
    for (auto& [id, key] : collection(region, col::key_pairs).items()) found |= key.value("keyName", "") == spec.key_name;
    if (!found) fail("InvalidKeyPair.NotFound", "The key pair '" + spec.key_name + "' does not exist");
  }
  if (spec.subnet_id.empty()) {
    const std::string zone = zone_names(region_name).front();
    for (auto& [id, subnet] : collection(region, col::subnets).items()) {
      if (subnet.value("defaultForAz", false) && subnet.value("availabilityZone", "") == zone) spec.subnet_id = id;
    }
    if (spec.subnet_id.empty()) fail("VPCIdNotSpecified", "No default VPC for this user");
  }
  Json* subnet = find(region, col::subnets, spec.subnet_id, &world);
  if (subnet == nullptr) fail("InvalidSubnetID.NotFound", "The subnet ID '" + spec.subnet_id + "' does not exist");
  const std::string vpc_id = subnet->value("vpcId", "");
  for (const auto& name : spec.group_names) {
    Json* group = find_group_by_name(region, vpc_id, name);
    if (group == nullptr) fail("InvalidGroup.NotFound", "The security group '" + name + "' does not exist in VPC '" + vpc_id + "'");
    spec.group_ids.push_back(group->value("groupId", ""));
  }
  if (spec.group_ids.empty()) spec.group_ids.push_back(find_group_by_name(region, vpc_id, "default")->value("groupId", ""));
  for (const auto& id : spec.group_ids) {
    Json* group = find(region, col::security_groups, id, &world);
    if (group == nullptr) fail("InvalidGroup.NotFound", "The security group '" + id + "' does not exist");
    if (group->value("vpcId", "") != vpc_id) {
      fail("InvalidParameter", "Security group " + id + " and subnet " + spec.subnet_id + " belong to different networks.");
    }
  }
  if (spec.private_ip) {
    Json probe = *subnet;  // checks the address without taking it
    take_private_ip(probe, "check", spec.private_ip);
  }
  if (!spec.user_data.empty() && !codec::base64_decode(spec.user_data)) {
    fail("InvalidParameterValue", "Invalid BASE64 encoding of user data.");
  }
  check_profile(world, spec);
}

Json& launch_instance(World& world, Json& region, const std::string& region_name, const LaunchSpec& spec,
                      const std::string& reservation_id, int launch_index, std::optional<long long> launched_at) {
  Json& subnet = *find(region, col::subnets, spec.subnet_id);
  const Json& image = *find(region, col::images, spec.image_id);
  const std::string id = world.new_id("i");
  const long long started = launched_at.value_or(world.now());
  const std::string now = iso_time(started);
  const bool public_ip = spec.public_ip.value_or(subnet.value("mapPublicIpOnLaunch", false));

  EniSpec eni_spec;
  eni_spec.subnet_id = spec.subnet_id;
  eni_spec.group_ids = spec.group_ids;
  eni_spec.private_ip = spec.private_ip;
  eni_spec.public_ip = public_ip ? new_public_ip(world) : "";
  eni_spec.tags = spec.eni_tags;
  Json& eni = make_network_interface(world, region, region_name, eni_spec);
  eni["status"] = "in-use";
  eni["attachment"] = {{"attachmentId", world.new_id("eni-attach")}, {"instanceId", id}, {"instanceOwnerId", k_account},
                       {"deviceIndex", 0}, {"status", "attached"}, {"attachTime", now}, {"deleteOnTermination", true},
                       {"networkCardIndex", 0}};

  // Volumes: the image's root device (sized by a matching BlockDeviceMapping), then extras.
  const std::string root_device = image.value("rootDeviceName", "/dev/sda1");
  Json devices = Json::array();
  long long root_size = 8;
  std::string root_snapshot;
  for (const auto& mapping : image["blockDeviceMapping"]) {
    if (mapping.value("deviceName", "") == root_device) {
      root_size = mapping["ebs"].value("volumeSize", 8LL);
      root_snapshot = mapping["ebs"].value("snapshotId", "");
    }
  }
  Json root = {{"deviceName", root_device}, {"volumeSize", root_size}, {"volumeType", "gp3"}, {"deleteOnTermination", true},
               {"encrypted", false}, {"snapshotId", root_snapshot}};
  devices.push_back(root);
  for (const auto& device : spec.block_devices) {
    if (device.value("deviceName", "") == root_device) {
      for (const auto& [key, value] : device.items()) devices[0][key] = value;
    } else {
      devices.push_back(device);
    }
  }
  Json mappings = Json::array();
  for (const auto& device : devices) {
    const std::string volume_id = world.new_id("vol");
    const bool delete_on_termination = device.value("deleteOnTermination", true);
    insert(world, region, col::volumes, volume_id,
           {{"volumeId", volume_id}, {"size", device.value("volumeSize", 8LL)}, {"volumeType", device.value("volumeType", "gp3")},
            {"status", "in-use"}, {"availabilityZone", subnet["availabilityZone"]}, {"createTime", now},
            {"encrypted", device.value("encrypted", false)}, {"snapshotId", device.value("snapshotId", "")},
            {"iops", 3000}, {"throughput", 125}, {"multiAttachEnabled", false},
            {"attachmentSet", Json::array({{{"volumeId", volume_id}, {"instanceId", id}, {"device", device["deviceName"]},
                                            {"status", "attached"}, {"attachTime", now},
                                            {"deleteOnTermination", delete_on_termination}}})},
            {"tagSet", ec2_tag_set(spec.volume_tags)}});
    mappings.push_back({{"deviceName", device["deviceName"]},
                        {"ebs", {{"volumeId", volume_id}, {"status", "attached"}, {"attachTime", now},
                                 {"deleteOnTermination", delete_on_termination}}}});
  }

  Json metadata = {{"state", "applied"}, {"httpTokens", spec.metadata.value("httpTokens", "optional")},
                   {"httpPutResponseHopLimit", spec.metadata.value("httpPutResponseHopLimit", 1LL)},
                   {"httpEndpoint", spec.metadata.value("httpEndpoint", "enabled")}, {"httpProtocolIpv6", "disabled"},
                   {"instanceMetadataTags", "disabled"}};
  const Json* type = instance_type_info(spec.instance_type);
  Json instance = {{"instanceId", id},
                   {"imageId", spec.image_id},
                   {"instanceType", spec.instance_type},
                   {"subnetId", spec.subnet_id},
                   {"vpcId", subnet["vpcId"]},
                   {"privateIpAddress", eni["privateIpAddress"]},
                   {"placement", {{"availabilityZone", subnet["availabilityZone"]}, {"groupName", ""}, {"tenancy", "default"}}},
                   {"launchTime", now},
                   {"amiLaunchIndex", launch_index},
                   {"architecture", image.value("architecture", "x86_64")},
                   {"rootDeviceName", root_device},
                   {"rootDeviceType", "ebs"},
                   {"virtualizationType", "hvm"},
                   {"hypervisor", "xen"},
                   {"monitoring", {{"state", "disabled"}}},
                   {"sourceDestCheck", true},
                   {"ebsOptimized", false},
                   {"enaSupport", true},
                   {"platformDetails", "Linux/UNIX"},
                   {"cpuOptions", {{"coreCount", type ? (*type)["vCpuInfo"].value("defaultVCpus", 2LL) : 1LL}, {"threadsPerCore", 1}}},
                   {"clientToken", spec.client_token},
                   {"blockDeviceMapping", mappings},
                   {"metadataOptions", metadata},
                   {"productCodes", Json::array()},
                   {"tagSet", ec2_tag_set(spec.instance_tags)},
                   {"_enis", Json::array({eni["networkInterfaceId"]})},
                   {"_reservation", reservation_id},
                   {"_userData", spec.user_data}};
  if (!spec.key_name.empty()) instance["keyName"] = spec.key_name;
  if (!spec.profile_arn.empty()) {
    instance["iamInstanceProfile"] = {{"arn", spec.profile_arn}, {"id", "AIPA" + id.substr(3, 17)}};
  }
  set_instance_state(instance, "pending");
  instance["_next"] = {{"state", "running"}, {"at", started + world.duration(15, 30)}};
  Json& stored = insert(world, region, col::instances, id, std::move(instance));
  advance_instances(world, region, world.now());
  return stored;
}

void terminate_instance(World& world, Json& instance) {
  const std::string state = instance["instanceState"].value("name", "");
  if (state == "terminated" || state == "shutting-down") return;
  set_instance_state(instance, "shutting-down");
  instance["reason"] = "User initiated (" + iso_time(world.now()).substr(0, 19) + " GMT)";
  instance["stateReason"] = {{"code", "Client.UserInitiatedShutdown"}, {"message", "Client.UserInitiatedShutdown: User initiated shutdown"}};
  instance["_next"] = {{"state", "terminated"}, {"at", world.now() + world.duration(30, 60)}};
  world.changed();
}

Json view_instance(Json& region, const std::string& region_name, const Json& instance) {
  Json out = instance;
  Json groups = Json::array();
  Json interfaces = Json::array();
  for (const auto& eni_id : instance["_enis"]) {
    Json* eni = find(region, col::network_interfaces, eni_id.get<std::string>());
    if (eni == nullptr) continue;
    if (groups.empty()) groups = (*eni)["groupSet"];
    Json item = *eni;
    item.erase("availabilityZone");
    item.erase("requesterManaged");
    item.erase("interfaceType");
    interfaces.push_back(item);
    if (eni->contains("association")) {
      out["ipAddress"] = (*eni)["association"]["publicIp"];
      out["dnsName"] = public_dns((*eni)["association"].value("publicIp", ""), region_name);
    }
  }
  out["groupSet"] = groups;
  out["networkInterfaceSet"] = interfaces;
  const std::string state = instance["instanceState"].value("name", "");
  out["privateDnsName"] = state == "terminated" ? "" : private_dns(instance.value("privateIpAddress", ""), region_name);
  if (!out.contains("dnsName")) out["dnsName"] = "";
  if (!out.contains("reason")) out["reason"] = "";
  if (state == "terminated") {
    out.erase("privateIpAddress");
    out.erase("ipAddress");
  }
  return out;
}

void advance_instances(World& world, Json& region, long long now) {
  std::vector<std::string> purge;
  for (auto& [id, instance] : collection(region, col::instances).items()) {
    if (instance.contains("_next") && now >= instance["_next"].value("at", 0LL)) {
      const std::string next = instance["_next"].value("state", "");
      instance.erase("_next");
      set_instance_state(instance, next);
      world.changed();
      if (next == "stopped" || next == "terminated") {
        // A public address that is not an Elastic IP goes when the instance stops.
        for (const auto& eni_id : instance["_enis"]) {
          Json* eni = find(region, col::network_interfaces, eni_id.get<std::string>());
          if (eni != nullptr && eni->contains("association") && !(*eni)["association"].contains("allocationId")) {
            eni->erase("association");
          }
        }
      }
      if (next == "stopped") {
        instance["stateReason"] = {{"code", "Client.UserInitiatedShutdown"},
                                   {"message", "Client.UserInitiatedShutdown: User initiated shutdown"}};
      }
      if (next == "terminated") {
        for (const auto& eni_id : instance["_enis"]) {
          if (find(region, col::network_interfaces, eni_id.get<std::string>())) {
            delete_network_interface(world, region, eni_id.get<std::string>());
          }
        }
        for (auto& mapping : instance["blockDeviceMapping"]) {
          const std::string volume_id = mapping["ebs"].value("volumeId", "");
          Json* volume = find(region, col::volumes, volume_id);
          if (volume == nullptr) continue;
          if (mapping["ebs"].value("deleteOnTermination", true)) {
            erase(world, region, col::volumes, volume_id);
          } else {
            (*volume)["status"] = "available";
            (*volume)["attachmentSet"] = Json::array();
          }
        }
        instance["blockDeviceMapping"] = Json::array();
        instance["_purge"] = now + 3600 * 1000LL;
      }
    }
    if (instance.contains("_next")) world.due_at(instance["_next"].value("at", 0LL));
    if (instance.contains("_purge")) {
      if (now >= instance["_purge"].get<long long>()) purge.push_back(id);
      else world.due_at(instance["_purge"].get<long long>());
    }
  }
  for (const auto& id : purge) erase(world, region, col::instances, id);
}

}  // namespace hopper::sim

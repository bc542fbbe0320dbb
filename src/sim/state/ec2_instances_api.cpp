// The EC2 instance actions: RunInstances (with ClientToken idempotency and DryRun),
// DescribeInstances, Stop/Start/TerminateInstances, GetConsoleOutput, DescribeInstanceAttribute.
#include "codec/base64.hpp"
#include "crypto/digest.hpp"
#include "sim/state/ec2_instances.hpp"
#include "sim/state/ec2_network.hpp"
#include "sim/state/families.hpp"

namespace hopper::sim {
namespace {

std::string instance_missing(const std::string& id) { return "The instance ID '" + id + "' does not exist"; }

LaunchSpec parse_run(Call& call) {
  LaunchSpec spec;
  spec.image_id = call.need("ImageId");
  spec.instance_type = call.get("InstanceType", "m1.small");
  spec.key_name = call.get("KeyName");
  spec.subnet_id = call.get("SubnetId");
  spec.group_ids = call.params.list("SecurityGroupId");
  spec.group_names = call.params.list("SecurityGroup");
  spec.private_ip = call.opt("PrivateIpAddress");
  if (!call.params.indexes("NetworkInterface").empty()) {
    const Params nic = call.params.sub("NetworkInterface.1");
    if (auto subnet = nic.get("SubnetId")) spec.subnet_id = *subnet;
    for (const auto& g : nic.list("SecurityGroupId")) spec.group_ids.push_back(g);
    if (auto ip = nic.get("PrivateIpAddress")) spec.private_ip = *ip;
    if (auto pub = nic.get("AssociatePublicIpAddress")) spec.public_ip = *pub == "true";
  }
  spec.profile_name = call.get("IamInstanceProfile.Name");
  spec.profile_arn = call.get("IamInstanceProfile.Arn");
  spec.user_data = call.get("UserData");
  if (!spec.user_data.empty()) {
    // AWS counts the decoded bytes against the 16 KiB limit.
    const auto decoded = codec::base64_decode(spec.user_data);
    if (!decoded) fail("InvalidParameterValue", "Invalid BASE64 encoding of user data.");
    if (decoded->size() > 16384) fail("InvalidParameterValue", "User data is limited to 16384 bytes");
  }
  if (auto tokens = call.opt("MetadataOptions.HttpTokens")) spec.metadata["httpTokens"] = *tokens;
  if (auto hop = call.opt_number("MetadataOptions.HttpPutResponseHopLimit")) spec.metadata["httpPutResponseHopLimit"] = *hop;
  if (auto endpoint = call.opt("MetadataOptions.HttpEndpoint")) spec.metadata["httpEndpoint"] = *endpoint;
  for (int n : call.params.indexes("BlockDeviceMapping")) {
    const Params d = call.params.sub("BlockDeviceMapping." + std::to_string(n));
    Json device = {{"deviceName", d.get("DeviceName").value_or("")}};
    if (auto size = d.get("Ebs.VolumeSize")) device["volumeSize"] = std::atoll(size->c_str());
    if (auto type = d.get("Ebs.VolumeType")) device["volumeType"] = *type;
    if (auto del = d.get("Ebs.DeleteOnTermination")) device["deleteOnTermination"] = *del == "true";
    if (auto enc = d.get("Ebs.Encrypted")) device["encrypted"] = *enc == "true";
    spec.block_devices.push_back(device);
  }
  spec.instance_tags = tag_specification(call.params, "instance");
  spec.volume_tags = tag_specification(call.params, "volume");
  spec.eni_tags = tag_specification(call.params, "network-interface");
  spec.client_token = call.get("ClientToken");
  return spec;
}

Json reservation_view(Call& call, const std::string& reservation_id, const std::vector<Json*>& instances) {
  Json items = Json::array();
  for (const Json* instance : instances) items.push_back(view_instance(call.rs(), call.region, *instance));
  return {{"reservationId", reservation_id}, {"ownerId", k_account}, {"groupSet", Json::array()}, {"instancesSet", items}};
}

Json run_instances(Call& call) {
  LaunchSpec spec = parse_run(call);
  const long long min_count = call.number("MinCount", 1);
  const long long max_count = call.number("MaxCount", 1);
  if (min_count < 1 || max_count < min_count) call.invalid("Invalid value for MinCount/MaxCount.");
  Json& region = call.rs();
  const std::string fingerprint = spec.image_id + "|" + spec.instance_type + "|" + spec.subnet_id + "|" + std::to_string(max_count);
  Json& tokens = region["_clientTokens"];
  if (!tokens.is_object()) tokens = Json::object();
  if (!spec.client_token.empty() && tokens.contains(spec.client_token)) {
    // The same token answers the original reservation, as AWS does (moto launches again).
    const Json& entry = tokens[spec.client_token];
    if (entry.value("fingerprint", "") != fingerprint) {
      fail("IdempotentParameterMismatch", "Arguments on this idempotent request are inconsistent with arguments used in "
                                          "previous request(s).");
    }
    std::vector<Json*> instances;
    for (const auto& id : entry["instances"]) {
      if (Json* instance = find(region, col::instances, id.get<std::string>())) instances.push_back(instance);
    }
    return reservation_view(call, entry.value("reservation", ""), instances);
  }
  check_launch(call.world, region, call.region, spec);
  if (call.flag("DryRun", false)) fail("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
  const std::string reservation_id = call.world.new_id("r");
  std::vector<Json*> launched;
  Json ids = Json::array();
  for (long long i = 0; i < max_count; ++i) {
    LaunchSpec one = spec;
    if (i > 0) one.private_ip.reset();
    Json& instance = launch_instance(call.world, region, call.region, one, reservation_id, static_cast<int>(i));
    ids.push_back(instance["instanceId"]);
  }
  for (const auto& id : ids) launched.push_back(find(region, col::instances, id.get<std::string>()));
  if (!spec.client_token.empty()) {
    tokens[spec.client_token] = {{"reservation", reservation_id}, {"instances", ids}, {"fingerprint", fingerprint}};
  }
  return reservation_view(call, reservation_id, launched);
}

const FilterTable& instance_filters() {
  static const FilterTable table{{"instance-id", at("instanceId")},
                                 {"instance-state-name", at("instanceState.name")},
                                 {"instance-state-code", at("instanceState.code")},
                                 {"instance-type", at("instanceType")},
                                 {"image-id", at("imageId")},
                                 {"vpc-id", at("vpcId")},
                                 {"subnet-id", at("subnetId")},
                                 {"key-name", at("keyName")},
                                 {"private-ip-address", at("privateIpAddress")},
                                 {"ip-address", at("ipAddress")},
                                 {"availability-zone", at("placement.availabilityZone")},
                                 {"instance.group-id", at("groupSet[].groupId")},
                                 {"instance.group-name", at("groupSet[].groupName")},
                                 {"group-id", at("groupSet[].groupId")},
                                 {"group-name", at("groupSet[].groupName")},
                                 {"architecture", at("architecture")},
                                 {"client-token", at("clientToken")},
                                 {"reservation-id", at("_reservation")},
                                 {"iam-instance-profile.arn", at("iamInstanceProfile.arn")},
                                 {"network-interface.network-interface-id", at("networkInterfaceSet[].networkInterfaceId")},
                                 {"owner-id", [](const Json&) { return Values{k_account}; }}};
  return table;
}

// Filters whose values view_instance() changes (groups and addresses come from the interfaces;
// a terminated instance loses its addresses): only these need the rendered view.
bool view_filter(const std::string& name) {
  return name == "instance.group-id" || name == "instance.group-name" || name == "group-id" || name == "group-name" ||
         name == "network-interface.network-interface-id" || name == "ip-address" || name == "private-ip-address";
}

Json describe_instances(Call& call) {
  const auto ids = call.params.list("InstanceId");
  if (!ids.empty() && call.opt("MaxResults")) {
    fail("InvalidParameterCombination", "The parameter instancesSet cannot be used with the parameter maxResults");
  }
  DescribeSpec spec{col::instances, "InstanceId", "items", instance_missing, "InvalidInstanceID.NotFound", instance_filters(),
                    [](Call& c, const Json& instance) { return view_instance(c.rs(), c.region, instance); }};
  // Filters see the rendered instance (group ids, addresses); describe() filters stored items,
  // so filter here on views instead.
  spec.filters = {};
  const auto filters = ec2_filters(call.params);
  check_filter_names(filters, instance_filters());
  Json& items = collection(call.rs(), col::instances);
  std::vector<Json*> selected;
  if (!ids.empty()) {
    for (const auto& id : ids) {
      Json* found = find(call.rs(), col::instances, id, &call.world);
      if (found == nullptr) fail("InvalidInstanceID.NotFound", instance_missing(id));
      selected.push_back(found);
    }
  } else {
    selected = candidates(call, items, filters);
  }
  // Rendering a view costs a copy of the instance: first drop what the stored instance already
  // fails (every filter whose values the view does not change), then check all on the view.
  std::vector<Filter> stored_filters;
  for (const auto& filter : filters) {
    if (!view_filter(filter.name)) stored_filters.push_back(filter);
  }
  std::vector<Json> views;
  std::vector<Json*> kept;
  views.reserve(selected.size());
  for (Json* item : selected) {
    if (!matches(*item, stored_filters, instance_filters(), ec2_tags)) continue;
    Json view = view_instance(call.rs(), call.region, *item);
    if (matches(view, filters, instance_filters(), ec2_tags)) views.push_back(std::move(view));
  }
  for (auto& view : views) kept.push_back(&view);
  const auto max = call.opt_number("MaxResults");
  if (max && (*max < 5 || *max > 1000)) call.invalid("Value ( " + std::to_string(*max) + " ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.");
  const Page page = paginate(kept, call.opt("NextToken"), max, "InvalidNextToken");
  Json reservations = Json::array();
  for (const Json* view : page.items) {
    const std::string reservation = view->value("_reservation", "");
    if (reservations.empty() || reservations.back().value("reservationId", "") != reservation) {
      reservations.push_back({{"reservationId", reservation}, {"ownerId", k_account}, {"groupSet", Json::array()},
                              {"instancesSet", Json::array()}});
    }
    reservations.back()["instancesSet"].push_back(*view);
  }
  Json out = {{"reservationSet", reservations}};
  if (!page.next_token.empty()) out["nextToken"] = page.next_token;
  return out;
}

Json change_state(Call& call, const std::string& action) {
  const auto ids = call.params.list("InstanceId");
  if (ids.empty()) call.missing("InstanceId");
  std::vector<Json*> instances;
  for (const auto& id : ids) instances.push_back(&need(call, col::instances, id, "InvalidInstanceID.NotFound", instance_missing(id)));
  for (Json* instance : instances) {
    const std::string state = (*instance)["instanceState"].value("name", "");
    if (action == "stop" && (state == "shutting-down" || state == "terminated")) {
      fail("IncorrectInstanceState", "This instance '" + instance->value("instanceId", "") + "' is not in a state from which it can be stopped.");
    }
    if (action == "start" && state != "stopped" && state != "running" && state != "pending") {
      fail("IncorrectInstanceState", "The instance '" + instance->value("instanceId", "") + "' is not in a state from which it can be started.");
    }
  }
  if (call.flag("DryRun", false)) fail("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
  Json changes = Json::array();
  for (Json* instance : instances) {
    Json previous = (*instance)["instanceState"];
    const std::string state = previous.value("name", "");
    if (action == "terminate") {
      terminate_instance(call.world, *instance);
    } else if (action == "stop" && (state == "running" || state == "pending")) {
      set_instance_state(*instance, "stopping");
      (*instance)["_next"] = {{"state", "stopped"}, {"at", call.world.now() + call.world.duration(20, 40)}};
    } else if (action == "start" && state == "stopped") {
      set_instance_state(*instance, "pending");
      instance->erase("stateReason");
      (*instance)["_next"] = {{"state", "running"}, {"at", call.world.now() + call.world.duration(15, 30)}};
    }
    call.world.changed();
    advance_instances(call.world, call.rs(), call.world.now());
    changes.push_back({{"instanceId", (*instance)["instanceId"]}, {"previousState", previous}, {"currentState", (*instance)["instanceState"]}});
  }
  return {{"instancesSet", changes}};
}

Json terminate_instances(Call& call) { return change_state(call, "terminate"); }
Json stop_instances(Call& call) { return change_state(call, "stop"); }
Json start_instances(Call& call) { return change_state(call, "start"); }

// What cloud-init prints on a first boot, with the host keys' fingerprints (as ssh-keyscan
// would show them), derived from the instance id so that they stay the same across calls.
std::string console_text(const Json& instance, const std::string& region_name) {
  const std::string id = instance.value("instanceId", "");
  const std::string ip = instance.value("privateIpAddress", "");
  std::string out = "[    0.000000] Linux version 6.8.0-1029-aws (buildd@lcy02-amd64-017) #31-Ubuntu SMP\n"
                    "[    0.000000] Command line: BOOT_IMAGE=/vmlinuz-6.8.0-1029-aws root=PARTUUID=1 ro console=tty1 console=ttyS0\n"
                    "Cloud-init v. 24.4-0ubuntu1~24.04.2 running 'init' at " + instance.value("launchTime", "") +
                    ". Up 5.12 seconds.\n"
                    "ci-info: ++++++++++++++++++++++Net device info+++++++++++++++++++++++\n"
                    "ci-info: | ens5 | True | " + ip + " | 255.255.240.0 | global |\n"
                    "Cloud-init v. 24.4-0ubuntu1~24.04.2 running 'modules:config'. Up 9.80 seconds.\n"
                    "-----BEGIN SSH HOST KEY FINGERPRINTS-----\n";
  for (const char* type : {"ECDSA", "ED25519", "RSA"}) {
    const std::string digest = codec::base64_encode(crypto::sha256(id + type));
    out += std::string(type == std::string("RSA") ? "3072" : type == std::string("ECDSA") ? "256" : "256") + " SHA256:" +
           digest.substr(0, 43) + " root@" + private_dns(ip, region_name).substr(0, private_dns(ip, region_name).find('.')) +
           " (" + type + ")\n";
  }
  out += "-----END SSH HOST KEY FINGERPRINTS-----\n"
         "Cloud-init v. 24.4-0ubuntu1~24.04.2 finished at " + instance.value("launchTime", "") + ". Up 21.42 seconds\n";
  return out;
}

Json get_console_output(Call& call) {
  const std::string id = call.need("InstanceId");
  Json& instance = need(call, col::instances, id, "InvalidInstanceID.NotFound", instance_missing(id));
  Json out = {{"instanceId", id}, {"timestamp", now_iso(call)}};
  const std::string state = instance["instanceState"].value("name", "");
  if (state != "pending") out["output"] = codec::base64_encode(console_text(instance, call.region));
  return out;
}

Json describe_instance_attribute(Call& call) {
  const std::string id = call.need("InstanceId");
  const std::string attribute = call.need("Attribute");
  Json& instance = need(call, col::instances, id, "InvalidInstanceID.NotFound", instance_missing(id));
  Json out = {{"instanceId", id}};
  if (attribute == "userData") {
    out["userData"] = Json::object();
    if (!instance.value("_userData", "").empty()) out["userData"]["value"] = instance["_userData"];
  } else if (attribute == "instanceType") {
    out["instanceType"] = {{"value", instance["instanceType"]}};
  } else if (attribute == "disableApiTermination" || attribute == "disableApiStop") {
    out[attribute] = {{"value", false}};
  } else if (attribute == "instanceInitiatedShutdownBehavior") {
    out[attribute] = {{"value", "stop"}};
  } else if (attribute == "rootDeviceName") {
    out[attribute] = {{"value", instance["rootDeviceName"]}};
  } else if (attribute == "groupSet") {
    out["groupSet"] = view_instance(call.rs(), call.region, instance)["groupSet"];
  } else if (attribute == "blockDeviceMapping") {
    out["blockDeviceMapping"] = instance["blockDeviceMapping"];
  } else if (attribute == "sourceDestCheck" || attribute == "ebsOptimized" || attribute == "enaSupport") {
    out[attribute] = {{"value", instance.value(attribute, false)}};
  } else {
    call.invalid("Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
  }
  return out;
}

}  // namespace

void register_ec2_instances(Registry& r) {
  using aws::Service;
  r.add(Service::ec2, "RunInstances", run_instances);
  r.add(Service::ec2, "DescribeInstances", describe_instances);
  r.add(Service::ec2, "TerminateInstances", terminate_instances);
  r.add(Service::ec2, "StopInstances", stop_instances);
  r.add(Service::ec2, "StartInstances", start_instances);
  r.add(Service::ec2, "GetConsoleOutput", get_console_output);
  r.add(Service::ec2, "DescribeInstanceAttribute", describe_instance_attribute);
}

}  // namespace hopper::sim

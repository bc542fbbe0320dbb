// Key pairs, tags on every EC2 resource, instance types, and network interfaces.
#include "codec/base64.hpp"
#include "crypto/digest.hpp"
#include "sim/state/ec2_instances.hpp"
#include "sim/state/ec2_network.hpp"
#include "sim/state/families.hpp"
#include "util/strings.hpp"

namespace hopper::sim {

Json& make_network_interface(World& world, Json& region, const std::string& region_name, const EniSpec& spec) {
  Json& subnet = *find(region, col::subnets, spec.subnet_id);
  const std::string id = world.new_id("eni");
  const std::string ip = take_private_ip(subnet, id, spec.private_ip);
  Json groups = Json::array();
  for (const auto& group_id : spec.group_ids) {
    Json* group = find(region, col::security_groups, group_id);
    groups.push_back({{"groupId", group_id}, {"groupName", group ? (*group)["groupName"] : Json("")}});
  }
  const std::string mac = "0a:" + util::hex_encode(crypto::sha256(id)).substr(0, 10);
  Json eni = {{"networkInterfaceId", id},
              {"subnetId", spec.subnet_id},
              {"vpcId", subnet["vpcId"]},
              {"availabilityZone", subnet["availabilityZone"]},
              {"description", spec.description},
              {"ownerId", k_account},
              {"requesterManaged", spec.requester_managed},
              {"status", "available"},
              {"macAddress", mac.substr(0, 2) + ":" + mac.substr(3, 2) + ":" + mac.substr(5, 2) + ":" + mac.substr(7, 2) + ":" +
                                 mac.substr(9, 2) + ":" + mac.substr(11, 2)},
              {"privateIpAddress", ip},
              {"privateDnsName", private_dns(ip, region_name)},
              {"sourceDestCheck", true},
              {"interfaceType", spec.interface_type},
              {"groupSet", groups},
              {"privateIpAddressesSet", Json::array({{{"privateIpAddress", ip}, {"privateDnsName", private_dns(ip, region_name)},
                                                      {"primary", true}}})},
              {"ipv6AddressesSet", Json::array()},
              {"tagSet", ec2_tag_set(spec.tags)}};
  if (!spec.requester_id.empty()) eni["requesterId"] = spec.requester_id;
  if (!spec.public_ip.empty()) {
    eni["association"] = {{"publicIp", spec.public_ip}, {"ipOwnerId", "amazon"}, {"publicDnsName", public_dns(spec.public_ip, region_name)}};
  }
  return insert(world, region, col::network_interfaces, id, std::move(eni));
}

void delete_network_interface(World& world, Json& region, const std::string& eni_id) {
  Json* eni = find(region, col::network_interfaces, eni_id);
  if (eni == nullptr) return;
  release_private_ip(region, eni->value("subnetId", ""), eni->value("privateIpAddress", ""));
  erase(world, region, col::network_interfaces, eni_id);
}

const Json* instance_type_info(const std::string& type) {
  static const Json table = [] {
    struct Row {
      const char* name;
      int vcpus;
      int memory;
      const char* arch;
      int enis;
      int ips;
    };
    const Row rows[] = {{"t2.micro", 1, 1024, "x86_64", 2, 2},     {"t2.small", 1, 2048, "x86_64", 3, 4},
                        {"t2.medium", 2, 4096, "x86_64", 3, 6},    {"t2.large", 2, 8192, "x86_64", 3, 12},
                        {"t3.micro", 2, 1024, "x86_64", 2, 2},     {"t3.small", 2, 2048, "x86_64", 3, 4},
                        {"t3.medium", 2, 4096, "x86_64", 3, 6},    {"t3.large", 2, 8192, "x86_64", 3, 12},
                        {"t3.xlarge", 4, 16384, "x86_64", 4, 15},  {"t3a.medium", 2, 4096, "x86_64", 3, 6},
                        {"t3a.large", 2, 8192, "x86_64", 3, 12},   {"m5.large", 2, 8192, "x86_64", 3, 10},
                        {"m5.xlarge", 4, 16384, "x86_64", 4, 15},  {"m6i.large", 2, 8192, "x86_64", 3, 10},
                        {"m7i.large", 2, 8192, "x86_64", 3, 10},   {"c5.large", 2, 4096, "x86_64", 3, 10},
                        {"c6i.large", 2, 4096, "x86_64", 3, 10},   {"r5.large", 2, 16384, "x86_64", 3, 10},
                        {"m1.small", 1, 1740, "x86_64", 2, 4},     {"t4g.micro", 2, 1024, "arm64", 2, 2},
                        {"t4g.small", 2, 2048, "arm64", 3, 4},     {"t4g.medium", 2, 4096, "arm64", 3, 6},
                        {"t4g.large", 2, 8192, "arm64", 3, 12},    {"m6g.large", 2, 8192, "arm64", 3, 10},
                        {"m7g.large", 2, 8192, "arm64", 3, 10},    {"c6g.large", 2, 4096, "arm64", 3, 10}};
    Json out = Json::object();
    for (const auto& row : rows) {
      const std::string name = row.name;
      const bool burstable = name[0] == 't';
      out[name] = {{"instanceType", name},
                   {"currentGeneration", name != "m1.small"},
                   {"freeTierEligible", name == "t2.micro" || name == "t3.micro"},
                   {"supportedUsageClasses", Json::array({"on-demand", "spot"})},
                   {"vCpuInfo", {{"defaultVCpus", row.vcpus}}},
                   {"memoryInfo", {{"sizeInMiB", row.memory}}},
                   {"processorInfo", {{"supportedArchitectures", Json::array({row.arch})}}},
                   {"networkInfo", {{"maximumNetworkInterfaces", row.enis}, {"ipv4AddressesPerInterface", row.ips}}},
                   {"burstablePerformanceSupported", burstable},
                   {"hypervisor", "nitro"}};
    }
    return out;
  }();
  const auto it = table.find(type);
  return it == table.end() ? nullptr : &*it;
}

namespace {

// The collection, resource type and NotFound answer of an id, from its prefix.
struct IdKind {
  const char* prefix;
  const char* collection;
  const char* type;
  const char* code;
};
constexpr IdKind k_id_kinds[] = {
    {"vpc-", col::vpcs, "vpc", "InvalidVpcID.NotFound"},
    {"subnet-", col::subnets, "subnet", "InvalidSubnetID.NotFound"},
    {"rtb-", col::route_tables, "route-table", "InvalidRouteTableID.NotFound"},
    {"igw-", col::internet_gateways, "internet-gateway", "InvalidInternetGatewayID.NotFound"},
    {"eipalloc-", col::addresses, "elastic-ip", "InvalidAllocationID.NotFound"},
    {"nat-", col::nat_gateways, "natgateway", "NatGatewayNotFound"},
    {"sg-", col::security_groups, "security-group", "InvalidGroup.NotFound"},
    {"i-", col::instances, "instance", "InvalidInstanceID.NotFound"},
    {"ami-", col::images, "image", "InvalidAMIID.NotFound"},
    {"snap-", col::snapshots, "snapshot", "InvalidSnapshot.NotFound"},
    {"vol-", col::volumes, "volume", "InvalidVolume.NotFound"},
    {"key-", col::key_pairs, "key-pair", "InvalidKeyPair.NotFound"},
    {"lt-", col::launch_templates, "launch-template", "InvalidLaunchTemplateId.NotFound"},
    {"eni-", col::network_interfaces, "network-interface", "InvalidNetworkInterfaceID.NotFound"},
};

const IdKind* kind_of(const std::string& id) {
  for (const auto& kind : k_id_kinds) {
    if (id.rfind(kind.prefix, 0) == 0) return &kind;
  }
  return nullptr;
}

Json& need_taggable(Call& call, const std::string& id) {
  const IdKind* kind = kind_of(id);
  if (kind == nullptr) fail("InvalidID", "The ID '" + id + "' is not valid");
  return need(call, kind->collection, id, kind->code, "The ID '" + id + "' does not exist");
}

Json create_tags(Call& call) {
  const auto ids = call.params.list("ResourceId");
  if (ids.empty()) call.missing("ResourceId");
  const Tags tags = ec2_tag_params(call.params);
  if (tags.empty()) call.missing("Tag");
  std::vector<Json*> targets;
  for (const auto& id : ids) targets.push_back(&need_taggable(call, id));
  for (Json* target : targets) ec2_merge_tags(*target, tags);
  call.world.changed();
  return ok();
}

Json delete_tags(Call& call) {
  const auto ids = call.params.list("ResourceId");
  if (ids.empty()) call.missing("ResourceId");
  for (const auto& id : ids) {
    Json& target = need_taggable(call, id);
    Tags tags = ec2_tags(target);
    const auto indexes = call.params.indexes("Tag");
    if (indexes.empty()) tags.clear();
    for (int n : indexes) {
      const Params tag = call.params.sub("Tag." + std::to_string(n));
      const std::string key = tag.get("Key").value_or("");
      const auto it = tags.find(key);
      if (it == tags.end()) continue;
      if (const auto value = tag.get("Value"); !value || *value == it->second) tags.erase(it);
    }
    target["tagSet"] = ec2_tag_set(tags);
  }
  call.world.changed();
  return ok();
}

Json describe_tags(Call& call) {
  std::vector<Json> rows;
  for (const auto& kind : k_id_kinds) {
    for (Json* item : in_order(collection(call.rs(), kind.collection))) {
      std::string id;
      for (const char* key : {"vpcId", "subnetId", "routeTableId", "internetGatewayId", "allocationId", "natGatewayId",
                              "groupId", "instanceId", "imageId", "snapshotId", "volumeId", "keyPairId", "launchTemplateId",
                              "networkInterfaceId"}) {
        if (item->contains(key) && (*item)[key].is_string() && kind_of((*item)[key].get<std::string>()) == &kind) {
          id = (*item)[key].get<std::string>();
          break;
        }
      }
      for (const auto& [key, value] : ec2_tags(*item)) {
        rows.push_back({{"resourceId", id}, {"resourceType", kind.type}, {"key", key}, {"value", value}});
      }
    }
  }
  const FilterTable table{{"resource-id", at("resourceId")}, {"resource-type", at("resourceType")}, {"key", at("key")},
                          {"value", at("value")}};
  const auto filters = ec2_filters(call.params);
  std::vector<Json*> kept;
  for (auto& row : rows) {
    if (matches(row, filters, table, [](const Json& r) { return Tags{{r.value("key", ""), r.value("value", "")}}; })) {
      kept.push_back(&row);
    }
  }
  const Page page = paginate(kept, call.opt("NextToken"), call.opt_number("MaxResults"), "InvalidNextToken");
  Json list = Json::array();
  for (const Json* row : page.items) list.push_back(*row);
  Json out = {{"tagSet", list}};
  if (!page.next_token.empty()) out["nextToken"] = page.next_token;
  return out;
}

Json describe_instance_types(Call& call) {
  std::vector<Json> rows;
  auto types = call.params.list("InstanceType");
  for (const auto& type : types) {
    if (instance_type_info(type) == nullptr) {
      call.invalid("The following supplied instance types do not exist: [" + type + "]");
    }
  }
  if (types.empty()) {
    for (const auto& name : {"t2.micro", "t2.small", "t2.medium", "t2.large", "t3.micro", "t3.small", "t3.medium", "t3.large",
                             "t3.xlarge", "t3a.medium", "t3a.large", "m5.large", "m5.xlarge", "m6i.large", "m7i.large",
                             "c5.large", "c6i.large", "r5.large", "t4g.micro", "t4g.small", "t4g.medium", "t4g.large",
                             "m6g.large", "m7g.large", "c6g.large"}) {
      types.emplace_back(name);
    }
  }
  for (const auto& type : types) rows.push_back(*instance_type_info(type));
  const FilterTable table{{"instance-type", at("instanceType")},
                          {"processor-info.supported-architecture", at("processorInfo.supportedArchitectures")},
                          {"current-generation", at("currentGeneration")},
                          {"free-tier-eligible", at("freeTierEligible")},
                          {"vcpu-info.default-vcpus", at("vCpuInfo.defaultVCpus")}};
  const auto filters = ec2_filters(call.params);
  std::vector<Json*> kept;
  for (auto& row : rows) {
    if (matches(row, filters, table, [](const Json&) { return Tags{}; })) kept.push_back(&row);
  }
  const Page page = paginate(kept, call.opt("NextToken"), call.opt_number("MaxResults"), "InvalidNextToken");
  Json list = Json::array();
  for (const Json* row : page.items) list.push_back(*row);
  Json out = {{"instanceTypeSet", list}};
  if (!page.next_token.empty()) out["nextToken"] = page.next_token;
  return out;
}

Json key_view(const Json& key) {
  Json out = key;
  out.erase("publicKey");
  return out;
}

Json import_key_pair(Call& call) {
  const std::string name = call.need("KeyName");
  const std::string material = call.need("PublicKeyMaterial");
  const auto decoded = codec::base64_decode(material);
  const std::string text = decoded.value_or(material);
  const auto words = util::split_words(text);
  const bool known_type = !words.empty() && (words[0] == "ssh-rsa" || words[0] == "ssh-ed25519" || words[0].rfind("ecdsa-", 0) == 0);
  if (!known_type || words.size() < 2 || !codec::base64_decode(words[1])) {
    fail("InvalidKey.Format", "Key is not in valid OpenSSH public key format");
  }
  for (auto& [id, key] : collection(call.rs(), col::key_pairs).items()) {
    if (key.value("keyName", "") == name) fail("InvalidKeyPair.Duplicate", "The keypair '" + name + "' already exists.");
  }
  const std::string id = call.world.new_id("key");
  const std::string digest = crypto::sha256(*codec::base64_decode(words[1]));
  std::string fingerprint;
  if (words[0] == "ssh-rsa") {
    const std::string hex = util::hex_encode(digest.substr(0, 16));
    for (std::size_t i = 0; i < hex.size(); i += 2) fingerprint += (i ? ":" : "") + hex.substr(i, 2);
  } else {
    fingerprint = codec::base64_encode(digest);
    while (!fingerprint.empty() && fingerprint.back() == '=') fingerprint.pop_back();
  }
  Json& key = insert(call.world, call.rs(), col::key_pairs, id,
                     {{"keyPairId", id}, {"keyName", name}, {"keyFingerprint", fingerprint},
                      {"keyType", words[0] == "ssh-rsa" ? "rsa" : "ed25519"}, {"createTime", now_iso(call)},
                      {"publicKey", text}, {"tagSet", ec2_tag_set(tag_specification(call.params, "key-pair"))}});
  return key_view(key);
}

Json describe_key_pairs(Call& call) {
  const auto names = call.params.list("KeyName");
  const auto ids = call.params.list("KeyPairId");
  const FilterTable table{{"key-name", at("keyName")}, {"key-pair-id", at("keyPairId")}, {"fingerprint", at("keyFingerprint")},
                          {"key-type", at("keyType")}};
  const auto filters = ec2_filters(call.params);
  const bool include_public = call.flag("IncludePublicKey", false);
  Json list = Json::array();
  std::vector<std::string> found;
  for (Json* key : in_order(collection(call.rs(), col::key_pairs))) {
    const std::string name = key->value("keyName", "");
    const std::string id = key->value("keyPairId", "");
    if (!names.empty() && std::find(names.begin(), names.end(), name) == names.end()) continue;
    if (!ids.empty() && std::find(ids.begin(), ids.end(), id) == ids.end()) continue;
    if (!call.world.visible(id)) continue;
    found.push_back(name);
    found.push_back(id);
    if (!matches(*key, filters, table, ec2_tags)) continue;
    list.push_back(include_public ? *key : key_view(*key));
  }
  for (const auto& name : names) {
    if (std::find(found.begin(), found.end(), name) == found.end()) {
      fail("InvalidKeyPair.NotFound", "The key pair '" + name + "' does not exist");
    }
  }
  for (const auto& id : ids) {
    if (std::find(found.begin(), found.end(), id) == found.end()) {
      fail("InvalidKeyPair.NotFound", "The key pair '" + id + "' does not exist");
    }
  }
  return {{"keySet", list}};
}

Json delete_key_pair(Call& call) {
  const std::string name = call.get("KeyName");
  const std::string id = call.get("KeyPairId");
  if (name.empty() && id.empty()) call.missing("KeyName");
  std::string doomed;
  for (auto& [key_id, key] : collection(call.rs(), col::key_pairs).items()) {
    if ((!name.empty() && key.value("keyName", "") == name) || key_id == id) doomed = key_id;
  }
  // Deleting a key pair that is not there succeeds, as on AWS.
  if (!doomed.empty()) erase(call.world, call.rs(), col::key_pairs, doomed);
  return {{"return", true}, {"keyPairId", doomed}};
}

std::string eni_missing(const std::string& id) { return "The networkInterface ID '" + id + "' does not exist"; }

Json describe_network_interfaces(Call& call) {
  DescribeSpec spec{col::network_interfaces, "NetworkInterfaceId", "networkInterfaceSet", eni_missing,
                    "InvalidNetworkInterfaceID.NotFound",
                    {{"network-interface-id", at("networkInterfaceId")},
                     {"vpc-id", at("vpcId")},
                     {"subnet-id", at("subnetId")},
                     {"status", at("status")},
                     {"description", at("description")},
                     {"group-id", at("groupSet[].groupId")},
                     {"group-name", at("groupSet[].groupName")},
                     {"attachment.instance-id", at("attachment.instanceId")},
                     {"attachment.attachment-id", at("attachment.attachmentId")},
                     {"attachment.status", at("attachment.status")},
                     {"availability-zone", at("availabilityZone")},
                     {"interface-type", at("interfaceType")},
                     {"requester-managed", at("requesterManaged")},
                     {"requester-id", at("requesterId")},
                     {"private-ip-address", at("privateIpAddress")},
                     {"addresses.private-ip-address", at("privateIpAddressesSet[].privateIpAddress")},
                     {"association.public-ip", at("association.publicIp")},
                     {"owner-id", at("ownerId")}},
                    nullptr};
  return describe(call, spec);
}

// What the VPC CNI and load balancers do; tests plant one to prove `down` removes it.
Json create_network_interface(Call& call) {
  const std::string subnet_id = call.need("SubnetId");
  need(call, col::subnets, subnet_id, "InvalidSubnetID.NotFound", "The subnet ID '" + subnet_id + "' does not exist");
  EniSpec spec;
  spec.subnet_id = subnet_id;
  spec.description = call.get("Description");
  spec.group_ids = call.params.list("SecurityGroupId");
  for (const auto& group_id : spec.group_ids) {
    need(call, col::security_groups, group_id, "InvalidGroup.NotFound", "The security group '" + group_id + "' does not exist");
  }
  spec.private_ip = call.opt("PrivateIpAddress");
  spec.tags = tag_specification(call.params, "network-interface");
  Json& eni = make_network_interface(call.world, call.rs(), call.region, spec);
  call.world.changed();
  return {{"networkInterface", eni}};
}

Json delete_network_interface_action(Call& call) {
  const std::string id = call.need("NetworkInterfaceId");
  Json& eni = need(call, col::network_interfaces, id, "InvalidNetworkInterfaceID.NotFound", eni_missing(id));
  if (eni.value("status", "") == "in-use" || eni.contains("attachment")) {
    fail("InvalidNetworkInterface.InUse", "Interface: [" + id + "] in use.");
  }
  if (eni.value("requesterManaged", false)) {
    fail("OperationNotPermitted", "You are not allowed to manage '" + eni.value("description", "") + "' attachments.");
  }
  delete_network_interface(call.world, call.rs(), id);
  return ok();
}

Json detach_network_interface(Call& call) {
  const std::string attachment_id = call.need("AttachmentId");
  for (auto& [id, eni] : collection(call.rs(), col::network_interfaces).items()) {
    if (!eni.contains("attachment") || eni["attachment"].value("attachmentId", "") != attachment_id) continue;
    if (eni["attachment"].value("deviceIndex", 0) == 0 && eni["attachment"].contains("instanceId")) {
      fail("OperationNotPermitted", "The network interface at device index 0 cannot be detached.");
    }
    eni.erase("attachment");
    eni["status"] = "available";
    call.world.changed();
    return ok();
  }
  fail("InvalidAttachmentID.NotFound", "Interface attachment '" + attachment_id + "' does not exist.");
}

}  // namespace

void register_ec2_misc(Registry& r) {
  using aws::Service;
  r.add(Service::ec2, "CreateTags", create_tags);
  r.add(Service::ec2, "DeleteTags", delete_tags);
  r.add(Service::ec2, "DescribeTags", describe_tags);
  r.add(Service::ec2, "DescribeInstanceTypes", describe_instance_types);
  r.add(Service::ec2, "ImportKeyPair", import_key_pair);
  r.add(Service::ec2, "DescribeKeyPairs", describe_key_pairs);
  r.add(Service::ec2, "DeleteKeyPair", delete_key_pair);
  r.add(Service::ec2, "CreateNetworkInterface", create_network_interface);
  r.add(Service::ec2, "DescribeNetworkInterfaces", describe_network_interfaces);
  r.add(Service::ec2, "DeleteNetworkInterface", delete_network_interface_action);
  r.add(Service::ec2, "DetachNetworkInterface", detach_network_interface);
}

}  // namespace hopper::sim

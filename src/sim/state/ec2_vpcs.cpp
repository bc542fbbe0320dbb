// VPCs, subnets, their attributes, and the region's availability zones.
#include <algorithm>

#include "sim/state/ec2_network.hpp"
#include "sim/state/families.hpp"
#include "util/cidr.hpp"
#include "util/strings.hpp"

namespace hopper::sim {

std::vector<std::string> zone_names(const std::string& region_name) {
  return {region_name + "a", region_name + "b", region_name + "c"};
}

std::string zone_id(const std::string& zone_name) {
  if (zone_name.empty()) return "";
  const std::string region = zone_name.substr(0, zone_name.size() - 1);
  const auto parts = util::split(region, '-');
  std::string abbreviation;
  for (std::size_t i = 0; i < parts.size(); ++i) abbreviation += i == 0 ? parts[i] : parts[i].substr(0, 1);
  return abbreviation + "-az" + std::to_string(zone_name.back() - 'a' + 1);
}

std::string private_dns(const std::string& ip, const std::string& region_name) {
  const std::string domain = region_name == "us-east-1" ? "ec2.internal" : region_name + ".compute.internal";
  return "ip-" + util::replace_all(ip, ".", "-") + "." + domain;
}

std::string public_dns(const std::string& ip, const std::string& region_name) {
  if (ip.empty()) return "";
  const std::string domain = region_name == "us-east-1" ? "compute-1.amazonaws.com" : region_name + ".compute.amazonaws.com";
  return "ec2-" + util::replace_all(ip, ".", "-") + "." + domain;
}

std::string new_public_ip(World& world) {
  const long long n = world.next_seq();
  return "52." + std::to_string(16 + (n >> 16) % 16) + "." + std::to_string((n >> 8) % 256) + "." +
         std::to_string(n % 254 + 1);
}

std::string take_private_ip(Json& subnet, const std::string& owner, const std::optional<std::string>& requested) {
  const auto block = util::Cidr::parse(subnet.value("cidrBlock", ""));
  if (!block) fail("InternalError", "subnet has no CIDR", 500);
  Json& used = subnet["_ips"];
  if (!used.is_object()) used = Json::object();
  if (requested) {
    const auto address = util::Ipv4::parse(*requested);
    if (!address || !block->contains(*address)) {
      fail("InvalidParameterValue", "Address " + *requested + " does not fall within the subnet's address range");
    }
    if (block->is_aws_reserved(*address)) {
      fail("InvalidParameterValue", "Address " + *requested + " is in subnet's reserved address range");
    }
    if (used.contains(*requested)) fail("InvalidIPAddress.InUse", "Address " + *requested + " is in use.");
    used[*requested] = owner;
    return *requested;
  }
  for (std::uint64_t offset = 4; offset + 1 < block->size(); ++offset) {
    const std::string ip = block->at(offset).str();
    if (!used.contains(ip)) {
      used[ip] = owner;
      return ip;
    }
  }
  fail("InsufficientFreeAddressesInSubnet", "There are not enough free addresses in subnet '" +
                                                subnet.value("subnetId", "") + "' to satisfy the requested number of instances.");
}

void release_private_ip(Json& region, const std::string& subnet_id, const std::string& ip) {
  if (Json* subnet = find(region, col::subnets, subnet_id)) {
    if ((*subnet)["_ips"].is_object()) (*subnet)["_ips"].erase(ip);
  }
}

Json& make_vpc(World& world, Json& region, const std::string& cidr, bool is_default, const Tags& tags) {
  const std::string id = world.new_id("vpc");
  Json vpc = {{"vpcId", id},
              {"cidrBlock", cidr},
              {"state", "available"},
              {"isDefault", is_default},
              {"ownerId", k_account},
              {"instanceTenancy", "default"},
              {"dhcpOptionsId", "dopt-0sim"},
              {"cidrBlockAssociationSet",
               Json::array({{{"associationId", world.new_id("vpc-cidr-assoc")},
                             {"cidrBlock", cidr},
                             {"cidrBlockState", {{"state", "associated"}}}}})},
              {"tagSet", ec2_tag_set(tags)},
              {"_dnsSupport", true},
              {"_dnsHostnames", is_default}};
  Json& stored = insert(world, region, col::vpcs, id, std::move(vpc));
  // The main route table and the default security group come with every VPC.
  const std::string table_id = world.new_id("rtb");
  insert(world, region, col::route_tables, table_id,
         {{"routeTableId", table_id},
          {"vpcId", id},
          {"ownerId", k_account},
          {"routeSet", Json::array({{{"destinationCidrBlock", cidr},
                                     {"gatewayId", "local"},
                                     {"state", "active"},
                                     {"origin", "CreateRouteTable"}}})},
          {"associationSet", Json::array({{{"main", true},
                                           {"routeTableAssociationId", world.new_id("rtbassoc")},
                                           {"routeTableId", table_id},
                                           {"associationState", {{"state", "associated"}}}}})},
          {"propagatingVgwSet", Json::array()},
          {"tagSet", Json::array()}});
  const std::string group_id = world.new_id("sg");
  insert(world, region, col::security_groups, group_id,
         {{"groupId", group_id},
          {"groupName", "default"},
          {"groupDescription", "default VPC security group"},
          {"vpcId", id},
          {"ownerId", k_account},
          {"tagSet", Json::array()},
          {"_ingress", Json::array({{{"proto", "-1"}, {"from", -1}, {"to", -1}, {"group", group_id}}})},
          {"_egress", Json::array({{{"proto", "-1"}, {"from", -1}, {"to", -1}, {"cidr", "0.0.0.0/0"}}})}});
  return stored;
}

Json& make_subnet(World& world, Json& region, const std::string& region_name, const std::string& vpc_id,
                  const std::string& cidr, const std::string& zone, bool default_for_az, const Tags& tags) {
  const std::string id = world.new_id("subnet");
  return insert(world, region, col::subnets, id,
                {{"subnetId", id},
                 {"vpcId", vpc_id},
                 {"cidrBlock", cidr},
                 {"availabilityZone", zone},
                 {"availabilityZoneId", zone_id(zone)},
                 {"state", "available"},
                 {"defaultForAz", default_for_az},
                 {"mapPublicIpOnLaunch", default_for_az},
                 {"assignIpv6AddressOnCreation", false},
                 {"ownerId", k_account},
                 {"subnetArn", "arn:aws:ec2:" + region_name + ":" + k_account + ":subnet/" + id},
                 {"tagSet", ec2_tag_set(tags)},
                 {"_ips", Json::object()}});
}

namespace {

std::string vpc_missing(const std::string& id) { return "The vpc ID '" + id + "' does not exist"; }
std::string subnet_missing(const std::string& id) { return "The subnet ID '" + id + "' does not exist"; }

Json view_subnet(Call&, const Json& subnet) {
  Json out = subnet;
  const auto block = util::Cidr::parse(subnet.value("cidrBlock", ""));
  const std::size_t used = subnet.contains("_ips") ? subnet["_ips"].size() : 0;
  out["availableIpAddressCount"] = block ? static_cast<long long>(block->usable_addresses()) - static_cast<long long>(used) : 0;
  return out;
}

Json create_vpc(Call& call) {
  const std::string cidr = call.need("CidrBlock");
  const auto block = util::Cidr::parse(cidr);
  if (!block) call.invalid("Value (" + cidr + ") for parameter cidrBlock is invalid. This is not a valid CIDR block.");
  if (block->prefix < 16 || block->prefix > 28) fail("InvalidVpc.Range", "The CIDR '" + cidr + "' is invalid.");
  Json& vpc = make_vpc(call.world, call.rs(), block->str(), false, tag_specification(call.params, "vpc"));
  return {{"vpc", vpc}};
}

Json describe_vpcs(Call& call) {
  DescribeSpec spec{col::vpcs, "VpcId", "vpcSet", vpc_missing, "InvalidVpcID.NotFound",
                    {{"vpc-id", at("vpcId")},
                     {"cidr", at("cidrBlock")},
                     {"cidr-block", at("cidrBlock")},
                     {"cidr-block-association.cidr-block", at("cidrBlockAssociationSet[].cidrBlock")},
                     {"is-default", at("isDefault")},
                     {"isDefault", at("isDefault")},
                     {"state", at("state")},
                     {"owner-id", at("ownerId")},
                     {"dhcp-options-id", at("dhcpOptionsId")}},
                    nullptr};
  return describe(call, spec);
}

bool any_in_vpc(Json& region, const char* name, const std::string& vpc_id, const std::function<bool(const Json&)>& also) {
  for (auto& [id, item] : collection(region, name).items()) {
    if (item.value("vpcId", "") == vpc_id && also(item)) return true;
  }
  return false;
}

Json delete_vpc(Call& call) {
  const std::string id = call.need("VpcId");
  need(call, col::vpcs, id, "InvalidVpcID.NotFound", vpc_missing(id));
  Json& region = call.rs();
  const auto any = [](const Json&) { return true; };
  bool attached_gateway = false;
  for (auto& [gid, gateway] : collection(region, col::internet_gateways).items()) {
    for (const auto& attachment : gateway["attachmentSet"]) attached_gateway |= attachment.value("vpcId", "") == id;
  }
  const bool busy =
      attached_gateway || any_in_vpc(region, col::subnets, id, any) ||
      any_in_vpc(region, col::security_groups, id, [](const Json& g) { return g.value("groupName", "") != "default"; }) ||
      any_in_vpc(region, col::route_tables, id, [](const Json& t) {
        for (const auto& a : t["associationSet"]) if (a.value("main", false)) return false;
        return true;
      }) ||
      any_in_vpc(region, col::network_interfaces, id, any);
  if (busy) fail("DependencyViolation", "The vpc '" + id + "' has dependencies and cannot be deleted.");
  for (const char* name : {col::route_tables, col::security_groups}) {
    std::vector<std::string> doomed;
    for (auto& [rid, item] : collection(region, name).items()) if (item.value("vpcId", "") == id) doomed.push_back(rid);
    for (const auto& rid : doomed) erase(call.world, region, name, rid);
  }
  erase(call.world, region, col::vpcs, id);
  return ok();
}

Json describe_vpc_attribute(Call& call) {
  const std::string id = call.need("VpcId");
  const std::string attribute = call.need("Attribute");
  Json& vpc = need(call, col::vpcs, id, "InvalidVpcID.NotFound", vpc_missing(id));
  Json out = {{"vpcId", id}};
  if (attribute == "enableDnsSupport") out["enableDnsSupport"] = {{"value", vpc.value("_dnsSupport", true)}};
  else if (attribute == "enableDnsHostnames") out["enableDnsHostnames"] = {{"value", vpc.value("_dnsHostnames", false)}};
  else if (attribute == "enableNetworkAddressUsageMetrics") out[attribute] = {{"value", false}};
  else call.invalid("Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
  return out;
}

Json modify_vpc_attribute(Call& call) {
  const std::string id = call.need("VpcId");
  Json& vpc = need(call, col::vpcs, id, "InvalidVpcID.NotFound", vpc_missing(id));
  const bool support = call.has_param("EnableDnsSupport.Value");
  const bool hostnames = call.has_param("EnableDnsHostnames.Value");
  if (support == hostnames) {
    fail("InvalidParameterCombination", "Fields for multiple attribute types specified: enableDnsSupport, enableDnsHostnames");
  }
  if (support) vpc["_dnsSupport"] = call.flag("EnableDnsSupport.Value", true);
  if (hostnames) vpc["_dnsHostnames"] = call.flag("EnableDnsHostnames.Value", false);
  call.world.changed();
  return ok();
}

Json create_subnet(Call& call) {
  const std::string vpc_id = call.need("VpcId");
  const std::string cidr = call.need("CidrBlock");
  Json& vpc = need(call, col::vpcs, vpc_id, "InvalidVpcID.NotFound", vpc_missing(vpc_id));
  const auto block = util::Cidr::parse(cidr);
  if (!block) call.invalid("Value (" + cidr + ") for parameter cidrBlock is invalid. This is not a valid CIDR block.");
  if (block->prefix < 16 || block->prefix > 28) fail("InvalidSubnet.Range", "The CIDR '" + cidr + "' is invalid.");
  const auto vpc_block = util::Cidr::parse(vpc.value("cidrBlock", ""));
  if (!vpc_block || !vpc_block->contains(*block)) fail("InvalidSubnet.Range", "The CIDR '" + cidr + "' is invalid.");
  for (auto& [sid, subnet] : collection(call.rs(), col::subnets).items()) {
    if (subnet.value("vpcId", "") != vpc_id) continue;
    const auto other = util::Cidr::parse(subnet.value("cidrBlock", ""));
    if (other && other->overlaps(*block)) {
      fail("InvalidSubnet.Conflict", "The CIDR '" + cidr + "' conflicts with another subnet");
    }
  }
  const auto zones = zone_names(call.region);
  std::string zone = call.get("AvailabilityZone");
  if (zone.empty() && call.opt("AvailabilityZoneId")) {
    for (const auto& z : zones) if (zone_id(z) == *call.opt("AvailabilityZoneId")) zone = z;
    if (zone.empty()) call.invalid("Value (" + *call.opt("AvailabilityZoneId") + ") for parameter availabilityZoneId is invalid.");
  }
  if (zone.empty()) zone = zones[static_cast<std::size_t>(call.world.next_seq()) % zones.size()];
  if (std::find(zones.begin(), zones.end(), zone) == zones.end()) {
    call.invalid("Value (" + zone + ") for parameter availabilityZone is invalid. Subnets can currently only be created "
                 "in the following availability zones: " + util::join(zones, ", ") + ".");
  }
  Json& subnet = make_subnet(call.world, call.rs(), call.region, vpc_id, block->str(), zone, false,
                             tag_specification(call.params, "subnet"));
  return {{"subnet", view_subnet(call, subnet)}};
}

Json describe_subnets(Call& call) {
  DescribeSpec spec{col::subnets, "SubnetId", "subnetSet", subnet_missing, "InvalidSubnetID.NotFound",
                    {{"subnet-id", at("subnetId")},
                     {"vpc-id", at("vpcId")},
                     {"cidr", at("cidrBlock")},
                     {"cidr-block", at("cidrBlock")},
                     {"cidrBlock", at("cidrBlock")},
                     {"availability-zone", at("availabilityZone")},
                     {"availabilityZone", at("availabilityZone")},
                     {"availability-zone-id", at("availabilityZoneId")},
                     {"state", at("state")},
                     {"default-for-az", at("defaultForAz")},
                     {"defaultForAz", at("defaultForAz")},
                     {"map-public-ip-on-launch", at("mapPublicIpOnLaunch")},
                     {"owner-id", at("ownerId")},
                     {"subnet-arn", at("subnetArn")}},
                    view_subnet};
  return describe(call, spec);
}

Json delete_subnet(Call& call) {
  const std::string id = call.need("SubnetId");
  need(call, col::subnets, id, "InvalidSubnetID.NotFound", subnet_missing(id));
  for (auto& [eid, eni] : collection(call.rs(), col::network_interfaces).items()) {
    if (eni.value("subnetId", "") == id) {
      fail("DependencyViolation", "The subnet '" + id + "' has dependencies and cannot be deleted.");
    }
  }
  for (auto& [tid, table] : collection(call.rs(), col::route_tables).items()) {
    Json& associations = table["associationSet"];
    for (std::size_t i = associations.size(); i-- > 0;) {
      if (associations[i].value("subnetId", "") == id) associations.erase(i);
    }
  }
  erase(call.world, call.rs(), col::subnets, id);
  return ok();
}

Json modify_subnet_attribute(Call& call) {
  const std::string id = call.need("SubnetId");
  Json& subnet = need(call, col::subnets, id, "InvalidSubnetID.NotFound", subnet_missing(id));
  if (call.opt("MapPublicIpOnLaunch.Value")) subnet["mapPublicIpOnLaunch"] = call.flag("MapPublicIpOnLaunch.Value", false);
  call.world.changed();
  return ok();
}

Json describe_availability_zones(Call& call) {
  Json zones = Json::array();
  const auto names = call.params.list("ZoneName");
  const auto all = zone_names(call.region);
  for (const auto& name : names) {
    if (std::find(all.begin(), all.end(), name) == all.end()) {
      call.invalid("Invalid availability zone: [" + name + "]");
    }
  }
  const FilterTable table{{"zone-name", at("zoneName")}, {"state", at("zoneState")}, {"region-name", at("regionName")},
                          {"zone-id", at("zoneId")},     {"zone-type", at("zoneType")}, {"opt-in-status", at("optInStatus")}};
  const auto filters = ec2_filters(call.params);
  for (const auto& name : all) {
    if (!names.empty() && std::find(names.begin(), names.end(), name) == names.end()) continue;
    Json zone = {{"zoneName", name},          {"zoneId", zone_id(name)},   {"zoneState", "available"},
                 {"regionName", call.region}, {"zoneType", "availability-zone"}, {"optInStatus", "opt-in-not-required"},
                 {"groupName", call.region},  {"networkBorderGroup", call.region}, {"messageSet", Json::array()}};
    if (matches(zone, filters, table, [](const Json&) { return Tags{}; })) zones.push_back(std::move(zone));
  }
  return {{"availabilityZoneInfo", zones}};
}

}  // namespace

void register_ec2_vpcs(Registry& r) {
  using aws::Service;
  r.add(Service::ec2, "CreateVpc", create_vpc);
  r.add(Service::ec2, "DescribeVpcs", describe_vpcs);
  r.add(Service::ec2, "DeleteVpc", delete_vpc);
  r.add(Service::ec2, "DescribeVpcAttribute", describe_vpc_attribute);
  r.add(Service::ec2, "ModifyVpcAttribute", modify_vpc_attribute);
  r.add(Service::ec2, "CreateSubnet", create_subnet);
  r.add(Service::ec2, "DescribeSubnets", describe_subnets);
  r.add(Service::ec2, "DeleteSubnet", delete_subnet);
  r.add(Service::ec2, "ModifySubnetAttribute", modify_subnet_attribute);
  r.add(Service::ec2, "DescribeAvailabilityZones", describe_availability_zones);
}

}  // namespace hopper::sim

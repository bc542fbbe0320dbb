// Internet gateways, Elastic IP addresses and NAT gateways (pending -> available,
// deleting -> deleted, with their network interface and address).
#include <algorithm>

#include "sim/state/ec2_network.hpp"
#include "sim/state/families.hpp"

namespace hopper::sim {

Json& make_internet_gateway(World& world, Json& region, const std::string& vpc_id, const Tags& tags) {
  const std::string id = world.new_id("igw");
  Json attachments = Json::array();
  if (!vpc_id.empty()) attachments.push_back({{"vpcId", vpc_id}, {"state", "available"}});
  return insert(world, region, col::internet_gateways, id,
                {{"internetGatewayId", id}, {"ownerId", k_account}, {"attachmentSet", attachments}, {"tagSet", ec2_tag_set(tags)}});
}

namespace {

std::string igw_missing(const std::string& id) { return "The internetGateway ID '" + id + "' does not exist"; }
std::string alloc_missing(const std::string& id) { return "The allocation ID '" + id + "' does not exist"; }
std::string nat_missing(const std::string& id) { return "NAT gateway " + id + " was not found"; }

Json create_internet_gateway(Call& call) {
  Json& gateway = make_internet_gateway(call.world, call.rs(), "", tag_specification(call.params, "internet-gateway"));
  return {{"internetGateway", gateway}};
}

Json describe_internet_gateways(Call& call) {
  DescribeSpec spec{col::internet_gateways, "InternetGatewayId", "internetGatewaySet", igw_missing,
                    "InvalidInternetGatewayID.NotFound",
                    {{"internet-gateway-id", at("internetGatewayId")},
                     {"attachment.vpc-id", at("attachmentSet[].vpcId")},
                     {"attachment.state", at("attachmentSet[].state")},
                     {"owner-id", at("ownerId")}},
                    nullptr};
  return describe(call, spec);
}

// True when `vpc_id` has public addresses mapped (instances with a public IP, EIPs on ENIs).
bool has_mapped_addresses(Json& region, const std::string& vpc_id) {
  for (auto& [id, eni] : collection(region, col::network_interfaces).items()) {
    if (eni.value("vpcId", "") == vpc_id && eni.contains("association")) return true;
  }
  return false;
}

Json attach_internet_gateway(Call& call) {
  const std::string id = call.need("InternetGatewayId");
  const std::string vpc_id = call.need("VpcId");
  Json& gateway = need(call, col::internet_gateways, id, "InvalidInternetGatewayID.NotFound", igw_missing(id));
  need(call, col::vpcs, vpc_id, "InvalidVpcID.NotFound", "The vpc ID '" + vpc_id + "' does not exist");
  if (!gateway["attachmentSet"].empty()) {
    fail("Resource.AlreadyAssociated", "resource " + id + " is already attached to network " +
                                           gateway["attachmentSet"][0].value("vpcId", ""));
  }
  for (auto& [gid, other] : collection(call.rs(), col::internet_gateways).items()) {
    for (const auto& a : other["attachmentSet"]) {
      if (a.value("vpcId", "") == vpc_id) {
        fail("InvalidParameterValue", "Network " + vpc_id + " already has an internet gateway attached");
      }
    }
  }
  gateway["attachmentSet"].push_back({{"vpcId", vpc_id}, {"state", "available"}});
  call.world.changed();
  return ok();
}

Json detach_internet_gateway(Call& call) {
  const std::string id = call.need("InternetGatewayId");
  const std::string vpc_id = call.need("VpcId");
  Json& gateway = need(call, col::internet_gateways, id, "InvalidInternetGatewayID.NotFound", igw_missing(id));
  Json& attachments = gateway["attachmentSet"];
  if (attachments.empty() || attachments[0].value("vpcId", "") != vpc_id) {
    fail("Gateway.NotAttached", "resource " + id + " is not attached to network " + vpc_id);
  }
  if (has_mapped_addresses(call.rs(), vpc_id)) {
    fail("DependencyViolation", "Network " + vpc_id +
                                    " has some mapped public address(es). Please unmap those public address(es) "
                                    "before detaching the gateway.");
  }
  attachments = Json::array();
  call.world.changed();
  return ok();
}

Json delete_internet_gateway(Call& call) {
  const std::string id = call.need("InternetGatewayId");
  Json& gateway = need(call, col::internet_gateways, id, "InvalidInternetGatewayID.NotFound", igw_missing(id));
  if (!gateway["attachmentSet"].empty()) {
    fail("DependencyViolation", "The internetGateway '" + id + "' has dependencies and cannot be deleted.");
  }
  erase(call.world, call.rs(), col::internet_gateways, id);
  return ok();
}

Json allocate_address(Call& call) {
  const std::string domain = call.get("Domain", "vpc");
  if (domain != "vpc" && domain != "standard") call.invalid("Value (" + domain + ") for parameter domain is invalid.");
  const std::string id = call.world.new_id("eipalloc");
  const std::string ip = new_public_ip(call.world);
  Json& address = insert(call.world, call.rs(), col::addresses, id,
                         {{"allocationId", id},
                          {"publicIp", ip},
                          {"domain", "vpc"},
                          {"publicIpv4Pool", "amazon"},
                          {"networkBorderGroup", call.region},
                          {"tagSet", ec2_tag_set(tag_specification(call.params, "elastic-ip"))}});
  Json out = address;
  out.erase("tagSet");
  return out;
}

Json describe_addresses(Call& call) {
  DescribeSpec spec{col::addresses, "AllocationId", "addressesSet", alloc_missing, "InvalidAllocationID.NotFound",
                    {{"allocation-id", at("allocationId")},
                     {"association-id", at("associationId")},
                     {"domain", at("domain")},
                     {"instance-id", at("instanceId")},
                     {"network-interface-id", at("networkInterfaceId")},
                     {"private-ip-address", at("privateIpAddress")},
                     {"public-ip", at("publicIp")},
                     {"network-border-group", at("networkBorderGroup")}},
                    nullptr};
  spec.paged = false;
  if (auto ips = call.params.list("PublicIp"); !ips.empty()) {
    Json out = describe(call, spec);
    Json kept = Json::array();
    for (auto& item : out["addressesSet"]) {
      if (std::find(ips.begin(), ips.end(), item.value("publicIp", "")) != ips.end()) kept.push_back(item);
    }
    if (kept.size() < ips.size()) fail("InvalidAddress.NotFound", "Address '" + ips.front() + "' not found.");
    return {{"addressesSet", kept}};
  }
  return describe(call, spec);
}

void unmap(Json& region, Json& address) {
  if (Json* eni = find(region, col::network_interfaces, address.value("networkInterfaceId", ""))) {
    eni->erase("association");
  }
  for (const char* key : {"associationId", "networkInterfaceId", "privateIpAddress", "instanceId", "networkInterfaceOwnerId"}) {
    address.erase(key);
  }
}

Json release_address(Call& call) {
  const std::string id = call.need("AllocationId");
  Json& address = need(call, col::addresses, id, "InvalidAllocationID.NotFound", alloc_missing(id));
  if (address.contains("associationId")) {
    fail("InvalidIPAddress.InUse", "Address " + address.value("publicIp", "") + " is in use.");
  }
  erase(call.world, call.rs(), col::addresses, id);
  return ok();
}

Json associate_address(Call& call) {
  const std::string id = call.need("AllocationId");
  Json& address = need(call, col::addresses, id, "InvalidAllocationID.NotFound", alloc_missing(id));
  std::string eni_id = call.get("NetworkInterfaceId");
  const std::string instance_id = call.get("InstanceId");
  if (!instance_id.empty()) {
    Json& instance = need(call, col::instances, instance_id, "InvalidInstanceID.NotFound",
                          "The instance ID '" + instance_id + "' does not exist");
    eni_id = instance["_enis"].empty() ? "" : instance["_enis"][0].get<std::string>();
  }
  if (eni_id.empty()) call.missing("InstanceId");
  Json& eni = need(call, col::network_interfaces, eni_id, "InvalidNetworkInterfaceID.NotFound",
                   "The networkInterface ID '" + eni_id + "' does not exist");
  if (address.contains("associationId")) {
    if (!call.flag("AllowReassociation", false)) {
      fail("Resource.AlreadyAssociated", "Elastic IP address [" + id + "] is already associated");
    }
    unmap(call.rs(), address);
  }
  const std::string association_id = call.world.new_id("eipassoc");
  address["associationId"] = association_id;
  address["networkInterfaceId"] = eni_id;
  address["networkInterfaceOwnerId"] = k_account;
  address["privateIpAddress"] = eni.value("privateIpAddress", "");
  if (eni.contains("attachment") && eni["attachment"].contains("instanceId")) address["instanceId"] = eni["attachment"]["instanceId"];
  eni["association"] = {{"publicIp", address["publicIp"]}, {"ipOwnerId", k_account}, {"allocationId", id},
                        {"associationId", association_id}, {"publicDnsName", public_dns(address["publicIp"], call.region)}};
  call.world.changed();
  return {{"return", true}, {"associationId", association_id}};
}

Json disassociate_address(Call& call) {
  const std::string association_id = call.need("AssociationId");
  for (auto& [id, address] : collection(call.rs(), col::addresses).items()) {
    if (address.value("associationId", "") == association_id) {
      unmap(call.rs(), address);
      call.world.changed();
      return ok();
    }
  }
  fail("InvalidAssociationID.NotFound", "The association ID '" + association_id + "' does not exist");
}

Json create_nat_gateway(Call& call) {
  const std::string subnet_id = call.need("SubnetId");
  const std::string token = call.get("ClientToken");
  Json& region = call.rs();
  if (!token.empty()) {
    for (auto& [id, nat] : collection(region, col::nat_gateways).items()) {
      if (nat.value("_clientToken", "") == token) {
        if (nat.value("subnetId", "") != subnet_id) {
          fail("IdempotentParameterMismatch", "Client token " + token + " was used with different parameters.");
        }
        return {{"natGateway", nat}, {"clientToken", token}};
      }
    }
  }
  Json& subnet = need(call, col::subnets, subnet_id, "InvalidSubnetID.NotFound", "The subnet ID '" + subnet_id + "' does not exist");
  const std::string connectivity = call.get("ConnectivityType", "public");
  const std::string allocation_id = call.get("AllocationId");
  Json* address = nullptr;
  if (connectivity == "public") {
    if (allocation_id.empty()) call.missing("AllocationId");
    address = &need(call, col::addresses, allocation_id, "InvalidAllocationID.NotFound", alloc_missing(allocation_id));
    if (address->contains("associationId")) {
      fail("Resource.AlreadyAssociated", "Elastic IP address [" + allocation_id + "] is already associated");
    }
  }
  const std::string id = call.world.new_id("nat");
  EniSpec eni_spec;
  eni_spec.subnet_id = subnet_id;
  eni_spec.description = "Interface for NAT Gateway " + id;
  eni_spec.interface_type = "nat_gateway";
  eni_spec.requester_managed = true;
  eni_spec.requester_id = "amazon-vpc";
  Json& eni = make_network_interface(call.world, region, call.region, eni_spec);
  eni["status"] = "in-use";
  const std::string eni_id = eni["networkInterfaceId"];
  Json nat_address = {{"networkInterfaceId", eni_id}, {"privateIp", eni["privateIpAddress"]}, {"isPrimary", true},
                      {"status", "assigning"}};
  if (address != nullptr) {
    const std::string association_id = call.world.new_id("eipassoc");
    (*address)["associationId"] = association_id;
    (*address)["networkInterfaceId"] = eni_id;
    (*address)["networkInterfaceOwnerId"] = k_account;
    (*address)["privateIpAddress"] = eni["privateIpAddress"];
    eni["association"] = {{"publicIp", (*address)["publicIp"]}, {"ipOwnerId", "amazon"}, {"allocationId", allocation_id},
                          {"associationId", association_id}};
    nat_address["allocationId"] = allocation_id;
    nat_address["publicIp"] = (*address)["publicIp"];
    nat_address["associationId"] = association_id;
  }
  bool gateway_attached = connectivity != "public";
  for (auto& [gid, gateway] : collection(region, col::internet_gateways).items()) {
    for (const auto& a : gateway["attachmentSet"]) gateway_attached |= a.value("vpcId", "") == subnet.value("vpcId", "");
  }
  const long long ready = call.world.now() + call.world.duration(60, 120);
  Json nat = {{"natGatewayId", id},
              {"subnetId", subnet_id},
              {"vpcId", subnet["vpcId"]},
              {"state", "pending"},
              {"connectivityType", connectivity},
              {"createTime", now_iso(call)},
              {"natGatewayAddressSet", Json::array({nat_address})},
              {"tagSet", ec2_tag_set(tag_specification(call.params, "natgateway"))},
              {"_clientToken", token},
              {"_next", {{"state", gateway_attached ? "available" : "failed"}, {"at", ready}}}};
  Json& stored = insert(call.world, region, col::nat_gateways, id, std::move(nat));
  advance_nat_gateways(call.world, region, call.world.now());
  Json out = {{"natGateway", stored}};
  if (!token.empty()) out["clientToken"] = token;
  return out;
}

Json describe_nat_gateways(Call& call) {
  DescribeSpec spec{col::nat_gateways, "NatGatewayId", "natGatewaySet", nat_missing, "NatGatewayNotFound",
                    {{"nat-gateway-id", at("natGatewayId")},
                     {"state", at("state")},
                     {"subnet-id", at("subnetId")},
                     {"vpc-id", at("vpcId")}},
                    nullptr};
  // DescribeNatGateways names its filters Filter.N too (the CLI's --filter).
  return describe(call, spec);
}

// Frees what a NAT gateway held: its interface (and so its private address) and its EIP.
void release_nat(World& world, Json& region, Json& nat) {
  for (auto& address : nat["natGatewayAddressSet"]) {
    if (Json* eip = find(region, col::addresses, address.value("allocationId", ""))) {
      for (const char* key : {"associationId", "networkInterfaceId", "privateIpAddress", "networkInterfaceOwnerId"}) eip->erase(key);
    }
    const std::string eni = address.value("networkInterfaceId", "");
    if (find(region, col::network_interfaces, eni)) delete_network_interface(world, region, eni);
    address["status"] = "disassociated";
  }
  // Routes through a gone NAT gateway become blackholes.
  for (auto& [tid, table] : collection(region, col::route_tables).items()) {
    for (auto& route : table["routeSet"]) {
      if (route.value("natGatewayId", "") == nat.value("natGatewayId", "")) route["state"] = "blackhole";
    }
  }
}

Json delete_nat_gateway(Call& call) {
  const std::string id = call.need("NatGatewayId");
  Json& nat = need(call, col::nat_gateways, id, "NatGatewayNotFound", nat_missing(id));
  const std::string state = nat.value("state", "");
  if (state == "deleted") fail("NatGatewayNotFound", nat_missing(id));
  if (state != "deleting") {
    nat["state"] = "deleting";
    nat["_next"] = {{"state", "deleted"}, {"at", call.world.now() + call.world.duration(50, 70)}};
    call.world.changed();
    advance_nat_gateways(call.world, call.rs(), call.world.now());
  }
  return {{"natGatewayId", id}};
}

}  // namespace

void advance_nat_gateways(World& world, Json& region, long long now) {
  std::vector<std::string> purge;
  for (auto& [id, nat] : collection(region, col::nat_gateways).items()) {
    if (nat.contains("_next") && now >= nat["_next"].value("at", 0LL)) {
      const std::string next = nat["_next"].value("state", "");
      nat.erase("_next");
      nat["state"] = next;
      world.changed();
      if (next == "available") {
        for (auto& address : nat["natGatewayAddressSet"]) address["status"] = "succeeded";
      } else if (next == "failed") {
        nat["failureCode"] = "Gateway.NotAttached";
        nat["failureMessage"] = "Network " + nat.value("vpcId", "") + " has no Internet gateway attached";
        release_nat(world, region, nat);
      } else if (next == "deleted") {
        nat["deleteTime"] = iso_time(now);
        release_nat(world, region, nat);
        nat["_purge"] = now + 3600 * 1000LL;
      }
    }
    if (nat.contains("_next")) world.due_at(nat["_next"].value("at", 0LL));
    if (nat.contains("_purge")) {
      if (now >= nat["_purge"].get<long long>()) purge.push_back(id);
      else world.due_at(nat["_purge"].get<long long>());
    }
  }
  for (const auto& id : purge) erase(world, region, col::nat_gateways, id);
}

void register_ec2_gateways(Registry& r) {
  using aws::Service;
  r.add(Service::ec2, "CreateInternetGateway", create_internet_gateway);
  r.add(Service::ec2, "DescribeInternetGateways", describe_internet_gateways);
  r.add(Service::ec2, "AttachInternetGateway", attach_internet_gateway);
  r.add(Service::ec2, "DetachInternetGateway", detach_internet_gateway);
  r.add(Service::ec2, "DeleteInternetGateway", delete_internet_gateway);
  r.add(Service::ec2, "AllocateAddress", allocate_address);
  r.add(Service::ec2, "DescribeAddresses", describe_addresses);
  r.add(Service::ec2, "ReleaseAddress", release_address);
  r.add(Service::ec2, "AssociateAddress", associate_address);
  r.add(Service::ec2, "DisassociateAddress", disassociate_address);
  r.add(Service::ec2, "CreateNatGateway", create_nat_gateway);
  r.add(Service::ec2, "DescribeNatGateways", describe_nat_gateways);
  r.add(Service::ec2, "DeleteNatGateway", delete_nat_gateway);
}

}  // namespace hopper::sim

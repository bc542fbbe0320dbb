// What the EC2 families build for each other: VPCs with their main route table and default
// security group, subnets with AWS's address bookkeeping (the five reserved addresses, IPs in
// use), network interfaces, public addresses, and the zones of a region.
//
// Thread-safety: as World.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/state/ec2_common.hpp"

namespace hopper::sim {

// The zones of `region_name`: <region>a, b, c.
std::vector<std::string> zone_names(const std::string& region_name);
// AWS's zone id for a zone name: eu-west-1a -> euw1-az1.
std::string zone_id(const std::string& zone_name);

// Creates a VPC with its main route table and default security group. REQUIRES: a valid CIDR.
Json& make_vpc(World& world, Json& region, const std::string& cidr, bool is_default, const Tags& tags);
// Creates a subnet. REQUIRES: the CIDR was checked against the VPC.
Json& make_subnet(World& world, Json& region, const std::string& region_name, const std::string& vpc_id,
                  const std::string& cidr, const std::string& zone, bool default_for_az, const Tags& tags);
// Creates an internet gateway, attached to `vpc_id` when not empty.
Json& make_internet_gateway(World& world, Json& region, const std::string& vpc_id, const Tags& tags);

// Takes a private address of `subnet` for `owner`: `requested` if given (it must be in the
// subnet, outside AWS's reserved five and free: InvalidParameterValue / InvalidIPAddress.InUse),
// else the lowest free one (InsufficientFreeAddressesInSubnet when none).
std::string take_private_ip(Json& subnet, const std::string& owner, const std::optional<std::string>& requested);
void release_private_ip(Json& region, const std::string& subnet_id, const std::string& ip);
// A fresh public IPv4 address from the simulator's pool.
std::string new_public_ip(World& world);

struct EniSpec {
  std::string subnet_id;
  std::vector<std::string> group_ids;
  std::string description;
  std::string interface_type = "interface";
  bool requester_managed = false;
  std::string requester_id;
  std::optional<std::string> private_ip;
  std::string public_ip;  // empty: none
  Tags tags;
};
// Creates a network interface (status available) with an address of its subnet.
Json& make_network_interface(World& world, Json& region, const std::string& region_name, const EniSpec& spec);
// Deletes a network interface and frees its address.
void delete_network_interface(World& world, Json& region, const std::string& eni_id);

// The private DNS name AWS gives `ip` in `region_name`: ip-10-0-0-10.eu-west-1.compute.internal.
std::string private_dns(const std::string& ip, const std::string& region_name);
std::string public_dns(const std::string& ip, const std::string& region_name);

}  // namespace hopper::sim

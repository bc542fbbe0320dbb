// Defaults: the book chapter's cluster, modernised, and the rules that derive defaults from
// other fields (subnets carved from the VPC, the control plane's address).
//
// Subnet carving rule (also in docs/spec.md). With N zones and a VPC of prefix /p, every subnet
// gets the same prefix s = max(20, p + ceil(log2(2N))), i.e. a /20 unless the VPC is too small
// to hold 2N of them. The VPC is cut into consecutive /s blocks, lowest first: zone i's private
// subnet is block i, its public subnet is block N + i. One zone in 10.0.0.0/16 gives private
// 10.0.0.0/20 and public 10.0.16.0/20 (the chapter's); three zones give privates 10.0.0.0/20,
// 10.0.16.0/20, 10.0.32.0/20 and publics 10.0.48.0/20, 10.0.64.0/20, 10.0.80.0/20. A subnet the
// user wrote keeps its value; only missing ones are taken from their block.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "spec/cluster_spec.hpp"
#include "util/result.hpp"

namespace hopper::spec {

inline constexpr std::string_view k_api_version = "hopper/v1alpha1";
inline constexpr std::string_view k_kind = "Cluster";
inline constexpr std::string_view k_default_vpc_cidr = "10.0.0.0/16";
inline constexpr std::string_view k_default_service_cidr = "10.96.0.0/12";
inline constexpr std::string_view k_default_public_key_path = "~/.ssh/id_ed25519.pub";
// The control plane's default address is this many addresses into the first private subnet
// (10.0.0.10 in the chapter), clear of the 4 addresses AWS keeps at the start.
inline constexpr std::uint64_t k_control_plane_ip_offset = 10;
// Subnets are /20 unless the VPC is too small; never smaller than AWS's minimum /28.
inline constexpr int k_carved_subnet_prefix = 20;
inline constexpr int k_min_subnet_prefix = 16;  // AWS: subnets and VPCs are /16 ... /28
inline constexpr int k_max_subnet_prefix = 28;

// The complete default spec: name hopper in eu-west-1, one zone eu-west-1a with private
// 10.0.0.0/20 and public 10.0.16.0/20 in VPC 10.0.0.0/16, control plane 10.0.0.10, NAT gateway,
// bastion t3.micro (no SSH CIDRs), control plane and workers t3.medium, workers 1/1/1,
// Kubernetes 1.36 with services in 10.96.0.0/12 and amazon-vpc-cni, image stock, SSH key
// ~/.ssh/id_ed25519.pub (path only: resolved_path and public_key are empty until loaded).
ClusterSpec default_spec();

struct SubnetPair {
  util::Cidr private_subnet;
  util::Cidr public_subnet;
};

// Subnets for `zone_count` zones in `vpc` by the carving rule above, zone by zone.
// Error (ExitCode::usage) when the VPC cannot hold 2 * zone_count subnets of /28 or larger:
//   "10.0.0.0/27 is too small to carve 4 subnets of at least /28"
// REQUIRES: zone_count >= 1.
util::Result<std::vector<SubnetPair>> carve_subnets(const util::Cidr& vpc, std::size_t zone_count);

// Zones named `zone_names`, with subnets carved from `vpc`. Errors as carve_subnets.
util::Result<std::vector<ZoneSpec>> carve_zones(const util::Cidr& vpc,
                                                const std::vector<std::string>& zone_names);

// The default control-plane address in `first_private_subnet`: its 10th address.
util::Ipv4 default_control_plane_ip(const util::Cidr& first_private_subnet);

}  // namespace hopper::spec

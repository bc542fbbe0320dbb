#include "spec/defaults.hpp"

#include <algorithm>

#include "spec/regions.hpp"

namespace hopper::spec {
namespace {

util::Cidr must_parse(std::string_view text) { return util::Cidr::parse(text).value(); }

}  // namespace

ClusterSpec default_spec() {
  ClusterSpec spec;
  spec.network.vpc_cidr = must_parse(k_default_vpc_cidr);
  spec.network.zones = carve_zones(spec.network.vpc_cidr, {default_zone(spec.region)}).value();
  spec.control_plane.private_ip = default_control_plane_ip(spec.network.zones[0].private_subnet);
  spec.kubernetes.service_cidr = must_parse(k_default_service_cidr);
  spec.ssh_key.public_key_path = std::string(k_default_public_key_path);
  return spec;
}

util::Result<std::vector<SubnetPair>> carve_subnets(const util::Cidr& vpc, std::size_t zone_count) {
  const std::size_t blocks = 2 * zone_count;
  int bits = 0;  // ceil(log2(blocks))
  while ((std::size_t{1} << bits) < blocks) ++bits;
  const int prefix = std::max(k_carved_subnet_prefix, vpc.prefix + bits);
  if (prefix > k_max_subnet_prefix) {
    return util::Error::usage(vpc.str() + " is too small to carve " + std::to_string(blocks) +
                              " subnets of at least /" + std::to_string(k_max_subnet_prefix));
  }
  // Only the first `blocks` blocks are needed; split() of a /16 into /28s would list 4096.
  const std::uint64_t step = std::uint64_t{1} << (32 - prefix);
  const auto block = [&](std::size_t i) {
    return util::Cidr{vpc.at(i * step), prefix};
  };
  std::vector<SubnetPair> out;
  for (std::size_t i = 0; i < zone_count; ++i) out.push_back({block(i), block(zone_count + i)});
  return out;
}

util::Result<std::vector<ZoneSpec>> carve_zones(const util::Cidr& vpc,
                                                const std::vector<std::string>& zone_names) {
  HOPPER_ASSIGN(const auto subnets, carve_subnets(vpc, zone_names.size()));
  std::vector<ZoneSpec> zones;
  for (std::size_t i = 0; i < zone_names.size(); ++i) {
    zones.push_back({zone_names[i], subnets[i].private_subnet, subnets[i].public_subnet});
  }
  return zones;
}

util::Ipv4 default_control_plane_ip(const util::Cidr& first_private_subnet) {
  return first_private_subnet.at(std::min(k_control_plane_ip_offset, first_private_subnet.size() - 1));
}

}  // namespace hopper::spec

// Network rules: VPC and subnet sizes, zones in the region, subnets inside the VPC and apart
// from each other, the Service range apart from the VPC, the control plane's address.
#include <map>

#include "spec/defaults.hpp"
#include "spec/instance_types.hpp"
#include "spec/regions.hpp"
#include "spec/validate.hpp"
#include "spec/validate_rules.hpp"

namespace hopper::spec::detail {
namespace {

// "" when `cidr` is an acceptable VPC or subnet size (/16 .. /28), else why not.
std::string size_problem(const util::Cidr& cidr, const char* what) {
  if (cidr.prefix >= k_min_subnet_prefix && cidr.prefix <= k_max_subnet_prefix) return {};
  return cidr.str() + " is too " + (cidr.prefix < k_min_subnet_prefix ? "large" : "small") + "; AWS " + what +
         " are /16 to /28";
}

void check_vpc(const ClusterSpec& spec, Checker& checker) {
  if (!checker.skip("network.vpcCIDR")) {
    if (auto why = size_problem(spec.network.vpc_cidr, "VPCs"); !why.empty()) checker.error("network.vpcCIDR", why);
  }
  const auto& id = spec.network.existing_vpc_id;
  if (id && !checker.skip("network.existingVpcId") && !is_vpc_id(*id)) {
    checker.error("network.existingVpcId",
                  "'" + *id + "' is not a VPC id (expected vpc- and 8 or 17 hex digits, e.g. vpc-0a1b2c3d4e5f67890)");
  }
}

void check_zones(const ClusterSpec& spec, Checker& checker) {
  if (checker.skip("network.zones")) return;
  const auto& zones = spec.network.zones;
  if (zones.empty()) {
    checker.error("network.zones", "at least one zone is required (e.g. - name: " + default_zone(spec.region) + ")");
    return;
  }
  const bool vpc_ok = !checker.skip("network.vpcCIDR");
  const util::Cidr& vpc = spec.network.vpc_cidr;
  std::map<std::string, std::string> seen_zones;  // name -> path of its first entry
  std::vector<std::pair<std::string, util::Cidr>> seen_subnets;
  for (std::size_t i = 0; i < zones.size(); ++i) {
    const std::string zone_path = "network.zones[" + std::to_string(i) + "]";
    if (checker.skip(zone_path)) continue;
    const ZoneSpec& zone = zones[i];
    const std::string name_path = zone_path + ".name";
    if (!checker.skip(name_path) && !checker.skip("region")) {
      if (auto why = check_zone(spec.region, zone.name)) {
        checker.error(name_path, *why);
      } else if (const auto [it, fresh] = seen_zones.emplace(zone.name, zone_path); !fresh) {
        checker.error(name_path, zone.name + " is listed twice (also " + it->second + ")");
      }
    }
    for (const auto& [field, subnet] : {std::pair{".privateSubnet", zone.private_subnet},
                                        std::pair{".publicSubnet", zone.public_subnet}}) {
      const std::string path = zone_path + field;
      if (checker.skip(path)) continue;
      if (auto why = size_problem(subnet, "subnets"); !why.empty()) {
        checker.error(path, why);
      } else if (vpc_ok && !vpc.contains(subnet)) {
        checker.error(path, subnet.str() + " is outside network.vpcCIDR " + vpc.str());
      }
      // A subnet the user left out was carved by the rule in defaults.hpp: say so, or the
      // message would blame a value they never wrote.
      const bool carved = !checker.written(path) && checker.written(zone_path);
      for (const auto& [other_path, other] : seen_subnets) {
        if (subnet.overlaps(other)) {
          checker.error(path, subnet.str() + (carved ? " (carved from network.vpcCIDR)" : "") + " overlaps " +
                                  other_path + " " + other.str());
          break;
        }
      }
      seen_subnets.emplace_back(path, subnet);
    }
  }
}

void check_service_cidr(const ClusterSpec& spec, Checker& checker) {
  const std::string path = "kubernetes.serviceCIDR";
  if (checker.skip(path)) return;
  const util::Cidr& services = spec.kubernetes.service_cidr;
  const util::Cidr& vpc = spec.network.vpc_cidr;
  if (services.prefix < k_min_service_prefix) {
    checker.error(path, services.str() + " is too large; kube-apiserver accepts at most a /12 for Services");
  } else if (services.prefix > k_max_service_prefix) {
    checker.error(path,
                  services.str() + " is too small; Services need at least a /28 (cluster DNS takes the 10th address)");
  }
  if (!checker.skip("network.vpcCIDR") && services.overlaps(vpc)) {
    std::string example = "10.96.0.0/12";
    for (const char* candidate : {"10.96.0.0/12", "172.20.0.0/16", "192.168.0.0/16"}) {
      if (!util::Cidr::parse(candidate)->overlaps(vpc)) {
        example = candidate;
        break;
      }
    }
    checker.error(path, services.str() + " overlaps network.vpcCIDR " + vpc.str() +
                            "; Services need a range outside the VPC (e.g. " + example + ")");
  }
}

void check_control_plane_ip(const ClusterSpec& spec, Checker& checker) {
  const std::string path = "controlPlane.privateIP";
  const std::string subnet_path = "network.zones[0].privateSubnet";
  if (checker.skip(path) || spec.network.zones.empty() || checker.skip(subnet_path) ||
      checker.skip("network.zones")) {
    return;
  }
  const util::Ipv4 ip = spec.control_plane.private_ip;
  const util::Cidr& subnet = spec.network.zones[0].private_subnet;
  if (!subnet.contains(ip)) {
    checker.error(path, ip.str() + " is outside " + subnet_path + " " + subnet.str() +
                            " (the control plane runs in the first zone's private subnet)");
  } else if (subnet.is_aws_reserved(ip)) {
    checker.error(path, ip.str() + " is reserved by AWS in " + subnet.str() +
                            " (the first four addresses and the last one of every subnet); use e.g. " +
                            default_control_plane_ip(subnet).str());
  }
}

void check_nat(const ClusterSpec& spec, Checker& checker) {
  if (spec.network.nat == NatMode::none && spec.image.mode == ImageMode::stock &&
      !spec.network.existing_vpc_id && !checker.skip("image")) {
    checker.warning("network.nat",
                    "none: private subnets get no route to the internet, so nodes with image stock cannot "
                    "install Kubernetes at boot");
  }
  if (checker.skip("network.natInstanceType")) return;
  if (spec.network.nat == NatMode::instance) {
    if (auto type = find_instance_type(spec.network.nat_instance_type); !type) {
      checker.error("network.natInstanceType", type.error().message());
    }
  } else if (spec.network.nat_instance_type != NetworkSpec{}.nat_instance_type && !checker.skip("network.nat")) {
    checker.warning("network.natInstanceType", "is used only with nat: instance (nat is " +
                                                   std::string(to_string(spec.network.nat)) + "); it is ignored");
  }
}

}  // namespace

void check_network(const ClusterSpec& spec, Checker& checker) {
  check_vpc(spec, checker);
  check_zones(spec, checker);
  check_service_cidr(spec, checker);
  check_control_plane_ip(spec, checker);
  check_nat(spec, checker);
}

}  // namespace hopper::spec::detail

#include "spec/render_init.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "spec/kubernetes_versions.hpp"
#include "spec/regions.hpp"
#include "spec/validate.hpp"

namespace hopper::spec {
namespace {

// `text` as a YAML scalar: plain when that reads back unchanged, else double-quoted.
std::string yaml_scalar(const std::string& text) {
  const auto plain_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("_./~+-").find(c) != std::string_view::npos;
  };
  const bool plain = !text.empty() && text != "~" && text.front() != '-' &&
                     std::all_of(text.begin(), text.end(), plain_char);
  if (plain) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

util::Cidr default_vpc() { return util::Cidr::parse(k_default_vpc_cidr).value(); }

}  // namespace

std::vector<std::string> init_zone_names(const InitOptions& options) {
  if (options.zones.empty()) return {default_zone(options.region)};
  std::vector<std::string> out;
  for (const auto& zone : options.zones) out.push_back(expand_zone_name(options.region, zone));
  return out;
}

std::vector<std::string> check_init_options(const InitOptions& options) {
  std::vector<std::string> out;
  if (auto why = check_cluster_name(options.name)) out.push_back("--name: " + *why);
  const auto region_problem = check_region(options.region);
  if (region_problem) out.push_back("--region: " + *region_problem);
  std::set<std::string> seen;
  const auto zones = init_zone_names(options);
  for (const auto& zone : zones) {
    if (auto why = check_zone(options.region, zone)) {
      out.push_back("--zones: " + *why);
    } else if (!seen.insert(zone).second) {
      out.push_back("--zones: " + zone + " is listed twice");
    }
  }
  if (auto carved = carve_subnets(default_vpc(), zones.size()); !carved) {
    out.push_back("--zones: " + carved.error().message());
  }
  if (options.ssh_public_key_path.empty()) out.push_back("--ssh-public-key: must not be empty");
  if (options.admin_cidr && options.admin_cidr->prefix == 0) {
    out.push_back("--admin-cidr: 0.0.0.0/0 lets anyone on the internet try SSH; use your own address "
                  "(e.g. 203.0.113.7/32), or write 0.0.0.0/0 in the spec together with "
                  "bastion.allowSSHFromAnywhere: true");
  }
  return out;
}

std::string render_init(const InitOptions& options) {
  const util::Cidr vpc = default_vpc();
  const std::vector<ZoneSpec> zones = carve_zones(vpc, init_zone_names(options)).value();
  const util::Ipv4 control_plane_ip = default_control_plane_ip(zones[0].private_subnet);
  const ClusterSpec defaults;  // scalar defaults: instance types, counts, volume sizes

  std::string out;
  const auto line = [&](auto&&... parts) { ((out += parts), ...); out += '\n'; };

  line("# hopper cluster spec. Every field is optional: a field left out takes the value shown here.");
  line("# Check it with `hopper validate`. Reference: docs/spec.md.");
  line("apiVersion: ", k_api_version);
  line("kind: ", k_kind);
  line();
  line("# 1-32 lowercase letters, digits and hyphens, starting with a letter. Every AWS resource");
  line("# hopper creates is named after it and tagged kubernetes.io/cluster/<name>.");
  line("name: ", options.name);
  line("region: ", options.region);
  line();
  line("network:");
  line("  # The VPC's range (/16 to /28). With amazon-vpc-cni, pods take addresses from it too.");
  line("  vpcCIDR: ", vpc.str());
  line("  # To build inside an existing VPC (used as shared, never deleted), give its id:");
  line("  # existingVpcId: vpc-0123456789abcdef0");
  line("  # How private subnets reach the internet: gateway (managed NAT gateway), instance (a");
  line("  # cheaper NAT instance) or none (no internet: image stock cannot install at boot).");
  line("  nat: ", to_string(NatMode::gateway));
  line("  # natInstanceType: ", defaults.network.nat_instance_type, "   # with nat: instance, the NAT instances' type");
  line("  # One entry per availability zone. The control plane runs in the first zone's private");
  line("  # subnet. Subnets left out are carved from vpcCIDR (see docs/spec.md).");
  line("  zones:");
  for (const ZoneSpec& zone : zones) {
    line("    - name: ", zone.name);
    line("      privateSubnet: ", fmt::format("{:<15}", zone.private_subnet.str()), " # nodes and pods");
    line("      publicSubnet: ", fmt::format("{:<16}", zone.public_subnet.str()),
         " # bastion, NAT gateway, internet-facing load balancers");
  }
  line();
  line("bastion:");
  line("  # The SSH jump host in the first public subnet; nodes have no public address.");
  line("  enabled: true");
  line("  instanceType: ", defaults.bastion.instance_type);
  if (options.admin_cidr) {
    line("  # Who may SSH to the bastion.");
    line("  sshAllowedCIDRs:");
    line("    - ", options.admin_cidr->str());
  } else {
    line("  # Who may SSH to the bastion. Nobody can until you add your address, e.g.");
    line("  #   sshAllowedCIDRs: [203.0.113.7/32]");
    line("  # (`curl -s https://checkip.amazonaws.com` prints it; or run init with --admin-cidr).");
    line("  sshAllowedCIDRs: []");
  }
  line("  # 0.0.0.0/0 in sshAllowedCIDRs is refused unless this is true.");
  line("  allowSSHFromAnywhere: false");
  line("  rootVolumeGiB: ", std::to_string(defaults.bastion.root_volume_gib));
  line();
  line("controlPlane:");
  line("  # At least 2 vCPUs and 1700 MiB of memory (kubeadm's minimum).");
  line("  instanceType: ", defaults.control_plane.instance_type);
  line("  # A fixed address in the first zone's private subnet, not one of the 4 first or the last.");
  line("  privateIP: ", control_plane_ip.str());
  line("  rootVolumeGiB: ", std::to_string(defaults.control_plane.root_volume_gib));
  line();
  line("workers:");
  line("  # An auto scaling group across the zones' private subnets.");
  line("  instanceType: ", defaults.workers.instance_type);
  line("  min: ", std::to_string(defaults.workers.min));
  line("  max: ", std::to_string(defaults.workers.max));
  line("  desired: ", std::to_string(defaults.workers.desired));
  line("  rootVolumeGiB: ", std::to_string(defaults.workers.root_volume_gib));
  line();
  line("kubernetes:");
  line("  # Supported: ", supported_kubernetes_minors(), " (a patch release such as ",
       k_default_kubernetes_version, ".2 works too).");
  line("  version: \"", k_default_kubernetes_version, "\"");
  line("  # Cluster IPs of Services; must not overlap vpcCIDR.");
  line("  serviceCIDR: ", k_default_service_cidr);
  line("  # The only CNI so far: pods get VPC addresses.");
  line("  cni: ", defaults.kubernetes.cni);
  line();
  line("# stock (Ubuntu 24.04, Kubernetes installed at boot), baked (an image hopper builds once and");
  line("# reuses), or an AMI id (ami-...).");
  line("image: ", to_string(ImageMode::stock));
  line();
  line("addons:");
  line("  # The chapter's demo app: a web Deployment behind a Service of type LoadBalancer (an ELB).");
  line("  demoApp: ", defaults.addons.demo_app ? "true" : "false");
  line();
  line("sshKey:");
  line("  # Installed on every instance. The private key is the same path without .pub, or your ssh agent.");
  line("  publicKeyPath: ", yaml_scalar(options.ssh_public_key_path));
  line();
  line("# Extra tags for every AWS resource hopper creates, e.g.");
  line("#   tags:");
  line("#     team: platform");
  line("tags: {}");
  return out;
}

}  // namespace hopper::spec

#include "bootstrap/node_files.hpp"

#include "bootstrap/containerd_config.hpp"
#include "spec/kubernetes_versions.hpp"
#include "util/strings.hpp"

namespace hopper::bootstrap {
namespace {

constexpr const char* k_modules = R"(# hopper: kernel modules for containerd (overlay) and kube-proxy/the VPC CNI (br_netfilter)
overlay
br_netfilter
)";

constexpr const char* k_sysctls = R"(# hopper: what Kubernetes and the VPC CNI need
net.bridge.bridge-nf-call-iptables = 1
net.bridge.bridge-nf-call-ip6tables = 1
net.ipv4.ip_forward = 1
)";

// amazon-vpc-cni-k8s#2103: on Ubuntu 22.04+ udev gives new links (the CNI's veth pairs) a MAC of
// its own choosing after the CNI has set one, and pods lose their traffic.
constexpr const char* k_link_policy = R"(# hopper: keep the MAC addresses the VPC CNI sets (amazon-vpc-cni-k8s#2103)
[Link]
MACAddressPolicy=none
)";

// systemd >= 248 removes routes and policy rules it did not make: the VPC CNI's.
constexpr const char* k_networkd_foreign = R"(# hopper: keep the routes and policy rules the VPC CNI adds
[Network]
ManageForeignRoutes=no
ManageForeignRoutingPolicyRules=no
)";

constexpr const char* k_refresh_service = R"([Unit]
Description=hopper: refresh the cluster's join token in SSM before it expires
After=network-online.target kubelet.service
Wants=network-online.target

[Service]
Type=oneshot
ExecStart=/usr/local/sbin/hopper-refresh-join-token
)";

constexpr const char* k_refresh_timer = R"([Unit]
Description=hopper: refresh the join token every 12 hours

[Timer]
OnBootSec=10min
OnUnitActiveSec=12h
RandomizedDelaySec=5min

[Install]
WantedBy=timers.target
)";

std::string assignment(const std::string& name, const std::string& value) {
  return name + "=" + util::shell_quote(value) + "\n";
}

}  // namespace

std::string aws_endpoint(const std::string& service, const std::string& region, const std::string& partition) {
  const std::string suffix = partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
  return "https://" + service + "." + region + "." + suffix;
}

util::Result<std::string> cluster_env(const spec::ClusterSpec& spec, const RenderContext& context, Packages packages) {
  HOPPER_ASSIGN(const spec::KubernetesRelease release, spec::find_kubernetes_release(spec.kubernetes.version));
  const std::string minor(release.minor);
  // "1.36" takes the newest 1.36 patch; "1.36.2" exactly that one (deb versions are 1.36.2-1.1).
  const bool has_patch = util::split(spec.kubernetes.version, '.').size() == 3;
  const std::string package_version = has_patch ? spec.kubernetes.version + "-*" : minor + ".*";
  std::string out = "# hopper: settings of cluster " + spec.name + " for the boot scripts (no secrets)\n";
  out += assignment("CLUSTER_NAME", spec.name);
  out += assignment("CLUSTER_REGION", context.region);
  out += assignment("SSM_PREFIX", context.ssm_prefix);
  out += assignment("SSM_ENDPOINT", aws_endpoint("ssm", context.region, context.partition));
  out += assignment("ECR_REGION", context.sources.vpc_cni_registry_region);
  out += assignment("ECR_ENDPOINT", aws_endpoint("api.ecr", context.sources.vpc_cni_registry_region, context.partition));
  out += assignment("CONTROL_PLANE_ENDPOINT", context.control_plane_endpoint);
  out += assignment("KUBERNETES_VERSION", spec.kubernetes.version);
  out += assignment("KUBERNETES_APT_URL", context.sources.kubernetes_apt_base + "/v" + minor + "/deb");
  out += assignment("KUBERNETES_PACKAGE_VERSION", package_version);
  out += assignment("INSTALL_PACKAGES", packages == Packages::install ? "yes" : "no");
  out += assignment("VPC_CNI_MANIFEST_URL", context.sources.vpc_cni_manifest_url);
  out += assignment("VPC_CNI_MANIFEST_SHA256", context.sources.vpc_cni_manifest_sha256);
  out += assignment("VPC_CNI_IMAGES", util::join(context.sources.vpc_cni_images, " "));
  out += assignment("JOIN_ATTEMPTS", std::to_string(k_join_attempts));
  out += assignment("JOIN_FIRST_DELAY", std::to_string(k_join_first_delay_seconds));
  out += assignment("JOIN_MAX_DELAY", std::to_string(k_join_max_delay_seconds));
  out += assignment("JOIN_TOKEN_TTL", k_join_token_ttl);
  out += assignment("DEMO_APP", context.demo_app ? "yes" : "no");
  return out;
}

util::Result<std::vector<NodeFile>> common_node_files(const spec::ClusterSpec& spec, const RenderContext& context) {
  const Packages packages = spec.image.mode == spec::ImageMode::baked ? Packages::preinstalled : Packages::install;
  HOPPER_ASSIGN(std::string env, cluster_env(spec, context, packages));
  return std::vector<NodeFile>{
      {k_cluster_env_path, std::move(env)},
      {"/etc/modules-load.d/k8s.conf", k_modules},
      {"/etc/sysctl.d/k8s.conf", k_sysctls},
      {"/etc/systemd/network/99-default.link.d/hopper-vpc-cni.conf", k_link_policy},
      {"/etc/systemd/networkd.conf.d/hopper-vpc-cni.conf", k_networkd_foreign},
      {k_containerd_config_path, containerd_config()},
  };
}

std::vector<NodeFile> token_refresh_units() {
  return {
      {"/etc/systemd/system/hopper-refresh-join-token.service", k_refresh_service},
      {"/etc/systemd/system/hopper-refresh-join-token.timer", k_refresh_timer},
  };
}

}  // namespace hopper::bootstrap

#include "bootstrap/kubeadm_config.hpp"

#include "bootstrap/node_files.hpp"
#include "spec/instance_types.hpp"
#include "util/strings.hpp"

namespace hopper::bootstrap {
namespace {

// nodeRegistration for a node of `instance_type`: the name from IMDS, containerd, and the
// kubelet with the external cloud provider, the node's address and the VPC CNI's pod limit.
util::Result<std::string> node_registration(const std::string& instance_type) {
  HOPPER_ASSIGN(const spec::InstanceType type, spec::find_instance_type(instance_type));
  std::string out;
  out += "nodeRegistration:\n";
  out += "  name: \"@NODE_NAME@\"\n";
  out += "  criSocket: " + std::string(k_cri_socket) + "\n";
  out += "  kubeletExtraArgs:\n";
  out += "  - name: cloud-provider\n";
  out += "    value: external\n";
  out += "  - name: node-ip\n";
  out += "    value: \"@NODE_IP@\"\n";
  out += "  # the VPC CNI gives every pod an address of the ENIs: " + type.name + " holds " +
         std::to_string(type.max_pods()) + "\n";
  out += "  - name: max-pods\n";
  out += "    value: \"" + std::to_string(type.max_pods()) + "\"\n";
  return out;
}

std::string host_of(const std::string& endpoint) { return endpoint.substr(0, endpoint.rfind(':')); }

}  // namespace

std::string private_dns_name(const std::string& ip, const std::string& region) {
  const std::string host = "ip-" + util::replace_all(ip, ".", "-");
  return region == "us-east-1" ? host + ".ec2.internal" : host + "." + region + ".compute.internal";
}

util::Result<std::string> init_configuration(const spec::ClusterSpec& spec, const RenderContext& context) {
  HOPPER_ASSIGN(const std::string registration, node_registration(spec.control_plane.instance_type));
  const std::string ip = spec.control_plane.private_ip.str();
  std::string out;
  out += "# hopper: kubeadm init of cluster " + spec.name + " (the placeholders are filled in at boot)\n";
  out += "apiVersion: kubeadm.k8s.io/v1beta4\n";
  out += "kind: InitConfiguration\n";
  out += "bootstrapTokens:\n";
  out += "- token: \"@JOIN_TOKEN@\"\n";
  out += "  description: \"hopper: nodes join with this token\"\n";
  out += "  ttl: " + std::string(k_join_token_ttl) + "\n";
  out += "  usages:\n";
  out += "  - signing\n";
  out += "  - authentication\n";
  out += "  groups:\n";
  out += "  - system:bootstrappers:kubeadm:default-node-token\n";
  out += "localAPIEndpoint:\n";
  out += "  advertiseAddress: \"" + ip + "\"\n";
  out += "  bindPort: 6443\n";
  out += registration;
  out += "---\n";
  out += "apiVersion: kubeadm.k8s.io/v1beta4\n";
  out += "kind: ClusterConfiguration\n";
  out += "clusterName: " + spec.name + "\n";
  out += "kubernetesVersion: \"@KUBERNETES_VERSION@\"\n";
  out += "controlPlaneEndpoint: \"" + context.control_plane_endpoint + "\"\n";
  out += "certificatesDir: /etc/kubernetes/pki\n";
  out += "networking:\n";
  out += "  serviceSubnet: " + spec.kubernetes.service_cidr.str() + "\n";
  out += "  dnsDomain: cluster.local\n";
  out += "apiServer:\n";
  out += "  certSANs:\n";
  for (const auto& name : {ip, private_dns_name(ip, context.region), std::string("127.0.0.1"), std::string("localhost")}) {
    out += "  - \"" + name + "\"\n";
  }
  if (const std::string host = host_of(context.control_plane_endpoint); host != ip) out += "  - \"" + host + "\"\n";
  out += "controllerManager:\n";
  out += "  extraArgs:\n";
  out += "  - name: cloud-provider\n";
  out += "    value: external\n";
  out += "---\n";
  out += "apiVersion: kubelet.config.k8s.io/v1beta1\n";
  out += "kind: KubeletConfiguration\n";
  out += "cgroupDriver: systemd\n";
  return out;
}

util::Result<std::string> join_configuration(const spec::ClusterSpec& spec, const RenderContext& context,
                                             const std::string& discovery_hash) {
  HOPPER_ASSIGN(const std::string registration, node_registration(spec.workers.instance_type));
  std::string out;
  out += "# hopper: kubeadm join of cluster " + spec.name + " (the placeholders are filled in at boot)\n";
  out += "apiVersion: kubeadm.k8s.io/v1beta4\n";
  out += "kind: JoinConfiguration\n";
  out += "discovery:\n";
  out += "  bootstrapToken:\n";
  out += "    apiServerEndpoint: \"" + context.control_plane_endpoint + "\"\n";
  out += "    token: \"@JOIN_TOKEN@\"\n";
  out += "    caCertHashes:\n";
  out += "    - \"" + discovery_hash + "\"\n";
  out += "timeouts:\n";
  out += "  discovery: 3m0s\n";
  out += registration;
  return out;
}

}  // namespace hopper::bootstrap

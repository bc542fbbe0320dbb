// kubeadm configuration, API kubeadm.k8s.io/v1beta4 (Kubernetes 1.31+): the control plane's
// InitConfiguration + ClusterConfiguration + KubeletConfiguration, and the workers'
// JoinConfiguration. What only the instance knows at boot is a placeholder the boot script fills
// in: @NODE_NAME@ (IMDS local-hostname, the EC2 private DNS name the AWS cloud provider expects),
// @NODE_IP@ (IMDS local-ipv4), @KUBERNETES_VERSION@ (`kubeadm version -o short`, so the
// configuration always names what is installed) and @JOIN_TOKEN@ (from SSM: never in user data).
//
// v1beta4 details that matter: every extraArgs is a list of {name, value}; cloud-provider:
// external goes to the kubelet and the controller manager, never to the API server (its flag was
// removed in 1.33); caCertHashes pin the cluster CA's public key.
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "bootstrap/render.hpp"

namespace hopper::bootstrap {

inline constexpr const char* k_init_config_path = "/etc/hopper/kubeadm/init.yaml";
inline constexpr const char* k_join_config_path = "/etc/hopper/kubeadm/join.yaml";
inline constexpr const char* k_cri_socket = "unix:///var/run/containerd/containerd.sock";

// The EC2 private DNS name of `ip` in `region` (us-east-1: ip-a-b-c-d.ec2.internal).
std::string private_dns_name(const std::string& ip, const std::string& region);

// The control plane's configuration. Errors: unknown instance type (max pods).
util::Result<std::string> init_configuration(const spec::ClusterSpec& spec, const RenderContext& context);
// The workers' configuration, pinning `discovery_hash`.
util::Result<std::string> join_configuration(const spec::ClusterSpec& spec, const RenderContext& context,
                                             const std::string& discovery_hash);

}  // namespace hopper::bootstrap

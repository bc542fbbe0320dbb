// The small configuration files every node gets from cloud-init: the cluster's settings for the
// boot scripts (/etc/hopper/cluster.env: shell assignments, no secrets), the kernel modules and
// sysctls Kubernetes needs, the systemd-networkd settings that keep it from undoing the VPC CNI's
// routes (amazon-vpc-cni-k8s#2103), and the join token refresh timer of the control plane.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "bootstrap/cloud_init.hpp"
#include "bootstrap/render.hpp"

namespace hopper::bootstrap {

inline constexpr const char* k_cluster_env_path = "/etc/hopper/cluster.env";

// How the workers retry `kubeadm join` while the control plane comes up: 20 attempts, the delay
// doubling from 5 s up to 60 s (about 20 minutes of waiting, each attempt's discovery aside).
inline constexpr int k_join_attempts = 20;
inline constexpr int k_join_first_delay_seconds = 5;
inline constexpr int k_join_max_delay_seconds = 60;
// Join tokens live 48 hours; the control plane makes a new one every 12.
inline constexpr const char* k_join_token_ttl = "48h0m0s";

enum class Packages { install, preinstalled };

// /etc/hopper/cluster.env. Errors: a Kubernetes version the catalog does not know.
util::Result<std::string> cluster_env(const spec::ClusterSpec& spec, const RenderContext& context, Packages packages);

// The files of the node preparation every Kubernetes node shares (cluster.env, modules, sysctls,
// networkd, containerd's configuration).
util::Result<std::vector<NodeFile>> common_node_files(const spec::ClusterSpec& spec, const RenderContext& context);

// The control plane's join token refresh: service and timer units.
std::vector<NodeFile> token_refresh_units();

// The AWS endpoint of `service` ("ssm", "api.ecr") in `region` of `partition`.
std::string aws_endpoint(const std::string& service, const std::string& region, const std::string& partition);

}  // namespace hopper::bootstrap

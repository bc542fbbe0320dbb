// The catalog of EC2 instance types hopper can run nodes on: common x86_64 families with, per
// size, vCPUs, memory, and the network limits the VPC CNI needs (ENIs and IPv4 addresses per
// ENI). Validation, the max-pods setting and cost estimates all read it. Static data; no
// network call.
//
// Sources: the EC2 instance type pages (vCPU, memory) and amazon-vpc-cni-k8s
// misc/eni-max-pods.txt (ENIs, IPv4 per ENI; max pods = ENIs * (IPv4 per ENI - 1) + 2).
//
// Thread-safety: read-only data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace hopper::spec {

struct InstanceType {
  std::string name;  // "t3.medium"
  int vcpus = 0;
  int memory_mib = 0;
  int max_enis = 0;      // network interfaces
  int ipv4_per_eni = 0;  // private IPv4 addresses per interface

  std::string_view family() const;  // "t3"
  std::string_view size() const;    // "medium"
  // Pods the VPC CNI can place on one node: the primary address of each ENI is not used for
  // pods, and aws-node and kube-proxy use the host network. t3.medium: 3 * (6 - 1) + 2 = 17.
  int max_pods() const { return max_enis * (ipv4_per_eni - 1) + 2; }
};

// kubeadm's preflight minimum for a control-plane node.
inline constexpr int k_control_plane_min_vcpus = 2;
inline constexpr int k_control_plane_min_memory_mib = 1700;

// Every type in the catalog, grouped by family.
const std::vector<InstanceType>& all_instance_types();
// The families in the catalog, in catalog order: {"t2", "t3", "t3a", "m5", ...}.
std::vector<std::string> instance_families();
// True for arm64 (Graviton) families: a1, t4g, m6g, m7gd, c7gn, r8g, x2gd, im4gn, ...
bool is_arm64_family(std::string_view family);

// The catalog entry for `name`, or an Error (ExitCode::usage) whose message is one sentence:
//   "'t3medium' is not an instance type (expected family.size, e.g. t3.medium)"
//   "m6g.large is an arm64 (Graviton) type; arm64 nodes are not supported yet (use an x86_64 family such as m6i)"
//   "unknown instance type family 'm9' in m9.large (did you mean m5?)"
//   "t3 has no size 'huge' (t3 sizes: nano, micro, small, medium, large, xlarge, 2xlarge)"
util::Result<InstanceType> find_instance_type(std::string_view name);

}  // namespace hopper::spec

// The desired graph of a cluster: the spec turned into resources (the chapter's topology,
// modernised), one builder per concern (network, firewall, iam, compute). Builders only construct
// resources; they never call AWS.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/cloud.hpp"
#include "model/resource.hpp"
#include "spec/cluster_spec.hpp"

namespace hopper::model {

// What the nodes boot with (bootstrap/ renders it; until then a minimal cloud-config).
struct BootstrapOutput {
  std::string bastion_user_data;
  std::string control_plane_user_data;
  std::string worker_user_data;
  // SSM parameters the nodes read at boot: name under the cluster prefix -> value.
  struct Secret {
    std::string name;  // e.g. "pki/ca.key"
    std::string value;
    bool secure = true;
    std::string description;
  };
  std::vector<Secret> parameters;
};

struct ClusterInputs {
  const spec::ClusterSpec* spec = nullptr;
  ClusterIdentity identity;
  std::string image_id;  // the AMI chosen for this cluster (kept in SSM image-id)
  BootstrapOutput bootstrap;
};

// Well-known keys other layers read (status, access, report).
namespace keys {
ResourceKey vpc();
ResourceKey bastion();
ResourceKey control_plane();
ResourceKey workers();
ResourceKey image();
ResourceKey nat_gateway(const std::string& zone);
}  // namespace keys

std::vector<std::unique_ptr<Resource>> build_cluster(const ClusterInputs& inputs);

// Pieces, exposed for tests.
void build_network(const ClusterInputs& inputs, std::vector<std::unique_ptr<Resource>>& out);
void build_firewall(const ClusterInputs& inputs, std::vector<std::unique_ptr<Resource>>& out);
void build_iam(const ClusterInputs& inputs, std::vector<std::unique_ptr<Resource>>& out);
void build_compute(const ClusterInputs& inputs, std::vector<std::unique_ptr<Resource>>& out);

// The cloud-config of a NAT instance: IP forwarding and a masquerade rule for the VPC's traffic.
std::string nat_instance_user_data(const std::string& vpc_cidr);
// A NAT instance's root volume (GiB): the image's size; it keeps no data.
inline constexpr int k_nat_instance_root_gib = 8;

// Display names: "<cluster>-<what>".
std::string display_name(const ClusterInputs& inputs, const std::string& what);
// The short zone suffix used in names: eu-west-1a -> "a".
std::string zone_letter(const std::string& zone);

}  // namespace hopper::model

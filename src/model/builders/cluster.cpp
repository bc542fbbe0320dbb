#include "model/builders/cluster.hpp"

namespace hopper::model {

namespace keys {
ResourceKey vpc() { return {"vpc", "main"}; }
ResourceKey bastion() { return {"instance", "bastion"}; }
ResourceKey control_plane() { return {"instance", "control-plane"}; }
ResourceKey workers() { return {"auto_scaling_group", "nodes"}; }
ResourceKey image() { return {"ssm_parameter", "image-id"}; }
ResourceKey nat_gateway(const std::string& zone) { return {"nat_gateway", zone}; }
}  // namespace keys

std::string display_name(const ClusterInputs& inputs, const std::string& what) {
  return inputs.identity.name + "-" + what;
}

std::string zone_letter(const std::string& zone) {
  return zone.empty() ? zone : zone.substr(zone.size() - 1);
}

std::vector<std::unique_ptr<Resource>> build_cluster(const ClusterInputs& inputs) {
  std::vector<std::unique_ptr<Resource>> out;
  build_network(inputs, out);
  build_firewall(inputs, out);
  build_iam(inputs, out);
  build_compute(inputs, out);
  // Every resource carries the cluster's tags, set in its creating call.
  for (auto& resource : out) {
    if (resource->tags().empty()) resource->set_tags(owned_tags(inputs.identity, resource->key(), resource->display_name()));
  }
  return out;
}

}  // namespace hopper::model

// Security groups and their ingress rules. The chapter's mistakes fixed: SSH to the bastion only
// from the spec's admin CIDRs (never the world unless allowSSHFromAnywhere), the kubelet port
// opened from the control plane (the chapter opened it from the nodes), no read-only kubelet port.
//
//   bastion        22/tcp from the admin CIDRs
//   control plane  22/tcp and 6443/tcp from the bastion; 6443/tcp, 53/tcp and 53/udp from the
//                  nodes; everything from itself
//   nat            everything from the VPC's CIDR (only with nat: instance)
//   nodes          22/tcp from the bastion; everything from the nodes (pod traffic: the VPC CNI
//                  gives pods VPC addresses on the nodes' interfaces); everything from the
//                  control plane (the kubelet's 10250 and the API server's calls to webhooks)
#include "model/builders/cluster.hpp"
#include "model/kinds/security_group.hpp"
#include "model/kinds/security_group_rules.hpp"

namespace hopper::model {

namespace {

kinds::RuleSpec tcp_from_group(int port, const ResourceKey& group, const std::string& description) {
  return {"tcp", port, port, "", group, description};
}

kinds::RuleSpec all_from_group(const ResourceKey& group, const std::string& description) {
  return {"-1", -1, -1, "", group, description};
}

}  // namespace

void build_firewall(const ClusterInputs& inputs, std::vector<std::unique_ptr<Resource>>& out) {
  const spec::ClusterSpec& spec = *inputs.spec;
  const ResourceKey vpc = keys::vpc();
  const ResourceKey bastion{"security_group", "bastion"};
  const ResourceKey control_plane{"security_group", "control-plane"};
  const ResourceKey nodes{"security_group", "nodes"};

  if (spec.bastion.enabled) {
    out.push_back(kinds::make_security_group("bastion", {vpc, display_name(inputs, "bastion"), "SSH bastion of cluster " + inputs.identity.name}));
    std::vector<kinds::RuleSpec> rules;
    for (const auto& cidr : spec.bastion.ssh_allowed_cidrs) {
      rules.push_back({"tcp", 22, 22, cidr.str(), std::nullopt, "ssh from admin"});
    }
    out.push_back(kinds::make_security_group_rules("bastion", display_name(inputs, "bastion") + " ingress", bastion, rules));
  }

  if (spec.network.nat == spec::NatMode::instance) {
    // NAT instances take traffic from anything in the VPC and send it out.
    const ResourceKey nat{"security_group", "nat"};
    out.push_back(kinds::make_security_group("nat", {vpc, display_name(inputs, "nat"), "NAT instances of cluster " + inputs.identity.name}));
    out.push_back(kinds::make_security_group_rules(
        "nat", display_name(inputs, "nat") + " ingress", nat,
        {{"-1", -1, -1, spec.network.vpc_cidr.str(), std::nullopt, "traffic to the internet from the VPC"}}));
  }

  out.push_back(kinds::make_security_group(
      "control-plane", {vpc, display_name(inputs, "control-plane"), "Kubernetes control plane of cluster " + inputs.identity.name}));
  out.push_back(kinds::make_security_group("nodes", {vpc, display_name(inputs, "nodes"), "Kubernetes nodes of cluster " + inputs.identity.name}));

  std::vector<kinds::RuleSpec> cp_rules = {
      tcp_from_group(6443, nodes, "API server from nodes"),
      {"tcp", 53, 53, "", nodes, "DNS from nodes"},
      {"udp", 53, 53, "", nodes, "DNS from nodes"},
      all_from_group(control_plane, "control plane to itself"),
  };
  std::vector<kinds::RuleSpec> node_rules = {
      all_from_group(nodes, "pod and node traffic among nodes"),
      all_from_group(control_plane, "kubelet and webhooks from the control plane"),
  };
  if (spec.bastion.enabled) {
    cp_rules.push_back(tcp_from_group(22, bastion, "ssh from bastion"));
    cp_rules.push_back(tcp_from_group(6443, bastion, "API server from bastion"));
    node_rules.push_back(tcp_from_group(22, bastion, "ssh from bastion"));
  }
  out.push_back(kinds::make_security_group_rules("control-plane", display_name(inputs, "control-plane") + " ingress",
                                                 control_plane, cp_rules));
  out.push_back(kinds::make_security_group_rules("nodes", display_name(inputs, "nodes") + " ingress", nodes, node_rules));
}

}  // namespace hopper::model

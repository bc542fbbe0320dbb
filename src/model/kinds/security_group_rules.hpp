// The ingress rules of one security group, managed as a set: rules hopper wants and that are
// missing are authorized, rules from the spec's sources that are no longer wanted are revoked,
// and rules that others added (the cloud controller's load balancer groups) are left alone.
//
// A rule is compared as atoms "protocol:from-to:source" ("tcp:22-22:cidr:203.0.113.7/32",
// "-1:all:sg:sg-0abc"), so AWS's merging of rules never shows as a change.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "aws/ec2/security_groups.hpp"
#include "model/resource.hpp"

namespace hopper::model::kinds {

const Kind& security_group_rules_kind();

struct RuleSpec {
  std::string protocol;  // "tcp", "udp", "-1"
  int from_port = -1;
  int to_port = -1;
  std::string cidr;              // one of cidr / source_group
  std::optional<ResourceKey> source_group;
  std::string description;
};

std::unique_ptr<Resource> make_security_group_rules(const std::string& name, const std::string& display_name,
                                                    const ResourceKey& group, std::vector<RuleSpec> rules);

// Atoms of AWS permissions; the canonical text of a set of atoms (sorted, comma-separated).
std::vector<std::string> atoms_of(const std::vector<aws::ec2::IpPermission>& permissions);
std::string render_atoms(std::vector<std::string> atoms);

}  // namespace hopper::model::kinds

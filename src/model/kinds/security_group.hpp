// A security group of the cluster (bastion, control plane, nodes). Its ingress rules are a
// resource of their own (security_group_rules.hpp) because rules reference other groups in both
// directions. Deleting a group first revokes the rules that reference other groups, so that
// groups referencing each other can go.
#pragma once

#include <memory>
#include <string>

#include "model/resource.hpp"

namespace hopper::model::kinds {

const Kind& security_group_kind();

struct SecurityGroupSpec {
  ResourceKey vpc;
  std::string group_name;
  std::string description;
};

std::unique_ptr<Resource> make_security_group(const std::string& name, SecurityGroupSpec spec);

// Revokes every rule of `group_id` that references another group (ingress and egress).
util::Status revoke_group_references(Cloud& cloud, const std::string& group_id);

}  // namespace hopper::model::kinds

// A single EC2 instance: the bastion (public subnet, public IP) and the control plane (private
// subnet, the spec's fixed private IP). Launch settings are immutable: a change replaces the
// instance, which hopper refuses for the control plane (it holds etcd) unless asked. Creation
// waits until the instance is running; the user data's SHA-256 is kept in a tag for diffing.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "model/kinds/launch_settings.hpp"
#include "model/resource.hpp"

namespace hopper::model::kinds {

const Kind& instance_kind();

struct InstanceSpec {
  LaunchSettings launch;
  ResourceKey subnet;
  std::optional<std::string> private_ip;
  bool public_ip = false;
  bool guarded = false;                   // refuse replacement unless --allow-replace
  bool source_dest_check = true;          // false for a NAT instance
  std::vector<ResourceKey> also_after;    // e.g. the private route: boot needs the NAT
};

std::unique_ptr<Resource> make_instance(const std::string& name, const std::string& display_name, InstanceSpec spec);

}  // namespace hopper::model::kinds

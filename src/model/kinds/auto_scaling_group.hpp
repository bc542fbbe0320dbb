// The workers' Auto Scaling group over the private subnets, launching from the launch template's
// default version. Capacity (min, max, desired) and subnets change in place; creation waits until
// the desired number of instances is in service and reports a failed scaling activity at once.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/resource.hpp"

namespace hopper::model::kinds {

const Kind& auto_scaling_group_kind();

struct AutoScalingGroupSpec {
  ResourceKey launch_template;
  std::vector<ResourceKey> subnets;
  int min_size = 1;
  int max_size = 1;
  int desired_capacity = 1;
  std::vector<ResourceKey> also_after;  // e.g. the private routes: workers boot through the NAT
};

std::unique_ptr<Resource> make_auto_scaling_group(const std::string& name, const std::string& display_name,
                                                  AutoScalingGroupSpec spec);

}  // namespace hopper::model::kinds

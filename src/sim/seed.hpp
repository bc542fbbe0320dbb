// Fills a region with resources that belong to nobody hopper knows (another team's VPCs,
// subnets, security groups, instances, volumes, key pairs), for the benchmark of `hopper plan`
// on a busy account and for tests of server-side filtering.
//
// Thread-safety: as World.
#pragma once

#include <string>

#include "sim/state/world.hpp"

namespace hopper::sim {

// Adds about `count` unrelated resources to `region_name`, spread over the EC2 families, all
// tagged for a cluster named "unrelated-<n>".
void seed_unrelated(World& world, const std::string& region_name, int count);

}  // namespace hopper::sim

// Discovering everything a cluster owns, without a spec: every kind's batched, tag-filtered
// discovery (and, with `include_runtime`, what Kubernetes created inside the cluster's VPC:
// load balancers, their security groups, leftover network interfaces and volumes).
//
// Thread-safety: discovery runs kinds on worker threads; the result is a plain value.
#pragma once

#include <vector>

#include "engine/apply.hpp"

namespace hopper::engine {

// `kinds`: the kinds to look at (empty: every kind in the registry).
util::Result<std::vector<Doomed>> discover_owned(model::Cloud& cloud, bool include_runtime, int parallelism,
                                                 const std::vector<const model::Kind*>& kinds = {});

}  // namespace hopper::engine

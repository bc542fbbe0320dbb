// Applying a plan: first the deletions (removals and the old halves of replacements) in reverse
// dependency order, retrying while AWS answers that something still depends on them; then the
// creations and updates in dependency order, independent resources at once. A resource whose
// dependency failed is skipped; the rest goes on, and the error lists every failure.
//
// A create that fails ambiguously (the connection dropped or timed out after the request was
// sent) is followed by a fresh lookup by tags before anything is created again, so a lost answer
// never becomes a duplicate.
//
// Thread-safety: runs resources on worker threads; the arguments must outlive the call.
#pragma once

#include <chrono>

#include "engine/graph.hpp"
#include "engine/plan.hpp"
#include "engine/progress.hpp"
#include "model/cloud.hpp"
#include "model/state.hpp"

namespace hopper::engine {

struct ApplyOptions {
  int parallelism = 8;
  ProgressSink* progress = nullptr;  // nullptr: no events
  std::chrono::milliseconds dependency_timeout{std::chrono::minutes(15)};
};

// Applies `plan` (REQUIRES: made from `graph`; no refused action). `state` must hold what
// make_plan found; it is updated as resources change.
util::Status apply_plan(const Plan& plan, const Graph& graph, model::Cloud& cloud, model::State& state,
                        const ApplyOptions& options);

// One object to delete, as discovery found it.
struct Doomed {
  model::ResourceKey key;
  const model::Kind* kind = nullptr;
  model::Observed observed;
  std::string display_name;
};

// Deletes `doomed` in kind order (an object waits for every object of the kinds its kind must
// outlive, and for its graph dependents when `graph` is given), in parallel otherwise, retrying
// DependencyViolation-like answers with backoff until `options.dependency_timeout`.
util::Status delete_objects(const std::vector<Doomed>& doomed, const Graph* graph, model::Cloud& cloud,
                            model::State& state, const ApplyOptions& options);

}  // namespace hopper::engine

// run_dag: runs one task per node of a dependency graph, each once all of its dependencies have
// succeeded, at most `parallelism` at a time. A node whose dependency failed (or was skipped) is
// skipped, not run; independent nodes go on. Used for discovery, apply and destroy.
//
// Thread-safety: `task` is called from worker threads, concurrently for independent nodes.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "util/result.hpp"

namespace hopper::engine {

enum class NodeOutcome { ok, failed, skipped };

struct DagResult {
  std::vector<NodeOutcome> outcomes;
  std::vector<std::optional<util::Error>> errors;  // set for failed nodes
  bool all_ok() const;
};

// `dependencies[i]` lists the nodes node i waits for. REQUIRES: acyclic, indexes in range.
DagResult run_dag(const std::vector<std::vector<std::size_t>>& dependencies, int parallelism,
                  const std::function<util::Status(std::size_t)>& task);

// The nodes in an order where each comes after its dependencies, or the nodes on a cycle.
struct TopoResult {
  std::vector<std::size_t> order;
  std::vector<std::size_t> cycle;  // non-empty when there is a cycle
};
TopoResult topological_order(const std::vector<std::vector<std::size_t>>& dependencies);

}  // namespace hopper::engine

// Planning: what must change so that AWS matches the desired graph.
//
// make_plan discovers what exists (each kind with one batched, tag-filtered call, cached for the
// run; sub-resources read their parent's answer), then diffs each desired resource against what
// was found, in dependency order: absent -> create; a changed field whose rule is replace ->
// replace (refused for guarded resources without allow_replace); other changes -> update in
// place; equal -> nothing. Owned objects that the graph no longer wants -> remove.
//
// Thread-safety: make_plan runs discovery on worker threads; the result is a plain value.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/graph.hpp"
#include "model/cloud.hpp"
#include "model/state.hpp"

namespace hopper::engine {

enum class ActionType { none, create, update, replace, remove };
std::string_view action_name(ActionType type);

struct Action {
  ActionType type = ActionType::none;
  model::ResourceKey key;
  std::string display_name;
  std::vector<model::FieldChange> changes;
  std::optional<model::Observed> observed;
  const model::Resource* resource = nullptr;  // the desired resource (nullptr for remove)
  const model::Kind* kind = nullptr;
  bool refused = false;                       // a guarded replace without allow_replace
};

struct Plan {
  std::vector<Action> actions;  // desired resources in dependency order, then removals
  std::size_t count(ActionType type) const;
  bool has_changes() const;
  // "instance/control-plane (hopper-control-plane): instance_type t3.medium -> t3.large" for each
  // refused replacement.
  std::vector<std::string> refusals() const;
};

struct PlanOptions {
  bool allow_replace = false;
  int parallelism = 8;
  // The kinds whose leftovers are looked for (empty: every kind in the registry).
  std::vector<const model::Kind*> kinds;
};

// The field changes from `observed` to `desired` (pure). Only fields present in `desired` count.
std::vector<model::FieldChange> diff_fields(const model::Resource& resource, const model::Fields& desired,
                                            const model::Observed& observed);

// Plans one resource against what was found (pure). `planning` holds what the dependencies will
// look like (replaced ones erased).
Action plan_resource(const model::Resource& resource, const std::optional<model::Observed>& observed,
                     const model::State& planning, const PlanOptions& options);

// Discovers and plans. Fills `state` with everything found. Errors: a discovery call failed.
util::Result<Plan> make_plan(const Graph& graph, model::Cloud& cloud, model::State& state, const PlanOptions& options);

}  // namespace hopper::engine

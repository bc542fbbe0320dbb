#include "engine/plan.hpp"

#include <set>

#include "engine/dag.hpp"

namespace hopper::engine {

std::string_view action_name(ActionType type) {
  switch (type) {
    case ActionType::none: return "no change";
    case ActionType::create: return "create";
    case ActionType::update: return "update";
    case ActionType::replace: return "replace";
    case ActionType::remove: return "delete";
  }
  return "?";
}

std::size_t Plan::count(ActionType type) const {
  std::size_t n = 0;
  for (const auto& action : actions) n += action.type == type ? 1 : 0;
  return n;
}

bool Plan::has_changes() const {
  for (const auto& action : actions) {
    if (action.type != ActionType::none) return true;
  }
  return false;
}

std::vector<std::string> Plan::refusals() const {
  std::vector<std::string> out;
  for (const auto& action : actions) {
    if (!action.refused) continue;
    std::string line = action.key.str() + " (" + action.display_name + "):";
    for (const auto& change : action.changes) {
      if (change.rule == model::FieldRule::replace) line += " " + change.field + " " + change.from + " -> " + change.to;
    }
    out.push_back(line);
  }
  return out;
}

std::vector<model::FieldChange> diff_fields(const model::Resource& resource, const model::Fields& desired,
                                            const model::Observed& observed) {
  std::vector<model::FieldChange> changes;
  for (const auto& [field, want] : desired) {
    const std::string have = observed.field(field);
    if (want == have) continue;
    changes.push_back({field, have, want, resource.rule(field)});
  }
  return changes;
}

Action plan_resource(const model::Resource& resource, const std::optional<model::Observed>& observed,
                     const model::State& planning, const PlanOptions& options) {
  Action action;
  action.key = resource.key();
  action.display_name = resource.display_name();
  action.resource = &resource;
  action.kind = &resource.kind();
  action.observed = observed;
  if (!observed) {
    action.type = ActionType::create;
    for (const auto& [field, value] : resource.desired(planning)) action.changes.push_back({field, "", value});
    return action;
  }
  action.changes = diff_fields(resource, resource.desired(planning), *observed);
  if (action.changes.empty()) {
    action.type = ActionType::none;
    return action;
  }
  const bool replace = std::any_of(action.changes.begin(), action.changes.end(),
                                   [](const auto& c) { return c.rule == model::FieldRule::replace; });
  action.type = replace ? ActionType::replace : ActionType::update;
  action.refused = replace && observed->shared;
  if (replace && resource.guarded() && !options.allow_replace) action.refused = true;
  return action;
}

util::Result<Plan> make_plan(const Graph& graph, model::Cloud& cloud, model::State& state, const PlanOptions& options) {
  HOPPER_TRY(graph.validate());

  // 1. Discovery, in dependency order (a route reads its table's id from the state).
  std::vector<std::optional<model::Observed>> found(graph.size());
  const DagResult discovered = run_dag(graph.dependency_indexes(), options.parallelism, [&](std::size_t i) -> util::Status {
    const model::Resource& resource = graph.at(i);
    HOPPER_ASSIGN(auto observed, resource.find(cloud, state));
    if (observed) state.set(resource.key(), *observed);
    found[i] = std::move(observed);
    return {};
  });
  for (std::size_t i = 0; i < graph.size(); ++i) {
    if (discovered.errors[i]) {
      return util::Error(*discovered.errors[i]).context("discovering " + graph.at(i).key().str());
    }
  }

  // 2. Diff in dependency order; what will be replaced reads as unknown to its dependents.
  Plan plan;
  model::State planning;
  for (const auto& [key, observed] : state.snapshot()) planning.set(key, observed);
  for (std::size_t i : graph.order()) {
    Action action = plan_resource(graph.at(i), found[i], planning, options);
    if (action.type == ActionType::replace || action.type == ActionType::create) planning.erase(action.key);
    plan.actions.push_back(std::move(action));
  }

  // 3. What the cluster owns but the graph no longer wants.
  for (const model::Kind* kind : options.kinds.empty() ? model::all_kinds() : options.kinds) {
    if (kind->runtime_only()) continue;
    HOPPER_ASSIGN(const auto all, cloud.cached<model::Discovered>(
                                      "discover:" + std::string(kind->name()), [&] { return kind->discover(cloud); }));
    for (const auto& [key, observed] : all) {
      if (graph.find(key) != nullptr || observed.shared) continue;
      Action action;
      action.type = ActionType::remove;
      action.key = key;
      action.display_name = observed.tags.count("Name") ? observed.tags.at("Name") : observed.id;
      action.observed = observed;
      action.kind = kind;
      plan.actions.push_back(std::move(action));
    }
  }
  return plan;
}

}  // namespace hopper::engine

#include "cli/plan_view.hpp"

#include <fmt/format.h>

#include "util/terminal.hpp"

namespace hopper::cli {
namespace {

using engine::ActionType;

char symbol(ActionType type) {
  switch (type) {
    case ActionType::create: return '+';
    case ActionType::update: return '~';
    case ActionType::replace: return '!';
    case ActionType::remove: return '-';
    case ActionType::none: return ' ';
  }
  return '?';
}

util::Color color(ActionType type) {
  switch (type) {
    case ActionType::create: return util::Color::green;
    case ActionType::update: return util::Color::yellow;
    case ActionType::replace: return util::Color::red;
    case ActionType::remove: return util::Color::red;
    case ActionType::none: return util::Color::none;
  }
  return util::Color::none;
}

std::string shown(const std::string& value) { return value.empty() ? "(none)" : value; }

}  // namespace

std::string plan_summary(const engine::Plan& plan) {
  return fmt::format("{} to create, {} to update, {} to replace, {} to delete", plan.count(ActionType::create),
                     plan.count(ActionType::update), plan.count(ActionType::replace), plan.count(ActionType::remove));
}

void print_plan(std::ostream& out, const engine::Plan& plan, const PlanHeader& header) {
  out << fmt::format("Cluster {} in {} (account {}), image {}\n", header.cluster, header.region, header.account,
                     header.image);
  if (!plan.has_changes()) {
    out << "No changes: the cluster matches the spec.\n";
    return;
  }
  out << "Plan: " << plan_summary(plan) << ".\n";
  for (const auto& action : plan.actions) {
    if (action.type == ActionType::none) continue;
    const std::string line = fmt::format("  {} {:<44} {}", symbol(action.type), action.key.str(), action.display_name);
    out << util::paint(color(action.type), line);
    if (action.type == ActionType::replace) out << (action.refused ? "  (refused: needs --allow-replace)" : "  (replace)");
    out << "\n";
    if (action.type == ActionType::update || action.type == ActionType::replace) {
      for (const auto& change : action.changes) {
        out << fmt::format("        {}: {} -> {}{}\n", change.field, shown(change.from), shown(change.to),
                           change.rule == model::FieldRule::replace ? "  (forces replacement)" : "");
      }
    }
  }
}

nlohmann::json plan_json(const engine::Plan& plan, const PlanHeader& header) {
  nlohmann::json changes = nlohmann::json::array();
  for (const auto& action : plan.actions) {
    if (action.type == ActionType::none) continue;
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& change : action.changes) {
      fields.push_back({{"field", change.field}, {"from", change.from}, {"to", change.to},
                        {"forces_replacement", change.rule == model::FieldRule::replace}});
    }
    changes.push_back({{"action", std::string(engine::action_name(action.type))},
                       {"resource", action.key.str()},
                       {"name", action.display_name},
                       {"id", action.observed ? action.observed->id : ""},
                       {"refused", action.refused},
                       {"fields", fields}});
  }
  return {{"cluster", header.cluster},
          {"region", header.region},
          {"account", header.account},
          {"image", header.image},
          {"summary",
           {{"create", plan.count(ActionType::create)},
            {"update", plan.count(ActionType::update)},
            {"replace", plan.count(ActionType::replace)},
            {"delete", plan.count(ActionType::remove)}}},
          {"changes", changes}};
}

}  // namespace hopper::cli

// How a plan is shown: a readable list of what changes (create / update in place / replace /
// delete, with the fields that differ), or JSON for machines.
#pragma once

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/plan.hpp"

namespace hopper::cli {

struct PlanHeader {
  std::string cluster;
  std::string region;
  std::string account;
  std::string image;         // "ami-... (source)"
};

void print_plan(std::ostream& out, const engine::Plan& plan, const PlanHeader& header);
nlohmann::json plan_json(const engine::Plan& plan, const PlanHeader& header);
// "3 to create, 1 to update, 0 to replace, 0 to delete"
std::string plan_summary(const engine::Plan& plan);

}  // namespace hopper::cli

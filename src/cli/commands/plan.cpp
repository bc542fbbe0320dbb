// hopper plan: what `up` would change, without changing anything.
#include <iostream>

#include "cli/cluster_run.hpp"
#include "cli/command.hpp"
#include "cli/plan_view.hpp"
#include "engine/plan.hpp"
#include "report/cost.hpp"

namespace hopper::cli {
namespace {

struct PlanFlags {
  bool detailed_exitcode = false;
  bool allow_replace = false;
  bool update_image = false;
};

util::Result<util::ExitCode> run_plan(Context& context, const PlanFlags& flags) {
  HOPPER_ASSIGN(auto run, prepare_cluster(context, {flags.update_image}));
  engine::PlanOptions options;
  options.allow_replace = flags.allow_replace;
  HOPPER_ASSIGN(const engine::Plan plan, engine::make_plan(run->graph, *run->cloud, run->state, options));
  const PlanHeader header{run->spec.name, run->spec.region, run->aws->identity.account,
                          run->image.image_id + " (" + run->image.source + ")"};
  if (context.format() == OutputFormat::json) {
    nlohmann::json out = plan_json(plan, header);
    out["cost"] = report::spec_cost_json(run->spec);
    *context.out << out.dump(2) << "\n";
  } else {
    print_plan(*context.out, plan, header);
    *context.out << report::spec_cost_line(run->spec) << "\n";
  }
  if (flags.detailed_exitcode && plan.has_changes()) return util::ExitCode::changes_pending;
  return util::ExitCode::ok;
}

}  // namespace

void register_plan(Registry& registry) {
  auto flags = std::make_shared<PlanFlags>();
  CLI::App* sub = registry.add("plan", "Show what `up` would create, change or delete",
                               [flags](Context& context) { return run_plan(context, *flags); });
  sub->add_flag("--detailed-exitcode", flags->detailed_exitcode, "Exit 4 when there are changes (0 when none)");
  sub->add_flag("--allow-replace", flags->allow_replace, "Plan replacing the control plane when its settings changed");
  sub->add_flag("--update-image", flags->update_image, "Plan with the newest image instead of the one kept");
}

}  // namespace hopper::cli

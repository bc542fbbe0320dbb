// hopper up: build (or converge) the cluster of the spec.
#include <iostream>

#include <fmt/format.h>

#include "cli/access_options.hpp"
#include "cli/cluster_run.hpp"
#include "cli/cluster_wait.hpp"
#include "cli/command.hpp"
#include "cli/plan_view.hpp"
#include "cli/progress_view.hpp"
#include "engine/apply.hpp"
#include "engine/plan.hpp"
#include "model/builders/cluster.hpp"
#include "report/cost.hpp"
#include "util/clock.hpp"
#include "util/strings.hpp"
#include "util/terminal.hpp"

namespace hopper::cli {
namespace {

struct UpFlags {
  bool allow_replace = false;
  bool update_image = false;
  int parallelism = 8;
  bool no_wait = false;
  std::string wait_timeout = k_default_wait_timeout_text;
  access::OverrideFlags overrides;
};

std::string attribute(const std::optional<model::Observed>& observed, const std::string& name) {
  return observed ? observed->attribute(name) : "";
}

void print_summary(const Context& context, const ClusterRun& run, std::chrono::milliseconds elapsed, bool waits) {
  std::ostream& out = *context.out;
  const auto bastion = run.state.get(model::keys::bastion());
  const auto control_plane = run.state.get(model::keys::control_plane());
  const auto workers = run.state.get(model::keys::workers());
  if (context.format() == OutputFormat::json) {
    nlohmann::json summary{{"cluster", run.spec.name},
                           {"region", run.spec.region},
                           {"elapsed_ms", elapsed.count()},
                           {"bastion", attribute(bastion, "public_ip")},
                           {"control_plane", attribute(control_plane, "private_ip")},
                           {"workers_in_service", attribute(workers, "in_service")},
                           {"cost", report::spec_cost_json(run.spec)}};
    out << summary.dump(2) << "\n";
    return;
  }
  out << util::paint(util::Color::bold, fmt::format("Cluster {} is up in {} ({}).", run.spec.name, run.spec.region,
                                                    util::format_duration(elapsed)))
      << "\n";
  if (bastion) out << "  bastion        " << attribute(bastion, "public_ip") << " (" << bastion->id << ")\n";
  if (control_plane) {
    out << "  control plane  " << attribute(control_plane, "private_ip") << " (" << control_plane->id << ")\n";
  }
  if (workers) out << "  workers        " << attribute(workers, "in_service") << " in service (" << workers->id << ")\n";
  out << "  " << report::spec_cost_line(run.spec) << "\n";
  if (run.aws->session->uses_local_endpoint() && !waits) {
    out << "  The endpoint is a local AWS emulator: no machine booted, so there is no cluster to reach.\n";
  }
}

util::Result<util::ExitCode> run_up(Context& context, const UpFlags& flags) {
  const auto started = std::chrono::steady_clock::now();
  // Flags first: a bad value is a usage error before anything changes.
  WaitRequest wait;
  HOPPER_ASSIGN(wait.overrides, access::parse_overrides(flags.overrides));
  HOPPER_ASSIGN(wait.timeout, parse_wait_timeout(flags.wait_timeout));
  HOPPER_ASSIGN(auto run, prepare_cluster(context, {flags.update_image}));
  engine::PlanOptions plan_options;
  plan_options.allow_replace = flags.allow_replace;
  plan_options.parallelism = flags.parallelism;
  HOPPER_ASSIGN(const engine::Plan plan, engine::make_plan(run->graph, *run->cloud, run->state, plan_options));
  const PlanHeader header{run->spec.name, run->spec.region, run->aws->identity.account,
                          run->image.image_id + " (" + run->image.source + ")"};
  const bool json = context.format() == OutputFormat::json;
  if (!json) print_plan(*context.out, plan, header);
  if (const auto refused = plan.refusals(); !refused.empty()) {
    return util::Error::failed("refusing to replace the control plane (it holds etcd): " + util::join(refused, "; ") +
                               "; pass --allow-replace to replace it anyway");
  }
  if (plan.has_changes()) {
    HOPPER_ASSIGN(const bool go, confirm(context, "Apply these changes to cluster " + run->spec.name + "?"));
    if (!go) {
      *context.err << "Nothing changed.\n";
      return util::ExitCode::failed;
    }
    auto progress = make_progress(json ? *context.err : *context.out, !json && util::stdout_is_terminal());
    engine::ApplyOptions apply_options;
    apply_options.parallelism = flags.parallelism;
    apply_options.progress = progress.get();
    const util::Status applied = engine::apply_plan(plan, run->graph, *run->cloud, run->state, apply_options);
    progress.reset();
    if (!applied.ok()) {
      return util::Error(applied.error().message() + " (run `hopper up` again to continue)", applied.error().exit_code());
    }
  }
  const bool waits = !flags.no_wait && wait_applies(*run, wait);
  // The summary comes last: "is up" means the nodes are Ready, not that AWS took the calls.
  if (waits) HOPPER_TRY(wait_for_cluster(context, *run, wait));
  print_summary(context, *run,
                std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started), waits);
  return util::ExitCode::ok;
}

}  // namespace

void register_up(Registry& registry) {
  auto flags = std::make_shared<UpFlags>();
  CLI::App* sub = registry.add("up", "Create the cluster of the spec, or bring it in line with the spec",
                               [flags](Context& context) { return run_up(context, *flags); });
  sub->add_flag("--allow-replace", flags->allow_replace, "Replace the control plane when its settings changed (loses etcd)");
  sub->add_flag("--update-image", flags->update_image, "Take the newest image instead of the one kept since the first up");
  sub->add_option("--parallelism", flags->parallelism, "Resources changed at once")->check(CLI::Range(1, 32))->capture_default_str();
  sub->add_flag("--no-wait", flags->no_wait,
                "Return once AWS has the resources, without waiting for the API and every node to be Ready");
  sub->add_option("--wait-timeout", flags->wait_timeout,
                  "How long to wait for the cluster (90s, 20m, 1h); a boot that fails stops the wait at once")
      ->capture_default_str();
  add_override_options(sub, flags->overrides, OverrideSet::bastion_and_api);
}

}  // namespace hopper::cli

// How a command plugs into the application: each cli/commands/<verb>.cpp defines one
// register_<verb>() that adds its CLI11 subcommand and sets the action to run when chosen.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "util/result.hpp"

namespace hopper::cli {

// A command's body: returns the exit code on success (ok, or changes_pending for plan), or an
// Error that main maps to its exit code.
using Action = std::function<util::Result<util::ExitCode>(Context&)>;

struct Registry {
  CLI::App& app;
  Context& context;
  Action* chosen;  // set by the subcommand's callback

  // Adds subcommand `name`; `action` runs when it is chosen.
  CLI::App* add(const std::string& name, const std::string& description, Action action);
};

void register_version(Registry& registry);
void register_init(Registry& registry);
void register_validate(Registry& registry);
void register_plan(Registry& registry);
void register_up(Registry& registry);
void register_down(Registry& registry);
void register_sim(Registry& registry);  // `sim serve` and the global --sim options
void register_render(Registry& registry);  // `render`: the nodes' files for review
void register_image(Registry& registry);   // `image build`: the baked image
void register_status(Registry& registry);      // `status`: resources, instances, Kubernetes nodes
void register_cost(Registry& registry);        // `cost`: the estimate at list prices
void register_diagram(Registry& registry);     // `diagram`: SVG or DOT of the cluster
void register_iam_policy(Registry& registry);  // `iam-policy`: the operator policy
void register_ssh(Registry& registry);
void register_ssh_config(Registry& registry);
void register_tunnel(Registry& registry);
void register_kubeconfig(Registry& registry);

}  // namespace hopper::cli

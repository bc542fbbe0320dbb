// hopper down: delete everything the cluster owns, including what Kubernetes created in its VPC,
// then check that nothing is left. Works from the spec, or without one from --name and --region.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "aws/ec2/tags.hpp"
#include "aws/ec2/vpcs.hpp"
#include "cli/aws_setup.hpp"
#include "cli/cluster_run.hpp"
#include "cli/command.hpp"
#include "cli/progress_view.hpp"
#include "engine/destroy.hpp"
#include "model/cloud.hpp"
#include "model/sweep.hpp"
#include "spec/load.hpp"
#include "util/terminal.hpp"

namespace hopper::cli {
namespace {

struct DownFlags {
  std::string name;
  int parallelism = 8;
};

// The cluster to delete: --name (with the region from --region or the environment), else the spec.
util::Result<std::pair<std::string, std::string>> target(const Context& context, const DownFlags& flags) {
  if (!flags.name.empty()) return std::make_pair(flags.name, std::string());
  if (!std::filesystem::exists(context.options.spec_path)) {
    return util::Error::usage("no spec at " + context.options.spec_path +
                              ": pass -f FILE, or --name NAME --region REGION to delete a cluster without its spec");
  }
  HOPPER_ASSIGN(const spec::ClusterSpec spec, spec::load_valid_spec(context.options.spec_path, *context.err));
  return std::make_pair(spec.name, spec.region);
}

// An existing VPC the cluster only borrowed keeps living: take hopper's tags off it.
util::Status untag_shared_vpcs(model::Cloud& cloud) {
  HOPPER_ASSIGN(const auto vpcs, aws::ec2::describe_vpcs(cloud.ec2, {{"tag:" + cloud.cluster_tag_key(), {"shared"}}}));
  for (const auto& vpc : vpcs) {
    HOPPER_TRY(aws::ec2::delete_tags(cloud.ec2, {vpc.id},
                                     {cloud.cluster_tag_key(), std::string(model::k_tag_generation_prefix) + cloud.cluster().name}));
  }
  return {};
}

util::Result<util::ExitCode> run_down(Context& context, const DownFlags& flags) {
  HOPPER_ASSIGN(const auto names, target(context, flags));
  HOPPER_ASSIGN(const auto aws, connect_aws(context, names.second));
  const std::string region = aws->session->region();
  model::Cloud cloud(*aws->session, cluster_identity(names.first, region, *aws));

  HOPPER_ASSIGN(const auto doomed, engine::discover_owned(cloud, true, flags.parallelism));
  std::vector<std::string> vpc_ids;
  for (const auto& d : doomed) {
    if (d.kind->name() == "vpc") vpc_ids.push_back(d.observed.id);
  }
  const bool json = context.format() == OutputFormat::json;
  std::ostream& log = json ? *context.err : *context.out;
  if (doomed.empty()) {
    log << fmt::format("Nothing of cluster {} found in {}.\n", names.first, region);
  } else {
    log << fmt::format("Cluster {} in {} (account {}): {} resource(s) to delete:\n", names.first, region,
                       aws->identity.account, doomed.size());
    for (const auto& d : doomed) log << fmt::format("  - {:<44} {} {}\n", d.key.str(), d.display_name, d.observed.id);
    HOPPER_ASSIGN(const bool go, confirm(context, "Delete cluster " + names.first + " and everything in it?"));
    if (!go) {
      *context.err << "Nothing deleted.\n";
      return util::ExitCode::failed;
    }
    auto progress = make_progress(log, !json && util::stdout_is_terminal());
    engine::ApplyOptions options;
    options.parallelism = flags.parallelism;
    options.progress = progress.get();
    model::State state;
    const util::Status deleted = engine::delete_objects(doomed, nullptr, cloud, state, options);
    progress.reset();
    if (!deleted.ok()) return util::Error(deleted.error().message() + " (run `hopper down` again)", deleted.error().exit_code());
  }
  HOPPER_TRY(untag_shared_vpcs(cloud));

  HOPPER_ASSIGN(const auto leftovers, model::sweep(cloud, vpc_ids));
  if (json) {
    nlohmann::json left = nlohmann::json::array();
    for (const auto& l : leftovers) left.push_back({{"type", l.type}, {"id", l.id}, {"detail", l.detail}});
    *context.out << nlohmann::json{{"cluster", names.first}, {"region", region}, {"deleted", doomed.size()}, {"left", left}}.dump(2)
                 << "\n";
  }
  if (!leftovers.empty()) {
    if (!json) {
      *context.out << "Still there after the deletion:\n";
      for (const auto& l : leftovers) *context.out << fmt::format("  {:<24} {} {}\n", l.type, l.id, l.detail);
    }
    return util::Error::failed(std::to_string(leftovers.size()) + " resource(s) of cluster " + names.first +
                               " remain (listed above); run `hopper down` again");
  }
  if (!json) *context.out << fmt::format("Cluster {} is gone from {}: nothing tagged for it is left.\n", names.first, region);
  return util::ExitCode::ok;
}

}  // namespace

void register_down(Registry& registry) {
  auto flags = std::make_shared<DownFlags>();
  CLI::App* sub = registry.add("down", "Delete the cluster and everything it made, then check nothing is left",
                               [flags](Context& context) { return run_down(context, *flags); });
  sub->add_option("--name", flags->name, "Cluster name, to delete without a spec (with --region)");
  sub->add_option("--parallelism", flags->parallelism, "Resources deleted at once")->check(CLI::Range(1, 32))->capture_default_str();
}

}  // namespace hopper::cli

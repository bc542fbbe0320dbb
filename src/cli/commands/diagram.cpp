// hopper diagram: the cluster drawn like the chapter's figure 3-1, as SVG or Graphviz DOT, from
// the spec or (--live) from what exists (report/diagram.hpp).
#include <filesystem>
#include <ostream>

#include "cli/aws_setup.hpp"
#include "cli/cluster_run.hpp"
#include "cli/command.hpp"
#include "engine/destroy.hpp"
#include "report/diagram.hpp"
#include "spec/load.hpp"
#include "util/fs.hpp"

namespace hopper::cli {
namespace {

namespace fs = std::filesystem;

struct DiagramFlags {
  std::string format = "svg";
  std::string out;
  bool live = false;
  std::string name;
  int parallelism = 8;
};

util::Result<report::Diagram> live_diagram(const Context& context, const DiagramFlags& flags) {
  std::string name = flags.name;
  std::string region;
  if (name.empty()) {
    HOPPER_ASSIGN(const spec::ClusterSpec spec, spec::load_valid_spec(context.options.spec_path, *context.err));
    name = spec.name;
    region = spec.region;
  }
  HOPPER_ASSIGN(const auto aws, connect_aws(context, region));
  model::Cloud cloud(*aws->session, cluster_identity(name, aws->session->region(), *aws));
  HOPPER_ASSIGN(const auto found, engine::discover_owned(cloud, false, flags.parallelism));
  if (found.empty()) {
    return util::Error::failed("nothing of cluster " + name + " exists in " + aws->session->region() +
                               " (drop --live to draw the spec)");
  }
  return report::diagram_from_live(found, name, aws->session->region(), aws->identity.account);
}

util::Result<util::ExitCode> run_diagram(Context& context, const DiagramFlags& flags) {
  report::Diagram diagram;
  if (flags.live) {
    HOPPER_ASSIGN(diagram, live_diagram(context, flags));
  } else {
    if (!flags.name.empty()) return util::Error::usage("--name needs --live (without it the diagram is the spec's)");
    HOPPER_ASSIGN(const spec::ClusterSpec spec, spec::load_valid_spec(context.options.spec_path, *context.err));
    diagram = report::diagram_from_spec(spec);
  }
  const std::string text = flags.format == "dot" ? report::render_dot(diagram) : report::render_svg(diagram);
  if (flags.out.empty() || flags.out == "-") {
    *context.out << text;
    return util::ExitCode::ok;
  }
  const fs::path path = util::expand_user(flags.out);
  using fs::perms;
  HOPPER_TRY(util::write_file_atomic(path, text,
                                     perms::owner_read | perms::owner_write | perms::group_read | perms::others_read));
  *context.err << "Wrote " << path.string() << "\n";
  return util::ExitCode::ok;
}

}  // namespace

void register_diagram(Registry& registry) {
  auto flags = std::make_shared<DiagramFlags>();
  CLI::App* sub = registry.add("diagram", "Draw the cluster (VPC, zones, subnets, gateways, machines, firewall edges)",
                               [flags](Context& context) { return run_diagram(context, *flags); });
  sub->add_option("--format", flags->format, "svg (standalone, no Graphviz needed) or dot (Graphviz)")
      ->check(CLI::IsMember({"svg", "dot"}))
      ->capture_default_str();
  sub->add_option("--out", flags->out, "Write to FILE instead of standard output");
  sub->add_flag("--live", flags->live, "Draw what exists in AWS (ids, addresses, real rules) instead of the spec");
  sub->add_option("--name", flags->name, "With --live: the cluster's name, to draw without a spec (with --region)");
  sub->add_option("--parallelism", flags->parallelism, "Kinds discovered at once (--live)")->check(CLI::Range(1, 32))->capture_default_str();
}

}  // namespace hopper::cli

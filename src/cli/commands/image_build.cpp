// hopper image build: bakes the image `image: baked` boots from (cli/image_build.hpp).
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/aws_setup.hpp"
#include "cli/cluster_run.hpp"
#include "cli/command.hpp"
#include "cli/image_build.hpp"
#include "spec/load.hpp"

namespace hopper::cli {
namespace {

util::Result<util::ExitCode> run_image_build(Context& context) {
  HOPPER_ASSIGN(const spec::ClusterSpec spec, spec::load_valid_spec(context.options.spec_path, *context.err));
  HOPPER_ASSIGN(const auto aws, connect_aws(context, spec.region));
  model::Cloud cloud(*aws->session, cluster_identity(spec.name, spec.region, *aws, spec.tags));
  HOPPER_ASSIGN(const ImageBuildResult result, build_image(cloud, spec, *context.err));
  if (context.format() == OutputFormat::json) {
    *context.out << nlohmann::json{{"image_id", result.image_id}, {"name", result.image_name}, {"reused", result.reused}}
                        .dump(2)
                 << "\n";
  } else {
    *context.out << (result.reused ? "Reused " : "Built ") << result.image_name << " (" << result.image_id << ")";
    if (spec.image.mode != spec::ImageMode::baked) *context.out << "; set `image: baked` in the spec to boot from it";
    *context.out << "\n";
  }
  return util::ExitCode::ok;
}

}  // namespace

void register_image(Registry& registry) {
  CLI::App* image = registry.app.add_subcommand("image", "Images the nodes boot from");
  image->fallthrough();
  image->require_subcommand(1);
  CLI::App* build = image->add_subcommand(
      "build", "Bake containerd and the spec's Kubernetes packages into an image (for `image: baked`)");
  build->fallthrough();
  Action* slot = registry.chosen;
  build->callback([slot] { *slot = [](Context& context) { return run_image_build(context); }; });
}

}  // namespace hopper::cli

// hopper kubeconfig [--merge] [--port N] [--out FILE]: a kubeconfig for the cluster through
// `hopper tunnel`, with admin credentials minted from the cluster CA.
#include <filesystem>
#include <ostream>

#include "access/kubeconfig.hpp"
#include "access/ssh_setup.hpp"
#include "access/tunnel.hpp"
#include "aws/ssm/client.hpp"
#include "cli/aws_setup.hpp"
#include "cli/command.hpp"
#include "spec/load.hpp"
#include "util/clock.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

namespace hopper::cli {
namespace {
namespace fs = std::filesystem;

struct KubeconfigFlags {
  bool merge = false;
  int port = 0;  // 0: the running tunnel's, else 6443
  std::string out;
};

// The running tunnel's port (<state>/tunnel.port), else the default.
int tunnel_port(const fs::path& state_dir) { return access::read_tunnel_port(state_dir).value_or(access::k_api_port); }

util::Result<util::ExitCode> run_kubeconfig(Context& context, const KubeconfigFlags& flags) {
  if (flags.merge && !flags.out.empty()) return util::Error::usage("--merge and --out exclude each other");
  HOPPER_ASSIGN(const spec::ClusterSpec spec, spec::load_valid_spec(context.options.spec_path, *context.err));
  const fs::path state_dir = access::cluster_state_dir(spec.name, spec.region);
  HOPPER_ASSIGN(auto ca, access::read_local_ca(state_dir));
  if (!ca) {
    HOPPER_ASSIGN(const auto aws, connect_aws(context, spec.region));
    const aws::ssm::Client ssm(*aws->session);
    HOPPER_ASSIGN(ca, access::read_ssm_ca(ssm, spec.name));
    *context.err << "Took the cluster CA from SSM (/hopper/" << spec.name << "/bootstrap/): this workstation kept none\n";
  }
  const int port = flags.port > 0 ? flags.port : tunnel_port(state_dir);
  HOPPER_ASSIGN(const std::string ours, access::tunnel_kubeconfig(*ca, spec.name, port, util::SystemClock::instance()));
  std::ostream& out = *context.out;
  if (flags.out == "-") {
    out << ours;
    return util::ExitCode::ok;
  }
  if (!flags.merge) {
    const fs::path path = flags.out.empty() ? state_dir / "kubeconfig" : util::expand_user(flags.out);
    HOPPER_TRY(access::write_kubeconfig(path, ours));
    out << "Wrote " << path.string() << " (context " << spec.name << ", server https://127.0.0.1:" << port
        << " through `hopper tunnel`).\n"
        << "Use it: hopper tunnel --port " << port << " & KUBECONFIG=" << path.string() << " kubectl get nodes\n";
    return util::ExitCode::ok;
  }
  const fs::path path = access::default_kubeconfig_path();
  std::string existing;
  if (fs::exists(path)) {
    HOPPER_ASSIGN(existing, util::read_file(path));
  }
  HOPPER_ASSIGN(const access::MergeOutcome merged,
                access::merge_kubeconfig(existing, ours, spec.name).context("merging into " + path.string()));
  HOPPER_TRY(access::write_kubeconfig(path, merged.text));
  out << (merged.replaced ? "Replaced" : "Added") << " cluster, user and context " << spec.name << " in "
      << path.string() << " (server https://127.0.0.1:" << port << " through `hopper tunnel`).\n";
  if (merged.set_current_context) {
    out << "Set current-context to " << spec.name << " (there was none).\n";
  } else if (merged.current_context != spec.name) {
    out << "current-context stays " << merged.current_context << ": use kubectl --context " << spec.name
        << ", or kubectl config use-context " << spec.name << "\n";
  }
  return util::ExitCode::ok;
}

}  // namespace

void register_kubeconfig(Registry& registry) {
  auto flags = std::make_shared<KubeconfigFlags>();
  CLI::App* sub = registry.add("kubeconfig", "Write a kubeconfig for the cluster through `hopper tunnel`",
                               [flags](Context& context) { return run_kubeconfig(context, *flags); });
  sub->add_flag("--merge", flags->merge,
                "Add context NAME to ~/.kube/config (or $KUBECONFIG's first file), keeping everything else");
  sub->add_option("--port", flags->port, "The tunnel's local port (default: the running tunnel's, else 6443)")
      ->check(CLI::Range(1, 65535));
  sub->add_option("--out", flags->out, "Write to FILE ('-': print) instead of <state>/kubeconfig");
}

}  // namespace hopper::cli

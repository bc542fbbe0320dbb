// hopper status: what the cluster has in AWS, and what Kubernetes says when its API answers
// (report/status.hpp). Works from the spec, or without one from --name and --region.
#include <filesystem>
#include <ostream>

#include "access/tunnel.hpp"
#include "cli/aws_setup.hpp"
#include "cli/cluster_run.hpp"
#include "cli/command.hpp"
#include "cli/local_state.hpp"
#include "report/kube_api.hpp"
#include "report/status.hpp"
#include "spec/load.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

namespace hopper::cli {
namespace {

namespace fs = std::filesystem;

struct StatusFlags {
  std::string name;
  std::string api_server;  // HOST:PORT to dial instead of the tunnel
  int parallelism = 8;
};

util::Result<std::pair<std::string, std::string>> target(const Context& context, const StatusFlags& flags) {
  if (!flags.name.empty()) return std::make_pair(flags.name, std::string());
  if (!fs::exists(context.options.spec_path)) {
    return util::Error::usage("no spec at " + context.options.spec_path +
                              ": pass -f FILE, or --name NAME --region REGION to look at a cluster without its spec");
  }
  HOPPER_ASSIGN(const spec::ClusterSpec spec, spec::load_valid_spec(context.options.spec_path, *context.err));
  return std::make_pair(spec.name, spec.region);
}

// The port of a running `hopper tunnel`, as "127.0.0.1:PORT", or "" when there is none.
std::string tunnel_address(const fs::path& state_dir) {
  const auto port = access::read_tunnel_port(state_dir);
  return port ? "127.0.0.1:" + std::to_string(*port) : "";
}

// Which address to dial for the API, or the reason there is none (in `kube`).
std::string api_address(const StatusFlags& flags, const AwsConnection& aws, const fs::path& state_dir,
                        report::KubeStatus& kube) {
  if (!flags.api_server.empty()) return flags.api_server;
  if (aws.session->uses_local_endpoint()) {
    kube.reach = report::KubeStatus::Reach::local_endpoint;
    kube.message = "The AWS endpoint is local (" + aws.session->endpoint(aws::Service::ec2) +
                   "): no machine booted, so the cluster itself was not booted and there is no Kubernetes API to ask.";
    return "";
  }
  const std::string tunnel = tunnel_address(state_dir);
  if (tunnel.empty()) {
    kube.reach = report::KubeStatus::Reach::not_reachable;
    kube.message =
        "The Kubernetes API is not reachable from here: it listens on the control plane's private address. Run "
        "`hopper tunnel` in another terminal, then `hopper status` again (or pass --api-server HOST:PORT).";
  }
  return tunnel;
}

util::Result<util::ExitCode> run_status(Context& context, const StatusFlags& flags) {
  HOPPER_ASSIGN(const auto names, target(context, flags));
  HOPPER_ASSIGN(const auto aws, connect_aws(context, names.second));
  const std::string region = aws->session->region();
  model::Cloud cloud(*aws->session, cluster_identity(names.first, region, *aws));
  HOPPER_ASSIGN(report::ClusterStatus status, report::collect_status(cloud, flags.parallelism));

  if (status.kube.reach != report::KubeStatus::Reach::no_cluster) {
    const fs::path state_dir = cluster_state_dir(names.first, region);
    const std::string address = api_address(flags, *aws, state_dir, status.kube);
    if (!address.empty()) {
      const fs::path kubeconfig = state_dir / k_admin_kubeconfig_file;
      auto text = util::read_file(kubeconfig);
      auto credentials = text ? report::parse_kubeconfig(*text) : util::Result<report::KubeCredentials>(text.error());
      if (!credentials) {
        status.kube.reach = report::KubeStatus::Reach::not_reachable;
        status.kube.address = address;
        status.kube.message = "No admin credentials to ask the API at " + address + " with: " +
                              credentials.error().message() + " (`hopper up` writes " + kubeconfig.string() + ")";
      } else {
        const report::KubeApiReader reader(aws->transport, *credentials, address);
        status.kube = report::read_kube_status(reader, address);
      }
    }
  }
  if (context.format() == OutputFormat::json) {
    *context.out << report::status_json(status).dump(2) << "\n";
  } else {
    report::print_status(*context.out, status);
  }
  return util::ExitCode::ok;
}

}  // namespace

void register_status(Registry& registry) {
  auto flags = std::make_shared<StatusFlags>();
  CLI::App* sub = registry.add("status", "Show the cluster's resources, instances, addresses, and its Kubernetes nodes",
                               [flags](Context& context) { return run_status(context, *flags); });
  sub->add_option("--name", flags->name, "Cluster name, to look without a spec (with --region)");
  sub->add_option("--api-server", flags->api_server,
                  "HOST:PORT to reach the Kubernetes API at (default: a running `hopper tunnel`)");
  sub->add_option("--parallelism", flags->parallelism, "Kinds discovered at once")->check(CLI::Range(1, 32))->capture_default_str();
}

}  // namespace hopper::cli

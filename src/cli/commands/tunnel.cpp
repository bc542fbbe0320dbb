// hopper tunnel [--port 6443]: forwards 127.0.0.1:PORT through the bastion to the API server and
// keeps it up until Ctrl-C. `hopper kubeconfig` writes the kubeconfig that uses it.
#include <ostream>

#include "access/tunnel.hpp"
#include "cli/access_options.hpp"
#include "cli/command.hpp"
#include "util/clock.hpp"

namespace hopper::cli {
namespace {

struct TunnelFlags {
  int port = access::k_api_port;
  access::OverrideFlags overrides;
};

util::Result<util::ExitCode> run_tunnel(Context& context, const TunnelFlags& flags) {
  HOPPER_ASSIGN(ClusterAccess cluster, open_cluster_access(context, flags.overrides));
  access::Endpoint api;
  if (cluster.request.overrides.api) {
    api = *cluster.request.overrides.api;
  } else if (cluster.request.local_endpoint) {
    return util::Error::failed(access::not_booted_message("the API server", "--api HOST:PORT"));
  } else if (!cluster.machines.control_plane) {
    return util::Error::failed("cluster " + cluster.spec.name + " has no running control plane: run `hopper up`");
  } else {
    api = {cluster.machines.control_plane->private_ip, access::k_api_port};
  }
  HOPPER_ASSIGN(const access::SshAccess ssh,
                access::prepare_ssh(*cluster.ec2, util::SystemClock::instance(), cluster.request, cluster.machines, {},
                                    access::Unusable::fail, *context.err));
  warn_if_no_key(cluster, *context.err);
  access::TunnelOptions options;
  options.ssh_config = ssh.config_path;
  options.bastion_alias = ssh.bastion_alias;
  options.local_port = flags.port;
  options.target = api;
  options.port_file = cluster.request.state_dir / access::k_tunnel_port_file;
  *context.err << "Forwarding 127.0.0.1:" << flags.port << " to the API server " << api.str() << " through "
               << ssh.bastion_alias << ". In another terminal: hopper kubeconfig --merge && kubectl get nodes\n";
  HOPPER_ASSIGN(const int code, access::run_tunnel(options, util::SystemClock::instance(), *context.err));
  return static_cast<util::ExitCode>(code);
}

}  // namespace

void register_tunnel(Registry& registry) {
  auto flags = std::make_shared<TunnelFlags>();
  CLI::App* sub = registry.add("tunnel", "Forward a local port through the bastion to the API server, until Ctrl-C",
                               [flags](Context& context) { return run_tunnel(context, *flags); });
  sub->add_option("--port", flags->port, "Local port on 127.0.0.1")->check(CLI::Range(1, 65535))->capture_default_str();
  add_override_options(sub, flags->overrides, OverrideSet::bastion_and_api);
}

}  // namespace hopper::cli

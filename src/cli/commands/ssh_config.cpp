// hopper ssh-config: prints an ssh_config block for the cluster's machines, so that plain ssh and
// scp reach them through the bastion with hopper's known_hosts.
#include <ostream>

#include "cli/access_options.hpp"
#include "cli/command.hpp"
#include "util/clock.hpp"

namespace hopper::cli {
namespace {

util::Result<util::ExitCode> run_ssh_config(Context& context, const access::OverrideFlags& overrides) {
  HOPPER_ASSIGN(ClusterAccess cluster, open_cluster_access(context, overrides));
  HOPPER_ASSIGN(const access::SshAccess ssh,
                access::prepare_ssh(*cluster.ec2, util::SystemClock::instance(), cluster.request, cluster.machines,
                                    cluster.machines.all(), access::Unusable::skip, *context.err));
  warn_if_no_key(cluster, *context.err);
  *context.out << access::render_ssh_config(ssh.hosts, ssh.settings);
  for (const auto& note : ssh.notes) *context.err << "left out " << note << "\n";
  *context.err << "Use it with: hopper ssh-config > " << cluster.spec.name << ".ssh_config && ssh -F " << cluster.spec.name
               << ".ssh_config " << access::host_alias(cluster.spec.name, "control-plane") << "\n"
               << "(the same file is kept at " << ssh.config_path.string()
               << "; `Include` it at the top of ~/.ssh/config for plain ssh and scp)\n";
  return util::ExitCode::ok;
}

}  // namespace

void register_ssh_config(Registry& registry) {
  auto flags = std::make_shared<access::OverrideFlags>();
  CLI::App* sub = registry.add("ssh-config", "Print an ssh_config for the cluster's machines (for plain ssh and scp)",
                               [flags](Context& context) { return run_ssh_config(context, *flags); });
  add_override_options(sub, *flags, OverrideSet::bastion_and_control_plane);
}

}  // namespace hopper::cli

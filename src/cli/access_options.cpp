#include "cli/access_options.hpp"

#include "spec/load.hpp"
#include "util/fs.hpp"

namespace hopper::cli {

void add_override_options(CLI::App* sub, access::OverrideFlags& flags, OverrideSet which) {
  const char* group = "Test and debug (stand-ins for the machines)";
  sub->add_option("--bastion", flags.bastion, "Reach the bastion at HOST:PORT instead of its public address")->group(group);
  sub->add_option("--bastion-host-key", flags.bastion_host_key,
                  "The bastion's host key (\"<type> <base64>\") instead of the one on its console")
      ->group(group);
  if (which == OverrideSet::bastion_and_control_plane) {
    sub->add_option("--control-plane", flags.control_plane,
                    "Reach the control plane's SSH at HOST:PORT (as the bastion sees it)")
        ->group(group);
    sub->add_option("--control-plane-host-key", flags.control_plane_host_key,
                    "The control plane's host key (\"<type> <base64>\") instead of the one on its console")
        ->group(group);
  }
  if (which == OverrideSet::bastion_and_api) {
    sub->add_option("--api", flags.api, "Forward to the API server at HOST:PORT (as the bastion sees it)")->group(group);
  }
  sub->add_option("--ssh-user", flags.ssh_user,
                  std::string("Log in as USER instead of ") + access::k_ssh_user + " (the stand-ins' user)")
      ->group(group);
}

util::Result<ClusterAccess> open_cluster_access(const Context& context, const access::OverrideFlags& flags) {
  ClusterAccess out;
  HOPPER_ASSIGN(out.request.overrides, access::parse_overrides(flags));
  HOPPER_ASSIGN(out.spec, spec::load_valid_spec(context.options.spec_path, *context.err));
  HOPPER_ASSIGN(out.aws, connect_aws(context, out.spec.region));
  out.ec2 = std::make_unique<aws::ec2::Client>(*out.aws->session);
  HOPPER_ASSIGN(out.machines, access::find_machines(*out.ec2, out.spec.name));
  out.request.cluster_name = out.spec.name;
  out.request.region = out.spec.region;
  out.request.state_dir = access::cluster_state_dir(out.spec.name, out.spec.region);
  out.request.public_key_path = out.spec.ssh_key.resolved_path;
  out.request.local_endpoint = out.aws->session->uses_local_endpoint();
  return out;
}

void warn_if_no_key(const ClusterAccess& cluster, std::ostream& err) {
  if (access::private_key_of(cluster.request.public_key_path)) return;
  if (util::env("SSH_AUTH_SOCK")) return;
  err << "warning: no private key beside " << cluster.request.public_key_path.string()
      << " and no ssh agent (SSH_AUTH_SOCK): ssh will try its default keys only\n";
}

}  // namespace hopper::cli

// What `hopper ssh`, `ssh-config`, `tunnel`, `kubeconfig` and up's wait share: the test and debug
// overrides as flags, and opening a cluster for access (the spec, AWS, its machines).
#pragma once

#include <memory>
#include <ostream>

#include <CLI/CLI.hpp>

#include "access/ssh_setup.hpp"
#include "aws/ec2/client.hpp"
#include "cli/aws_setup.hpp"
#include "cli/context.hpp"
#include "spec/cluster_spec.hpp"

namespace hopper::cli {

enum class OverrideSet { bastion, bastion_and_control_plane, bastion_and_api };

// Adds --bastion and --bastion-host-key, and the control plane's or the API's, into `flags` (in
// the "Test and debug" group of the help).
void add_override_options(CLI::App* sub, access::OverrideFlags& flags, OverrideSet which);

struct ClusterAccess {
  spec::ClusterSpec spec;
  std::unique_ptr<AwsConnection> aws;
  std::unique_ptr<aws::ec2::Client> ec2;
  access::Machines machines;
  access::AccessRequest request;
};

// Loads the spec (-f), connects to AWS, finds the cluster's machines and fills the access
// request (state folder, key, local endpoint, overrides).
util::Result<ClusterAccess> open_cluster_access(const Context& context, const access::OverrideFlags& flags);

// Warns on `err` when ssh will have no key to offer: no private key beside the spec's public key
// and no ssh agent.
void warn_if_no_key(const ClusterAccess& cluster, std::ostream& err);

}  // namespace hopper::cli

#include "cli/cluster_run.hpp"

#include <filesystem>
#include <ostream>

#include "aws/core/error.hpp"
#include "aws/ssm/parameters.hpp"
#include "bootstrap/render.hpp"
#include "bootstrap/token.hpp"
#include "cli/local_state.hpp"
#include "crypto/digest.hpp"
#include "model/builders/cluster.hpp"
#include "spec/load.hpp"
#include "util/strings.hpp"

namespace hopper::cli {
namespace {

// The cluster's secrets, never chosen twice: the ones in SSM if the cluster has them (the
// control plane may have refreshed the join token since), else the ones this workstation kept,
// else new ones. Says on `err` which it took when it is not SSM's.
util::Result<bootstrap::ClusterSecrets> resolve_secrets(const model::Cloud& cloud, const spec::ClusterSpec& spec,
                                                        const std::filesystem::path& state_dir, std::ostream& err) {
  const std::string prefix = cloud.ssm_prefix();
  const auto read = [&](const char* name) { return aws::ssm::get_parameter(cloud.ssm, prefix + name, true); };
  auto key = read(bootstrap::k_ca_key_parameter);
  auto token = read(bootstrap::k_join_token_parameter);
  for (const auto* result : {&key, &token}) {
    if (!*result && !aws::is_not_found(result->error())) {
      return util::Error(result->error()).context("reading the cluster's secrets from SSM (" + prefix + "bootstrap/)");
    }
  }
  HOPPER_ASSIGN(const auto local, load_local_secrets(state_dir));
  bootstrap::ClusterSecrets secrets;
  if (key) {
    // The cluster exists: its CA is the one in SSM, whatever this workstation holds.
    secrets.ca_key_pem = key->value;
    auto cert = read(bootstrap::k_ca_cert_parameter);
    if (cert) {
      secrets.ca_cert_pem = cert->value;
    } else if (aws::is_not_found(cert.error()) && local) {
      secrets.ca_cert_pem = local->ca_cert_pem;  // checked against the key below
    } else {
      return util::Error(cert.error())
          .context("reading the cluster CA certificate from SSM (" + prefix + bootstrap::k_ca_cert_parameter + ")");
    }
    secrets.join_token = token ? token->value : bootstrap::generate_join_token();
    if (auto status = bootstrap::check_secrets(secrets); !status.ok()) {
      return std::move(status).error().context("the cluster's secrets in SSM (" + prefix + "bootstrap/)");
    }
    if (local && local->ca_cert_pem != secrets.ca_cert_pem) {
      err << "The cluster CA in SSM differs from the one kept in " << state_dir.string() << ": using SSM's\n";
    }
    return secrets;
  }
  if (local) {
    err << "Using the cluster CA kept in " << state_dir.string() << "\n";
    secrets = *local;
  } else {
    err << "Made a new cluster CA and join token (kept in " << state_dir.string() << " and, once applied, in SSM "
        << prefix << "bootstrap/)\n";
    HOPPER_ASSIGN(secrets, bootstrap::generate_secrets(spec, cloud.clock()));
  }
  if (token && bootstrap::is_valid_join_token(token->value)) secrets.join_token = token->value;
  return secrets;
}

// What the nodes boot with: the secrets kept locally (with an admin kubeconfig) and rendered.
util::Result<model::BootstrapOutput> render_for(const model::Cloud& cloud, const spec::ClusterSpec& spec,
                                                std::ostream& err) {
  const std::filesystem::path state_dir = cluster_state_dir(spec.name, spec.region);
  HOPPER_ASSIGN(const bootstrap::ClusterSecrets secrets, resolve_secrets(cloud, spec, state_dir, err));
  HOPPER_TRY(save_local_secrets(state_dir, secrets));
  // The API server's private address for now; the tunnel through the bastion comes later.
  const std::string server = "https://" + spec.control_plane.private_ip.str() + ":6443";
  HOPPER_ASSIGN(const Minted minted, ensure_admin_kubeconfig(state_dir, secrets, spec.name, server, cloud.clock()));
  if (minted == Minted::minted) {
    err << "Wrote the admin kubeconfig " << (state_dir / k_admin_kubeconfig_file).string() << "\n";
  }
  const auto context = bootstrap::make_render_context(spec, cloud.cluster().account_id, cloud.cluster().partition);
  HOPPER_ASSIGN(const bootstrap::BootstrapFiles files, bootstrap::render_bootstrap(spec, secrets, context));
  model::BootstrapOutput out;
  out.bastion_user_data = files.bastion_user_data;
  out.control_plane_user_data = files.control_plane_user_data;
  out.worker_user_data = files.worker_user_data;
  for (const auto& parameter : files.parameters) {
    out.parameters.push_back({parameter.name, parameter.value, parameter.secure, parameter.description});
  }
  return out;
}

}  // namespace

std::string new_generation() { return util::hex_encode(crypto::random_bytes(4)); }

model::ClusterIdentity cluster_identity(const std::string& name, const std::string& region, const AwsConnection& aws,
                                        const std::map<std::string, std::string>& extra_tags) {
  model::ClusterIdentity identity;
  identity.name = name;
  identity.region = region;
  identity.account_id = aws.identity.account;
  identity.partition = aws.partition;
  for (const auto& [key, value] : extra_tags) identity.extra_tags[key] = value;
  return identity;
}

util::Result<std::unique_ptr<ClusterRun>> prepare_cluster(const Context& context, const PrepareOptions& options) {
  auto run = std::make_unique<ClusterRun>();
  HOPPER_ASSIGN(run->spec, spec::load_valid_spec(context.options.spec_path, *context.err));
  HOPPER_ASSIGN(run->aws, connect_aws(context, run->spec.region));
  run->cloud = std::make_unique<model::Cloud>(*run->aws->session,
                                              cluster_identity(run->spec.name, run->spec.region, *run->aws, run->spec.tags));
  // A new cluster gets a new generation; discovery replaces it with the VPC's if there is one.
  run->cloud->set_generation(new_generation());
  HOPPER_ASSIGN(run->image, model::choose_image(*run->cloud, run->spec, options.update_image));

  model::ClusterInputs inputs;
  inputs.spec = &run->spec;
  inputs.identity = run->cloud->cluster();
  inputs.image_id = run->image.image_id;
  HOPPER_ASSIGN(inputs.bootstrap, render_for(*run->cloud, run->spec, *context.err));
  for (auto& resource : model::build_cluster(inputs)) run->graph.add(std::move(resource));
  HOPPER_TRY(run->graph.validate());
  return run;
}

}  // namespace hopper::cli

#include "bootstrap/render.hpp"

#include "bootstrap/addons/demo.hpp"
#include "bootstrap/cloud_init.hpp"
#include "bootstrap/kubeadm_config.hpp"
#include "bootstrap/manifests/ccm.hpp"
#include "bootstrap/manifests/vpc_cni.hpp"
#include "bootstrap/node_files.hpp"
#include "bootstrap/scripts/scripts.hpp"

namespace hopper::bootstrap {
namespace {

NodeFile script(const char* path, std::string_view text) { return {path, std::string(text), "0755"}; }
NodeFile library(const char* path, std::string_view text) { return {path, std::string(text), "0644"}; }
// Files that may hold a secret once filled in are private; the templates hold none.
NodeFile config(const char* path, std::string text) { return {path, std::move(text), "0644"}; }

void add_to_files(const std::vector<NodeFile>& node_files, std::map<std::string, std::string>& files) {
  for (const auto& file : node_files) files[file.path.substr(1)] = file.content;
}

CloudConfig bastion_config(const spec::ClusterSpec& spec) {
  CloudConfig config;
  config.comment = "hopper: bastion of cluster " + spec.name;
  config.settings = {"ssh_pwauth: false", "disable_root: true"};
  return config;
}

}  // namespace

RenderContext make_render_context(const spec::ClusterSpec& spec, const std::string& account_id,
                                  const std::string& partition) {
  RenderContext context;
  context.region = spec.region;
  context.account_id = account_id;
  context.partition = partition;
  context.ssm_prefix = "/hopper/" + spec.name + "/";
  context.control_plane_endpoint = spec.control_plane.private_ip.str() + ":6443";
  context.demo_app = spec.addons.demo_app;
  return context;
}

util::Result<BootstrapFiles> render_bootstrap(const spec::ClusterSpec& spec, const ClusterSecrets& secrets,
                                              const RenderContext& context) {
  HOPPER_TRY(check_secrets(secrets));
  HOPPER_ASSIGN(const std::string hash, discovery_hash(secrets.ca_cert_pem));
  HOPPER_ASSIGN(const std::vector<NodeFile> common, common_node_files(spec, context));
  HOPPER_ASSIGN(std::string init, init_configuration(spec, context));
  HOPPER_ASSIGN(std::string join, join_configuration(spec, context, hash));
  HOPPER_ASSIGN(std::string ccm, ccm_manifest(spec.name, spec.kubernetes.version));

  CloudConfig control_plane;
  control_plane.comment = "hopper: control plane of cluster " + spec.name;
  control_plane.files = common;
  control_plane.files.push_back(config(k_init_config_path, std::move(init)));
  control_plane.files.push_back(config(k_ccm_manifest_path, std::move(ccm)));
  if (context.demo_app) control_plane.files.push_back(config(k_demo_manifest_path, demo_manifest()));
  for (const auto& unit : token_refresh_units()) control_plane.files.push_back(unit);
  control_plane.files.push_back(library(scripts::k_lib_path, scripts::lib_sh()));
  control_plane.files.push_back(library(scripts::k_node_path, scripts::node_sh()));
  control_plane.files.push_back(script(scripts::k_refresh_join_token_path, scripts::refresh_join_token_sh()));
  control_plane.files.push_back(script(scripts::k_boot_control_plane_path, scripts::boot_control_plane_sh()));
  control_plane.runcmd = {{scripts::k_boot_control_plane_path}};

  CloudConfig worker;
  worker.comment = "hopper: worker of cluster " + spec.name;
  worker.files = common;
  worker.files.push_back(config(k_join_config_path, std::move(join)));
  worker.files.push_back(library(scripts::k_lib_path, scripts::lib_sh()));
  worker.files.push_back(library(scripts::k_node_path, scripts::node_sh()));
  worker.files.push_back(script(scripts::k_boot_worker_path, scripts::boot_worker_sh()));
  worker.runcmd = {{scripts::k_boot_worker_path}};

  BootstrapFiles out;
  HOPPER_ASSIGN(out.bastion_user_data, render_user_data(bastion_config(spec), k_user_data_limit));
  HOPPER_ASSIGN(out.control_plane_user_data, render_user_data(control_plane, k_user_data_limit));
  HOPPER_ASSIGN(out.worker_user_data, render_user_data(worker, k_user_data_limit));

  out.parameters = {
      {k_ca_cert_parameter, secrets.ca_cert_pem, false, "The CA certificate of cluster " + spec.name + " (hopper)"},
      {k_ca_key_parameter, secrets.ca_key_pem, true, "The CA key of cluster " + spec.name + " (hopper; control plane only)"},
      {k_join_token_parameter, secrets.join_token, true,
       "The join token of cluster " + spec.name + " (hopper; refreshed by the control plane)"},
  };

  // For review: the #cloud-config text, also when it travels gzipped as a whole.
  out.files["user-data/bastion.yaml"] = readable_user_data(out.bastion_user_data);
  out.files["user-data/control-plane.yaml"] = readable_user_data(out.control_plane_user_data);
  out.files["user-data/worker.yaml"] = readable_user_data(out.worker_user_data);
  add_to_files(control_plane.files, out.files);
  add_to_files(worker.files, out.files);
  out.files["pki/ca.crt"] = secrets.ca_cert_pem;
  out.files["pki/discovery-hash"] = hash + "\n";
  out.files["vpc-cni-source.yaml"] = vpc_cni_source_note(context.sources);
  std::string parameters = "# hopper: the SSM parameters the nodes read (values not shown)\n";
  for (const auto& parameter : out.parameters) {
    parameters += context.ssm_prefix + parameter.name + " " + (parameter.secure ? "SecureString" : "String") + "\n";
  }
  out.files["ssm-parameters.txt"] = parameters;
  return out;
}

util::Result<std::string> render_image_builder_user_data(const spec::ClusterSpec& spec, const RenderContext& context) {
  HOPPER_ASSIGN(std::string env, cluster_env(spec, context, Packages::install));
  CloudConfig builder;
  builder.comment = "hopper: image builder for Kubernetes " + spec.kubernetes.version + " on Ubuntu 24.04";
  builder.files = {
      config(k_cluster_env_path, std::move(env)),
      library(scripts::k_lib_path, scripts::lib_sh()),
      library(scripts::k_node_path, scripts::node_sh()),
      script(scripts::k_build_image_path, scripts::build_image_sh()),
  };
  builder.runcmd = {{scripts::k_build_image_path}};
  return render_user_data(builder, k_user_data_limit);
}

}  // namespace hopper::bootstrap

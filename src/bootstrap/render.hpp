// What the nodes boot with, rendered from the spec, the cluster's secrets and where the cluster
// lives: cloud-init user data per role (bastion, control plane, workers), the SSM parameters the
// boot scripts read, and every generated file for review (`hopper render`).
//
// The output is deterministic: the same spec, secrets and context render byte-identical user data
// (the engine compares a SHA-256 of it, so a second `up` changes nothing). No timestamps, no
// random values, no secrets in user data: the CA key and the join token travel through SSM
// SecureString parameters that the boot scripts read with the instance role (a SigV4-signed
// request made by the script itself). User data stays within EC2's 16 KB: files are gzipped
// (cloud-init's gz+b64 encoding) when the plain text would not fit.
//
// Thread-safety: pure functions.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "bootstrap/pki.hpp"
#include "spec/cluster_spec.hpp"

namespace hopper::bootstrap {

// The SSM parameter names under /hopper/<cluster>/ (they must match the instance roles' policies:
// model/builders/iam_policies.hpp grants bootstrap/* to the control plane and only
// bootstrap/join-token to the workers).
inline constexpr const char* k_ca_cert_parameter = "bootstrap/ca.crt";
inline constexpr const char* k_ca_key_parameter = "bootstrap/ca.key";
inline constexpr const char* k_join_token_parameter = "bootstrap/join-token";

// EC2's limit on user data (before base64).
inline constexpr std::size_t k_user_data_limit = 16384;

struct Parameter {
  std::string name;  // under /hopper/<cluster>/, e.g. "bootstrap/ca.key"
  std::string value;
  bool secure = true;  // SecureString
  std::string description;
};

// Where the nodes fetch what they install. The defaults are the pinned upstream sources; tests
// point them at a loopback server.
struct Sources {
  // pkgs.k8s.io; the per-minor repository is <base>/v<minor>/deb.
  std::string kubernetes_apt_base = "https://pkgs.k8s.io/core:/stable:";
  // The VPC CNI's manifest at its release tag, checked against its SHA-256 before it is applied
  // (../shared/BOOTSTRAP-NOTES.md section 9).
  std::string vpc_cni_manifest_url =
      "https://raw.githubusercontent.com/aws/amazon-vpc-cni-k8s/v1.23.0/config/master/aws-k8s-cni.yaml";
  std::string vpc_cni_manifest_sha256 = "3a932385c0db788d8b080b8a9ea262681ed2b564bcc764f95e5b886bdf8494ab";
  // The manifest's images live in a private ECR registry: every node pulls them at boot with an
  // ECR token of its own role (the kubelet has no ECR credential provider).
  std::string vpc_cni_registry_region = "us-west-2";
  std::vector<std::string> vpc_cni_images = {
      "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni-init:v1.23.0",
      "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.23.0",
      "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon/aws-network-policy-agent:v1.4.1",
  };
};

struct RenderContext {
  std::string region;
  std::string account_id;  // may be empty (render without AWS)
  std::string partition = "aws";
  std::string ssm_prefix;  // "/hopper/<cluster>/"
  std::string control_plane_endpoint;  // "10.0.1.10:6443"
  bool demo_app = false;  // the chapter's demo (a Deployment and a LoadBalancer Service)
  Sources sources;
};

// The context for `spec` when the cluster's account is `account_id` in `partition`: the spec's
// region, /hopper/<name>/, the control plane's private IP on port 6443.
RenderContext make_render_context(const spec::ClusterSpec& spec, const std::string& account_id = "",
                                  const std::string& partition = "aws");

struct BootstrapFiles {
  std::string bastion_user_data;
  std::string control_plane_user_data;
  std::string worker_user_data;
  std::vector<Parameter> parameters;
  // Every generated file, by relative path: "user-data/<role>.yaml", the node's files under their
  // path on the node ("etc/hopper/kubeadm/init.yaml", "usr/local/lib/hopper/lib.sh", ...) and the
  // public PKI ("pki/ca.crt", "pki/discovery-hash"). Never a secret.
  std::map<std::string, std::string> files;
};

// Renders everything. Errors: secrets that do not fit together, a Kubernetes version or instance
// type the catalog does not know, user data over k_user_data_limit even compressed.
util::Result<BootstrapFiles> render_bootstrap(const spec::ClusterSpec& spec, const ClusterSecrets& secrets,
                                              const RenderContext& context);

// The user data of `hopper image build`'s builder: install the packages pinned to the spec's
// Kubernetes version, then power off (the builder is then imaged). No secrets, no role needed.
util::Result<std::string> render_image_builder_user_data(const spec::ClusterSpec& spec, const RenderContext& context);

}  // namespace hopper::bootstrap

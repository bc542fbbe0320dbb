#include "access/kubeconfig.hpp"

#include <yaml-cpp/yaml.h>

#include "aws/ssm/parameters.hpp"
#include "bootstrap/kubeconfig.hpp"
#include "bootstrap/render.hpp"
#include "codec/base64.hpp"
#include "crypto/x509.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

namespace hopper::access {
namespace fs = std::filesystem;
namespace {

constexpr const char* k_sections[] = {"clusters", "users", "contexts"};

util::Status check_pair(const bootstrap::ClusterSecrets& ca, const std::string& where) {
  HOPPER_ASSIGN(const bool matches, crypto::key_matches_certificate(ca.ca_key_pem, ca.ca_cert_pem).context(where));
  if (!matches) return util::Error::failed(where + ": the CA key is not the CA certificate's key");
  return {};
}

std::string entry_name(const YAML::Node& entry) {
  if (!entry.IsMap() || !entry["name"] || !entry["name"].IsScalar()) return "";
  return entry["name"].Scalar();
}

std::string emit(const YAML::Node& root) {
  YAML::Emitter out;
  out.SetIndent(2);
  out << root;
  return std::string(out.c_str()) + "\n";
}

}  // namespace

util::Result<std::optional<bootstrap::ClusterSecrets>> read_local_ca(const fs::path& state_dir) {
  if (!fs::exists(state_dir / "ca.key")) return std::optional<bootstrap::ClusterSecrets>();
  bootstrap::ClusterSecrets ca;
  HOPPER_ASSIGN(ca.ca_key_pem, util::read_file(state_dir / "ca.key"));
  HOPPER_ASSIGN(ca.ca_cert_pem, util::read_file(state_dir / "ca.crt"));
  HOPPER_TRY(check_pair(ca, "the cluster CA in " + state_dir.string()));
  return std::optional<bootstrap::ClusterSecrets>(std::move(ca));
}

util::Result<bootstrap::ClusterSecrets> read_ssm_ca(const aws::ssm::Client& ssm, const std::string& cluster_name) {
  const std::string prefix = "/hopper/" + cluster_name + "/";
  bootstrap::ClusterSecrets ca;
  HOPPER_ASSIGN(const auto key, aws::ssm::get_parameter(ssm, prefix + bootstrap::k_ca_key_parameter, true)
                                    .context("reading the cluster CA key from SSM"));
  HOPPER_ASSIGN(const auto cert, aws::ssm::get_parameter(ssm, prefix + bootstrap::k_ca_cert_parameter, true)
                                     .context("reading the cluster CA certificate from SSM"));
  ca.ca_key_pem = key.value;
  ca.ca_cert_pem = cert.value;
  HOPPER_TRY(check_pair(ca, "the cluster CA in SSM (" + prefix + "bootstrap/)"));
  return ca;
}

util::Result<std::string> tunnel_kubeconfig(const bootstrap::ClusterSecrets& ca, const std::string& cluster_name, int port,
                                            util::Clock& clock) {
  HOPPER_ASSIGN(const bootstrap::ClientCertificate client,
                bootstrap::issue_client_certificate(ca, bootstrap::k_admin_user, bootstrap::k_admin_group, clock)
                    .context("minting the admin client certificate"));
  YAML::Node root(YAML::NodeType::Map);
  root["apiVersion"] = "v1";
  root["kind"] = "Config";
  YAML::Node cluster;
  cluster["name"] = cluster_name;
  cluster["cluster"]["server"] = "https://127.0.0.1:" + std::to_string(port);
  cluster["cluster"]["tls-server-name"] = k_api_server_name;
  cluster["cluster"]["certificate-authority-data"] = codec::base64_encode(ca.ca_cert_pem);
  YAML::Node user;
  user["name"] = cluster_name;
  user["user"]["client-certificate-data"] = codec::base64_encode(client.cert_pem);
  user["user"]["client-key-data"] = codec::base64_encode(client.key_pem);
  YAML::Node context;
  context["name"] = cluster_name;
  context["context"]["cluster"] = cluster_name;
  context["context"]["user"] = cluster_name;
  root["clusters"].push_back(cluster);
  root["users"].push_back(user);
  root["contexts"].push_back(context);
  root["current-context"] = cluster_name;
  YAML::Node preferences(YAML::NodeType::Map);
  root["preferences"] = preferences;
  return emit(root);
}

util::Result<MergeOutcome> merge_kubeconfig(std::string_view existing, std::string_view ours, const std::string& name) {
  YAML::Node root;
  YAML::Node mine;
  try {
    root = util::trim(existing).empty() ? YAML::Node() : YAML::Load(std::string(existing));
    mine = YAML::Load(std::string(ours));
  } catch (const YAML::Exception& e) {
    return util::Error::failed(std::string("not a kubeconfig (YAML: ") + e.what() + ")");
  }
  if (root.IsNull()) root = YAML::Node(YAML::NodeType::Map);
  if (!root.IsMap()) return util::Error::failed("not a kubeconfig (the document is not a map)");
  if (!root["apiVersion"]) root["apiVersion"] = "v1";
  if (!root["kind"]) root["kind"] = "Config";
  MergeOutcome outcome;
  for (const char* section : k_sections) {
    YAML::Node theirs = root[section];
    if (theirs && !theirs.IsNull() && !theirs.IsSequence()) {
      return util::Error::failed(std::string("not a kubeconfig (") + section + " is not a list)");
    }
    YAML::Node entry;
    for (const auto& candidate : mine[section]) {
      if (entry_name(candidate) == name) entry.reset(candidate);
    }
    if (!entry) return util::Error::failed(std::string("internal: the new kubeconfig has no ") + section + " entry " + name);
    YAML::Node merged(YAML::NodeType::Sequence);
    bool placed = false;
    if (theirs && theirs.IsSequence()) {
      for (const auto& item : theirs) {
        if (entry_name(item) == name) {
          if (!placed) merged.push_back(entry);
          placed = true;
          outcome.replaced = true;
        } else {
          merged.push_back(item);
        }
      }
    }
    if (!placed) merged.push_back(entry);
    root[section] = merged;
  }
  const YAML::Node current = root["current-context"];
  if (!current || current.IsNull() || (current.IsScalar() && current.Scalar().empty())) {
    root["current-context"] = name;
    outcome.set_current_context = true;
  }
  outcome.current_context = root["current-context"].IsScalar() ? root["current-context"].Scalar() : "";
  outcome.text = emit(root);
  return outcome;
}

fs::path default_kubeconfig_path() {
  if (const auto list = util::env("KUBECONFIG")) {
    for (const auto& entry : util::split(*list, ':')) {
      if (!util::trim(entry).empty()) return util::expand_user(std::string(util::trim(entry)));
    }
  }
  return util::home_dir() / ".kube" / "config";
}

util::Status write_kubeconfig(const fs::path& path, const std::string& text) {
  fs::path target = path;
  std::error_code ec;
  if (fs::is_symlink(path, ec)) {
    target = fs::weakly_canonical(path, ec);
    if (ec) return util::Error::failed("cannot follow the link " + path.string() + ": " + ec.message());
  }
  if (!target.parent_path().empty() && !fs::exists(target.parent_path())) HOPPER_TRY(util::ensure_dir(target.parent_path()));
  return util::write_file_atomic(target, text);
}

}  // namespace hopper::access

#include "cli/local_state.hpp"

#include <yaml-cpp/yaml.h>

#include "bootstrap/kubeconfig.hpp"
#include "bootstrap/token.hpp"
#include "codec/base64.hpp"
#include "crypto/x509.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

namespace hopper::cli {
namespace fs = std::filesystem;
namespace {

constexpr auto k_private = fs::perms::owner_read | fs::perms::owner_write;
constexpr std::chrono::hours k_renew_before{24 * 30};

// The server and the client certificate of a kubeconfig minted by hopper; nullopt when it is not
// one (anything else is simply replaced).
struct KubeconfigFacts {
  std::string server;
  std::string ca;
  std::string cert;
};
std::optional<KubeconfigFacts> read_kubeconfig(const std::string& text) {
  try {
    const YAML::Node config = YAML::Load(text);
    KubeconfigFacts facts;
    facts.server = config["clusters"][0]["cluster"]["server"].as<std::string>();
    facts.ca = codec::base64_decode(config["clusters"][0]["cluster"]["certificate-authority-data"].as<std::string>())
                   .value_or("");
    facts.cert =
        codec::base64_decode(config["users"][0]["user"]["client-certificate-data"].as<std::string>()).value_or("");
    return facts;
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
}

}  // namespace

util::Result<std::optional<bootstrap::ClusterSecrets>> load_local_secrets(const fs::path& dir) {
  if (!fs::exists(dir / "ca.key")) return std::optional<bootstrap::ClusterSecrets>();
  bootstrap::ClusterSecrets secrets;
  HOPPER_ASSIGN(secrets.ca_key_pem, util::read_file(dir / "ca.key"));
  HOPPER_ASSIGN(secrets.ca_cert_pem, util::read_file(dir / "ca.crt"));
  if (fs::exists(dir / "join-token")) {
    HOPPER_ASSIGN(const std::string token, util::read_file(dir / "join-token"));
    secrets.join_token = std::string(util::trim(token));
  }
  // A kept CA without a token (or a damaged token) gets a new token; the CA itself must be whole.
  if (!bootstrap::is_valid_join_token(secrets.join_token)) secrets.join_token = bootstrap::generate_join_token();
  if (auto status = bootstrap::check_secrets(secrets); !status.ok()) {
    return std::move(status).error().context("the cluster state in " + dir.string());
  }
  return std::optional<bootstrap::ClusterSecrets>(std::move(secrets));
}

util::Status save_local_secrets(const fs::path& dir, const bootstrap::ClusterSecrets& secrets) {
  HOPPER_TRY(access::ensure_state_dir(dir));
  HOPPER_TRY(util::write_file_atomic(dir / "ca.crt", secrets.ca_cert_pem, k_private));
  HOPPER_TRY(util::write_file_atomic(dir / "ca.key", secrets.ca_key_pem, k_private));
  HOPPER_TRY(util::write_file_atomic(dir / "join-token", secrets.join_token + "\n", k_private));
  return {};
}

util::Result<Minted> ensure_admin_kubeconfig(const fs::path& dir, const bootstrap::ClusterSecrets& secrets,
                                             const std::string& cluster_name, const std::string& server_url,
                                             util::Clock& clock) {
  const fs::path path = dir / k_admin_kubeconfig_file;
  if (fs::exists(path)) {
    HOPPER_ASSIGN(const std::string text, util::read_file(path));
    if (const auto facts = read_kubeconfig(text);
        facts && facts->server == server_url && facts->ca == secrets.ca_cert_pem &&
        crypto::is_signed_by(facts->cert, secrets.ca_cert_pem).value_or(false)) {
      const auto info = crypto::inspect_certificate(facts->cert);
      if (info && info->not_after - clock.wall_now() > k_renew_before) return Minted::kept;
    }
  }
  HOPPER_ASSIGN(const std::string kubeconfig,
                bootstrap::mint_admin_kubeconfig(secrets, cluster_name, server_url, "", clock));
  HOPPER_TRY(access::ensure_state_dir(dir));
  HOPPER_TRY(util::write_file_atomic(path, kubeconfig, k_private));
  return Minted::minted;
}

}  // namespace hopper::cli

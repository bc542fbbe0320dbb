// The workstation's state of one cluster: $XDG_STATE_HOME/hopper/<name>-<region>/ (default
// ~/.local/state/hopper/...), folders 0700, files 0600 — the cluster CA (ca.crt, ca.key), the
// join token hopper made, the admin kubeconfig (admin.conf), and later known_hosts. The CA key is
// also in SSM (bootstrap/ca.key), so a second workstation can take over: SSM wins over this copy.
//
// Thread-safety: plain functions over files; one hopper process per cluster at a time.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "access/ssh_setup.hpp"
#include "bootstrap/pki.hpp"
#include "util/clock.hpp"
#include "util/result.hpp"

namespace hopper::cli {

// util::state_root() / "<name>-<region>", as access (ssh, tunnel) keeps it too.
using access::cluster_state_dir;

inline constexpr const char* k_admin_kubeconfig_file = "admin.conf";

// The secrets kept in `dir`, or nullopt when there are none (no ca.key). Errors: unreadable or
// inconsistent files (a key that is not the certificate's), named by path.
util::Result<std::optional<bootstrap::ClusterSecrets>> load_local_secrets(const std::filesystem::path& dir);

// Writes ca.crt, ca.key and join-token into `dir` (created 0700; files 0600, atomically).
util::Status save_local_secrets(const std::filesystem::path& dir, const bootstrap::ClusterSecrets& secrets);

enum class Minted { kept, minted };
// Makes sure `dir`/admin.conf is an admin kubeconfig for `server_url` signed by the secrets' CA
// with more than 30 days left; mints a new one otherwise.
util::Result<Minted> ensure_admin_kubeconfig(const std::filesystem::path& dir, const bootstrap::ClusterSecrets& secrets,
                                             const std::string& cluster_name, const std::string& server_url,
                                             util::Clock& clock);

}  // namespace hopper::cli

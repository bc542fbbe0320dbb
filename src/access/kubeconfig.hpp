// The workstation's kubeconfig for a cluster reached through `hopper tunnel`: the server is
// https://127.0.0.1:PORT, `tls-server-name` is a name the API server's certificate carries
// ("kubernetes": kubeadm always puts it in the certificate's SANs), so TLS verifies against the
// cluster CA as it would on the private network; the admin credentials are minted from the CA
// (nothing is copied from the control plane). Cluster, user and context are all named after the
// cluster.
//
// The CA comes from the local state (<state>/ca.crt, ca.key), else from SSM
// (/hopper/<name>/bootstrap/ca.key and ca.crt, decrypted), so a second workstation can take over.
//
// Merging follows kubectl's rules: ~/.kube/config, or the first file of $KUBECONFIG; other
// clusters, users, contexts and fields stay as they were (their values; YAML comments are not
// kept), current-context is set only when there is none.
//
// Thread-safety: pure functions, except the SSM read and the path lookup (environment).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "aws/ssm/client.hpp"
#include "bootstrap/pki.hpp"
#include "util/clock.hpp"
#include "util/result.hpp"

namespace hopper::access {

// The API server certificate's name that kubeconfig checks through the tunnel.
inline constexpr const char* k_api_server_name = "kubernetes";

// The CA kept in `state_dir` (ca.crt and ca.key), nullopt when there is no ca.key. Errors:
// unreadable files, a key that is not the certificate's. Only the CA is filled in.
util::Result<std::optional<bootstrap::ClusterSecrets>> read_local_ca(const std::filesystem::path& state_dir);

// The CA in SSM under /hopper/`cluster_name`/bootstrap/. Errors: ParameterNotFound (the cluster
// has none: was it made by hopper?), access denied, a key that is not the certificate's.
util::Result<bootstrap::ClusterSecrets> read_ssm_ca(const aws::ssm::Client& ssm, const std::string& cluster_name);

// A kubeconfig for `cluster_name` at https://127.0.0.1:`port` with tls-server-name
// k_api_server_name, the CA and a fresh admin client certificate (bootstrap::k_admin_user in
// bootstrap::k_admin_group, 1 year), current-context set. Holds a private key: write it 0600.
util::Result<std::string> tunnel_kubeconfig(const bootstrap::ClusterSecrets& ca, const std::string& cluster_name, int port,
                                            util::Clock& clock);

struct MergeOutcome {
  std::string text;                  // the merged file
  bool replaced = false;             // an entry named `name` was there before
  bool set_current_context = false;  // current-context was empty and is now `name`
  std::string current_context;       // the file's current context afterwards
};

// Adds the cluster, user and context named `name` from `ours` (a kubeconfig with exactly those,
// as tunnel_kubeconfig makes) to `existing` (a kubeconfig file's text; empty for none), replacing
// entries of that name in place and keeping everything else. Errors (failed): `existing` is not a
// kubeconfig (not YAML, not a map, lists that are not lists), saying so; nothing is changed then.
util::Result<MergeOutcome> merge_kubeconfig(std::string_view existing, std::string_view ours, const std::string& name);

// The file kubectl writes to: the first entry of $KUBECONFIG (':'-separated, empty entries
// skipped) when set, else ~/.kube/config.
std::filesystem::path default_kubeconfig_path();

// Writes `text` to `path` (0600, atomically, through a symbolic link to its target; a missing
// folder is made 0700).
util::Status write_kubeconfig(const std::filesystem::path& path, const std::string& text);

}  // namespace hopper::access

// The admin kubeconfig, minted on the workstation from the cluster CA: no copy from the control
// plane is needed.
//
// The client certificate is CN=kubernetes-admin, O=kubeadm:cluster-admins, as kubeadm writes
// admin.conf since 1.29. That group is bound to cluster-admin by the ClusterRoleBinding
// "kubeadm:cluster-admins", which `kubeadm init` creates: until init has finished the API answers
// this certificate with 403 Forbidden (it authenticates, but is not yet authorised). hopper never
// uses the break-glass group system:masters; the control plane's boot script checks that the
// binding exists as its last step, and whoever waits for the cluster (status, tunnel) must read a
// 403 before then as "not ready yet", not as a failure.
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "bootstrap/pki.hpp"

namespace hopper::bootstrap {

inline constexpr const char* k_admin_user = "kubernetes-admin";
inline constexpr const char* k_admin_group = "kubeadm:cluster-admins";

// A kubeconfig (YAML) for `cluster_name` at `server_url` ("https://10.0.1.10:6443") with a fresh
// admin client certificate (valid 1 year). `tls_server_name`, when not empty, is the name the API
// server's certificate is checked against (for a tunnel whose URL names 127.0.0.1). The result
// holds a private key: write it 0600.
util::Result<std::string> mint_admin_kubeconfig(const ClusterSecrets& secrets, const std::string& cluster_name,
                                                const std::string& server_url, const std::string& tls_server_name,
                                                util::Clock& clock);

}  // namespace hopper::bootstrap

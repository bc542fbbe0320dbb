// The cluster's secrets and public key infrastructure, made by hopper on the workstation before
// any instance starts: the cluster CA (kubeadm keeps a ca.crt/ca.key it finds in
// /etc/kubernetes/pki and signs every other certificate with it), the discovery hash that pins
// the CA for joining nodes, and the first join token.
//
// The CA key and the token are secrets: they go to SSM SecureString parameters and the local
// state (0600), never into user data or logs.
//
// Thread-safety: pure functions.
#pragma once

#include <chrono>
#include <string>

#include "spec/cluster_spec.hpp"
#include "util/clock.hpp"
#include "util/result.hpp"

namespace hopper::bootstrap {

struct ClusterSecrets {
  std::string ca_cert_pem;
  std::string ca_key_pem;  // secret
  std::string join_token;  // secret, kubeadm format
  bool operator==(const ClusterSecrets&) const = default;
};

// kubeadm's defaults: the CA lives 10 years, leaf certificates 1 year.
inline constexpr std::chrono::hours k_ca_validity{24 * 3650};
inline constexpr std::chrono::hours k_client_validity{24 * 365};
// Certificates start a little in the past so that a node whose clock lags still accepts them.
inline constexpr std::chrono::minutes k_backdate{5};

// A new CA (ECDSA P-256, CN=kubernetes as kubeadm names it, valid from `clock`'s now for
// k_ca_validity) and a new join token. `spec` names the cluster in the CA's O= entry.
//
// Why ECDSA: an RSA-2048 key takes 0.1-0.5 s to make, on the path of every new cluster's `up`
// before its first create; a P-256 key takes well under a millisecond. kubeadm loads an RSA or an
// ECDSA ca.key it finds in /etc/kubernetes/pki (pkiutil.TryLoadKeyFromDisk) and signs the certificates
// it makes with it, whatever their own key type (encryptionAlgorithm, RSA-2048 by default, which
// hopper leaves alone so that existing clusters' user data does not change); the discovery hash
// pins the SubjectPublicKeyInfo of any key type. Clusters made with an RSA CA keep it.
util::Result<ClusterSecrets> generate_secrets(const spec::ClusterSpec& spec, util::Clock& clock);

// Checks that `secrets` fit together: a readable CA certificate that is a CA, its key, a token in
// kubeadm's format. The error says which part is wrong (never its value).
util::Status check_secrets(const ClusterSecrets& secrets);

// kubeadm's --discovery-token-ca-cert-hash for `ca_cert_pem`: "sha256:" and the lowercase hex
// SHA-256 of the certificate's SubjectPublicKeyInfo DER (RFC 7469). Errors: unreadable PEM.
util::Result<std::string> discovery_hash(const std::string& ca_cert_pem);

struct ClientCertificate {
  std::string cert_pem;
  std::string key_pem;  // secret
};
// A client certificate signed by the cluster CA for user `common_name` in `group` (O=), valid
// from `clock`'s now for k_client_validity, with a fresh ECDSA P-256 key (as the CA's, for speed).
util::Result<ClientCertificate> issue_client_certificate(const ClusterSecrets& secrets, const std::string& common_name,
                                                         const std::string& group, util::Clock& clock);

}  // namespace hopper::bootstrap

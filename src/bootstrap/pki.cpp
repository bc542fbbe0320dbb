#include "bootstrap/pki.hpp"

#include "bootstrap/token.hpp"
#include "crypto/digest.hpp"
#include "crypto/x509.hpp"

namespace hopper::bootstrap {

util::Result<ClusterSecrets> generate_secrets(const spec::ClusterSpec& spec, util::Clock& clock) {
  ClusterSecrets secrets;
  HOPPER_ASSIGN(secrets.ca_key_pem, crypto::generate_ec_key().context("making the cluster CA key"));
  crypto::CertificateSpec ca;
  ca.common_name = "kubernetes";
  ca.organizations = {"hopper:" + spec.name};
  ca.role = crypto::CertificateRole::ca;
  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(clock.wall_now());
  ca.not_before = now - k_backdate;
  ca.not_after = now + k_ca_validity;
  HOPPER_ASSIGN(secrets.ca_cert_pem,
                crypto::self_signed_certificate(secrets.ca_key_pem, ca).context("making the cluster CA certificate"));
  secrets.join_token = generate_join_token();
  return secrets;
}

util::Status check_secrets(const ClusterSecrets& secrets) {
  auto info = crypto::inspect_certificate(secrets.ca_cert_pem);
  if (!info) return std::move(info).error().context("the cluster CA certificate");
  if (!info->is_ca) return util::Error::failed("the cluster CA certificate is not a CA certificate");
  auto match = crypto::key_matches_certificate(secrets.ca_key_pem, secrets.ca_cert_pem);
  if (!match) return std::move(match).error().context("the cluster CA key");
  if (!*match) return util::Error::failed("the cluster CA key does not belong to the cluster CA certificate");
  if (!is_valid_join_token(secrets.join_token)) {
    return util::Error::failed("the join token is not in kubeadm's format ([a-z0-9]{6}.[a-z0-9]{16})");
  }
  return {};
}

util::Result<std::string> discovery_hash(const std::string& ca_cert_pem) {
  HOPPER_ASSIGN(const std::string spki, crypto::subject_public_key_info_der(ca_cert_pem));
  return "sha256:" + crypto::sha256_hex(spki);
}

util::Result<ClientCertificate> issue_client_certificate(const ClusterSecrets& secrets, const std::string& common_name,
                                                         const std::string& group, util::Clock& clock) {
  ClientCertificate out;
  HOPPER_ASSIGN(out.key_pem, crypto::generate_ec_key());
  HOPPER_ASSIGN(const std::string public_key, crypto::public_key_of(out.key_pem));
  crypto::CertificateSpec spec;
  spec.common_name = common_name;
  spec.organizations = {group};
  spec.role = crypto::CertificateRole::client;
  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(clock.wall_now());
  spec.not_before = now - k_backdate;
  spec.not_after = now + k_client_validity;
  HOPPER_ASSIGN(out.cert_pem, crypto::issue_certificate(public_key, spec, secrets.ca_cert_pem, secrets.ca_key_pem));
  return out;
}

}  // namespace hopper::bootstrap

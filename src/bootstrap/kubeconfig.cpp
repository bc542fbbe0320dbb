#include "bootstrap/kubeconfig.hpp"

#include "codec/base64.hpp"

namespace hopper::bootstrap {

util::Result<std::string> mint_admin_kubeconfig(const ClusterSecrets& secrets, const std::string& cluster_name,
                                                const std::string& server_url, const std::string& tls_server_name,
                                                util::Clock& clock) {
  HOPPER_ASSIGN(const ClientCertificate client, issue_client_certificate(secrets, k_admin_user, k_admin_group, clock)
                                                     .context("minting the admin client certificate"));
  const std::string user = std::string(k_admin_user) + "@" + cluster_name;
  std::string out;
  out += "apiVersion: v1\n";
  out += "kind: Config\n";
  out += "clusters:\n";
  out += "- name: " + cluster_name + "\n";
  out += "  cluster:\n";
  out += "    server: " + server_url + "\n";
  if (!tls_server_name.empty()) out += "    tls-server-name: " + tls_server_name + "\n";
  out += "    certificate-authority-data: " + codec::base64_encode(secrets.ca_cert_pem) + "\n";
  out += "users:\n";
  out += "- name: " + user + "\n";
  out += "  user:\n";
  out += "    client-certificate-data: " + codec::base64_encode(client.cert_pem) + "\n";
  out += "    client-key-data: " + codec::base64_encode(client.key_pem) + "\n";
  out += "contexts:\n";
  out += "- name: " + user + "\n";
  out += "  context:\n";
  out += "    cluster: " + cluster_name + "\n";
  out += "    user: " + user + "\n";
  out += "current-context: " + user + "\n";
  out += "preferences: {}\n";
  return out;
}

}  // namespace hopper::bootstrap

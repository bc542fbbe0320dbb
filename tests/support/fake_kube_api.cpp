#include "support/fake_kube_api.hpp"

#include <httplib.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <chrono>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "crypto/x509.hpp"

namespace hopper::test {
namespace {

using std::chrono::hours;
using std::chrono::system_clock;

crypto::CertificateSpec spec_for(const std::string& cn, crypto::CertificateRole role) {
  crypto::CertificateSpec spec;
  spec.common_name = cn;
  spec.role = role;
  spec.not_before = system_clock::now() - hours(1);
  spec.not_after = system_clock::now() + hours(24);
  return spec;
}

std::string must(util::Result<std::string> result, const char* what) {
  if (!result) {
    ADD_FAILURE() << what << ": " << result.error().message();
    return "";
  }
  return *result;
}

}  // namespace

TestPki make_server_pki(const std::string& ca_cert, const std::string& ca_key, const std::vector<std::string>& server_ips) {
  TestPki pki;
  pki.ca_cert = ca_cert;
  pki.ca_key = ca_key;
  pki.server_key = must(crypto::generate_rsa_key(), "server key");
  auto server = spec_for("kube-apiserver", crypto::CertificateRole::server);
  server.dns_names = {"kubernetes", "kubernetes.default", "kubernetes.default.svc"};
  server.ip_addresses = {"127.0.0.1"};
  server.ip_addresses.insert(server.ip_addresses.end(), server_ips.begin(), server_ips.end());
  pki.server_cert = must(crypto::issue_certificate(must(crypto::public_key_of(pki.server_key), "server public key"),
                                                   server, pki.ca_cert, pki.ca_key),
                         "server certificate");
  return pki;
}

TestPki make_test_pki(const std::vector<std::string>& server_ips) {
  const std::string ca_key = must(crypto::generate_rsa_key(), "CA key");
  const std::string ca_cert =
      must(crypto::self_signed_certificate(ca_key, spec_for("kubernetes", crypto::CertificateRole::ca)), "CA");
  TestPki pki = make_server_pki(ca_cert, ca_key, server_ips);

  pki.client_key = must(crypto::generate_rsa_key(), "client key");
  auto client = spec_for("kubernetes-admin", crypto::CertificateRole::client);
  client.organizations = {"kubeadm:cluster-admins"};
  pki.client_cert = must(crypto::issue_certificate(must(crypto::public_key_of(pki.client_key), "client public key"),
                                                   client, pki.ca_cert, pki.ca_key),
                         "client certificate");

  const std::string other_ca_key = must(crypto::generate_rsa_key(), "other CA key");
  const std::string other_ca =
      must(crypto::self_signed_certificate(other_ca_key, spec_for("other", crypto::CertificateRole::ca)), "other CA");
  pki.stranger_key = must(crypto::generate_rsa_key(), "stranger key");
  pki.stranger_cert = must(crypto::issue_certificate(must(crypto::public_key_of(pki.stranger_key), "stranger public key"),
                                                     client, other_ca, other_ca_key),
                           "stranger certificate");
  return pki;
}

FakeKubeApi::FakeKubeApi(const TestPki& pki) {
  const auto cert = m_dir.write("server.crt", pki.server_cert);
  const auto key = m_dir.write("server.key", pki.server_key);
  const auto ca = m_dir.write("ca.crt", pki.ca_cert);
  // The client CA file makes httplib require and verify a client certificate.
  m_server = std::make_unique<httplib::SSLServer>(cert.c_str(), key.c_str(), ca.c_str());
  if (!m_server->is_valid()) {
    ADD_FAILURE() << "the fake API server cannot load its certificates";
    return;
  }
  // A client that reconnects (through a tunnel that came back) resumes its TLS session; OpenSSL
  // refuses that with an internal-error alert when a server that verifies clients has no session
  // id context. Real API servers resume fine.
  static constexpr unsigned char k_session_context[] = "hopper-fake-kube-api";
  SSL_CTX_set_session_id_context(m_server->ssl_context(), k_session_context, sizeof k_session_context - 1);
  const auto answer = [this](const std::string& body, httplib::Response& res) {
    std::lock_guard lock(m_mutex);
    if (m_fail != 0) {
      res.status = m_fail;
      res.set_content(R"({"kind":"Status","apiVersion":"v1","status":"Failure","message":"forbidden","code":)" +
                          std::to_string(m_fail) + "}",
                      "application/json");
      return;
    }
    res.set_content(body, "application/json");
  };
  m_server->Get("/api/v1/nodes", [this, answer](const httplib::Request& req, httplib::Response& res) {
    std::string body;
    {
      std::lock_guard lock(m_mutex);
      m_paths.push_back(req.path);
      body = m_node_sequence.empty() ? m_nodes
                                     : m_node_sequence[std::min(m_node_requests, m_node_sequence.size() - 1)];
      ++m_node_requests;
    }
    answer(body, res);
  });
  m_server->Get("/api/v1/services", [this, answer](const httplib::Request& req, httplib::Response& res) {
    std::string body;
    {
      std::lock_guard lock(m_mutex);
      m_paths.push_back(req.path);
      body = m_services;
    }
    answer(body, res);
  });
  m_nodes = node_list({});
  m_services = R"({"kind":"ServiceList","apiVersion":"v1","items":[]})";
  m_port = m_server->bind_to_any_port("127.0.0.1");
  m_thread = std::thread([this] { m_server->listen_after_bind(); });
  // Debian's cpp-httplib has no wait_until_ready(); the socket already listens, this only waits
  // for the accept loop so that stop() in the destructor cannot race with its start.
  for (int i = 0; i < 5000 && !m_server->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FakeKubeApi::~FakeKubeApi() {
  if (m_server) m_server->stop();
  if (m_thread.joinable()) m_thread.join();
}

void FakeKubeApi::set_nodes(std::string json) {
  std::lock_guard lock(m_mutex);
  m_nodes = std::move(json);
}

void FakeKubeApi::set_nodes_sequence(std::vector<std::string> lists) {
  std::lock_guard lock(m_mutex);
  m_node_sequence = std::move(lists);
  m_node_requests = 0;
}

void FakeKubeApi::set_services(std::string json) {
  std::lock_guard lock(m_mutex);
  m_services = std::move(json);
}

void FakeKubeApi::fail_with(int status) {
  std::lock_guard lock(m_mutex);
  m_fail = status;
}

std::vector<std::string> FakeKubeApi::paths() const {
  std::lock_guard lock(m_mutex);
  return m_paths;
}

std::string FakeKubeApi::node_list(const std::vector<std::pair<std::string, bool>>& name_ready) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& [name, ready] : name_ready) {
    items.push_back({{"metadata", {{"name", name}, {"labels", {{"kubernetes.io/hostname", name}}}}},
                     {"status",
                      {{"conditions",
                        {{{"type", "MemoryPressure"}, {"status", "False"}},
                         {{"type", "Ready"}, {"status", ready ? "True" : "False"}, {"reason", ready ? "KubeletReady" : "KubeletNotReady"}}}},
                       {"nodeInfo", {{"kubeletVersion", "v1.36.0"}}},
                       {"addresses", {{{"type", "InternalIP"}, {"address", "10.0.1.10"}}}}}}});
  }
  return nlohmann::json{{"kind", "NodeList"}, {"apiVersion", "v1"}, {"items", items}}.dump();
}

std::string FakeKubeApi::service_list(const std::string& name, const std::string& ns, const std::string& hostname) {
  nlohmann::json lb = nlohmann::json::object();
  if (!hostname.empty()) lb = {{"ingress", {{{"hostname", hostname}}}}};
  const nlohmann::json service = {
      {"metadata", {{"name", name}, {"namespace", ns}}},
      {"spec", {{"type", "LoadBalancer"}, {"ports", {{{"port", 80}, {"protocol", "TCP"}, {"nodePort", 30080}}}}}},
      {"status", {{"loadBalancer", lb}}}};
  const nlohmann::json kube_dns = {{"metadata", {{"name", "kube-dns"}, {"namespace", "kube-system"}}},
                                   {"spec", {{"type", "ClusterIP"}}},
                                   {"status", {{"loadBalancer", nlohmann::json::object()}}}};
  return nlohmann::json{{"kind", "ServiceList"}, {"apiVersion", "v1"}, {"items", {kube_dns, service}}}.dump();
}

}  // namespace hopper::test

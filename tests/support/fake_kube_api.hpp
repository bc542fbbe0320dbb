// Test PKI and a fake Kubernetes API server for the report and access tests.
//
// TestPki: a cluster CA, a server certificate for the API (127.0.0.1 and the names a real API
// server certificate carries) and an admin client certificate, all made with hopper's crypto/.
//
// FakeKubeApi: an HTTPS server on 127.0.0.1 (cpp-httplib over OpenSSL) that requires a client
// certificate signed by the CA and answers GET /api/v1/nodes and /api/v1/services with canned
// JSON (what the tests set). It records the paths it served.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "support/temp_dir.hpp"

namespace httplib {
class SSLServer;
}

namespace hopper::test {

struct TestPki {
  std::string ca_cert;
  std::string ca_key;
  std::string server_cert;
  std::string server_key;
  std::string client_cert;
  std::string client_key;
  // A client certificate from another CA: the server must refuse it.
  std::string stranger_cert;
  std::string stranger_key;
};

// `server_ips`: the IP subjectAltNames of the server certificate (127.0.0.1 is always there).
// Fails the current test (ADD_FAILURE) and returns empty strings on error.
TestPki make_test_pki(const std::vector<std::string>& server_ips = {});
// A server certificate for 127.0.0.1 and `server_ips` from an existing CA (the cluster CA that
// `hopper up` keeps in the local state); the client fields stay empty.
TestPki make_server_pki(const std::string& ca_cert, const std::string& ca_key, const std::vector<std::string>& server_ips);

class FakeKubeApi {
 public:
  explicit FakeKubeApi(const TestPki& pki);
  ~FakeKubeApi();
  FakeKubeApi(const FakeKubeApi&) = delete;
  FakeKubeApi& operator=(const FakeKubeApi&) = delete;

  int port() const { return m_port; }
  std::string address() const { return "127.0.0.1:" + std::to_string(m_port); }

  // The bodies answered for the node and service lists (JSON text).
  void set_nodes(std::string json);
  // Node lists answered in turn, one per request, the last one again once they are used up (a
  // cluster whose nodes turn Ready while it is polled).
  void set_nodes_sequence(std::vector<std::string> lists);
  void set_services(std::string json);
  // Every request answers `status` with a Status body instead (0: back to normal).
  void fail_with(int status);
  std::vector<std::string> paths() const;

  // A NodeList / ServiceList JSON with the given items.
  static std::string node_list(const std::vector<std::pair<std::string, bool>>& name_ready);
  static std::string service_list(const std::string& name, const std::string& ns, const std::string& hostname);

 private:
  TempDir m_dir;
  std::unique_ptr<httplib::SSLServer> m_server;
  std::thread m_thread;
  int m_port = 0;
  mutable std::mutex m_mutex;
  std::string m_nodes;
  std::vector<std::string> m_node_sequence;
  std::size_t m_node_requests = 0;
  std::string m_services;
  int m_fail = 0;
  std::vector<std::string> m_paths;
};

}  // namespace hopper::test

// AwsProxy: a loopback HTTP proxy in front of an AWS endpoint (moto, hopper sim) for tests. It
// logs every call (service, action, HTTP status) so tests can count mutating calls, injects
// seeded faults (throttling, 500s, dropped connections) at given rates, and can run a hook when
// the Nth request arrives (to SIGKILL hopper at a precise point of an `up`).
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
}

namespace hopper::test {

struct ProxiedCall {
  std::string service;  // from the SigV4 credential scope
  std::string action;   // Action= or the X-Amz-Target operation
  int status = 0;       // 0 when the proxy dropped the connection
  std::string fault;    // "", "throttle", "error", "drop"
};

// An answer the proxy gives itself instead of forwarding.
struct CannedAnswer {
  int status = 200;
  std::string body;
  std::string content_type = "text/xml";
};
// Decides, from the request body (form-encoded for EC2), whether to answer a call itself.
using Responder = std::function<std::optional<CannedAnswer>(const std::string& body)>;

struct ProxyFaults {
  double throttle_rate = 0;
  double error_rate = 0;
  double drop_rate = 0;
  std::uint64_t seed = 1;
};

class AwsProxy {
 public:
  // Starts on a free 127.0.0.1 port, forwarding to `upstream` ("http://127.0.0.1:PORT").
  explicit AwsProxy(std::string upstream, ProxyFaults faults = {});
  ~AwsProxy();
  AwsProxy(const AwsProxy&) = delete;
  AwsProxy& operator=(const AwsProxy&) = delete;

  std::string endpoint() const;
  std::vector<ProxiedCall> calls() const;
  void clear();
  // Calls whose action changes something (not Describe*/List*/Get*), that reached upstream.
  std::vector<ProxiedCall> mutating_calls() const;
  // Runs `hook` (once) when request number `n` (1-based) arrives, before forwarding it.
  void on_request(int n, std::function<void()> hook);
  void set_faults(ProxyFaults faults);
  // Calls of `action` (e.g. "GetConsoleOutput") go to `responder` first; it answers them or,
  // with nullopt, lets them through upstream.
  void respond_to(const std::string& action, Responder responder);

 private:
  struct Decision;
  std::string m_upstream_host;
  int m_upstream_port = 0;
  int m_port = 0;
  std::unique_ptr<httplib::Server> m_server;
  std::thread m_thread;
  mutable std::mutex m_mutex;
  std::vector<ProxiedCall> m_calls;
  ProxyFaults m_faults;
  std::mt19937_64 m_random;
  int m_count = 0;
  int m_hook_at = 0;
  std::function<void()> m_hook;
  std::map<std::string, Responder> m_responders;
};

}  // namespace hopper::test

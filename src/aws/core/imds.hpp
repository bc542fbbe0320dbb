// The EC2 instance metadata service, IMDSv2 only: a PUT for a session token, then GETs that
// carry it. Never falls back to IMDSv1.
//
// Endpoint: AWS_EC2_METADATA_SERVICE_ENDPOINT, else http://169.254.169.254 (or [fd00:ec2::254]
// with AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6). Timeout: AWS_METADATA_SERVICE_TIMEOUT
// seconds (default 1), attempts: AWS_METADATA_SERVICE_NUM_ATTEMPTS (default 1).
//
// Thread-safety: get() may be called from several threads at once.
#pragma once

#include <chrono>
#include <mutex>
#include <string>

#include "aws/core/config.hpp"
#include "net/http.hpp"

namespace hopper::aws {

class ImdsClient {
 public:
  ImdsClient(net::Transport& transport, const EnvLookup& env);

  // True unless AWS_EC2_METADATA_DISABLED is true.
  bool enabled() const { return m_enabled; }
  const std::string& endpoint() const { return m_endpoint; }

  // GET /latest/<path> with a session token. Error when IMDS does not answer or answers non-200.
  util::Result<std::string> get(const std::string& path);

 private:
  util::Result<std::string> token();
  util::Result<net::HttpResponse> send(net::HttpRequest request);

  net::Transport& m_transport;
  bool m_enabled = true;
  std::string m_endpoint;
  std::chrono::milliseconds m_timeout{1000};
  int m_attempts = 1;
  std::mutex m_mutex;
  std::string m_token;
};

}  // namespace hopper::aws

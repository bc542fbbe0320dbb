#include "aws/core/imds.hpp"

#include <charconv>

#include "util/strings.hpp"

namespace hopper::aws {

ImdsClient::ImdsClient(net::Transport& transport, const EnvLookup& env) : m_transport(transport) {
  if (auto disabled = env("AWS_EC2_METADATA_DISABLED")) {
    m_enabled = util::to_lower(util::trim(*disabled)) != "true";
  }
  if (auto endpoint = env("AWS_EC2_METADATA_SERVICE_ENDPOINT"); endpoint && !endpoint->empty()) {
    m_endpoint = *endpoint;
  } else if (auto mode = env("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE");
             mode && util::iequals(util::trim(*mode), "ipv6")) {
    m_endpoint = "http://[fd00:ec2::254]";
  } else {
    m_endpoint = "http://169.254.169.254";
  }
  while (!m_endpoint.empty() && m_endpoint.back() == '/') m_endpoint.pop_back();
  if (auto timeout = env("AWS_METADATA_SERVICE_TIMEOUT")) {
    double seconds = 0;
    try {
      seconds = std::stod(*timeout);
    } catch (...) {
      seconds = 0;
    }
    if (seconds > 0) m_timeout = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
  }
  if (auto attempts = env("AWS_METADATA_SERVICE_NUM_ATTEMPTS")) {
    int n = 0;
    std::from_chars(attempts->data(), attempts->data() + attempts->size(), n);
    if (n > 0) m_attempts = n;
  }
}

util::Result<net::HttpResponse> ImdsClient::send(net::HttpRequest request) {
  request.connect_timeout = m_timeout;
  request.total_timeout = m_timeout;
  util::Result<net::HttpResponse> last = util::Error::failed("instance metadata: no attempt made");
  for (int attempt = 0; attempt < m_attempts; ++attempt) {
    last = m_transport.send(request);
    if (last.ok() && last->status < 500) return last;
  }
  return last;
}

util::Result<std::string> ImdsClient::token() {
  std::lock_guard lock(m_mutex);
  if (!m_token.empty()) return m_token;
  net::HttpRequest request;
  request.method = "PUT";
  request.url = m_endpoint + "/latest/api/token";
  request.headers = {{"X-aws-ec2-metadata-token-ttl-seconds", "21600"}};
  HOPPER_ASSIGN(const net::HttpResponse response, send(request));
  if (response.status != 200 || response.body.empty()) {
    return util::Error::failed("instance metadata at " + m_endpoint + " refused a session token (HTTP " +
                               std::to_string(response.status) + ")");
  }
  m_token = response.body;
  return m_token;
}

util::Result<std::string> ImdsClient::get(const std::string& path) {
  if (!m_enabled) return util::Error::failed("instance metadata is disabled (AWS_EC2_METADATA_DISABLED)");
  for (int round = 0; round < 2; ++round) {
    HOPPER_ASSIGN(const std::string session, token());
    net::HttpRequest request;
    request.url = m_endpoint + "/latest/" + path;
    request.headers = {{"X-aws-ec2-metadata-token", session}};
    HOPPER_ASSIGN(const net::HttpResponse response, send(request));
    if (response.status == 401 && round == 0) {
      // The session token expired: fetch a new one once.
      std::lock_guard lock(m_mutex);
      m_token.clear();
      continue;
    }
    if (response.status != 200) {
      return util::Error::failed("instance metadata " + path + ": HTTP " + std::to_string(response.status));
    }
    return response.body;
  }
  return util::Error::failed("instance metadata " + path + ": token rejected twice");
}

}  // namespace hopper::aws

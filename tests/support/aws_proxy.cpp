#include "support/aws_proxy.hpp"

#include <httplib.h>

#include "aws/core/session.hpp"
#include "net/http.hpp"
#include "support/moto.hpp"
#include "util/strings.hpp"

namespace hopper::test {
namespace {

std::string service_of(const httplib::Request& request) {
  const std::string auth = request.get_header_value("Authorization");
  const std::size_t credential = auth.find("Credential=");
  if (credential == std::string::npos) return "";
  const auto parts = util::split(auth.substr(credential + 11, auth.find(',', credential) - credential - 11), '/');
  return parts.size() >= 4 ? parts[3] : "";
}

std::string action_of(const httplib::Request& request, const std::string& body) {
  const std::string target = request.get_header_value("X-Amz-Target");
  if (!target.empty()) return target.substr(target.find('.') + 1);
  for (const auto& [key, value] : net::parse_form(body)) {
    if (key == "Action") return value;
  }
  if (request.has_param("Action")) return request.get_param_value("Action");
  return "";
}

void throttle(const std::string& service, httplib::Response& response) {
  if (service == "ec2") {
    response.status = 503;
    response.set_content("<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message>"
                         "</Error></Errors><RequestID>proxy</RequestID></Response>",
                         "text/xml");
  } else if (service == "ssm") {
    response.status = 400;
    response.set_content(R"({"__type":"ThrottlingException","message":"Rate exceeded"})", "application/x-amz-json-1.1");
  } else {
    response.status = 400;
    response.set_content("<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message>"
                         "</Error><RequestId>proxy</RequestId></ErrorResponse>",
                         "text/xml");
  }
}

void server_error(const std::string& service, httplib::Response& response) {
  response.status = 500;
  if (service == "ssm") {
    response.set_content(R"({"__type":"InternalServerError","message":"injected"})", "application/x-amz-json-1.1");
  } else if (service == "ec2") {
    response.set_content("<Response><Errors><Error><Code>InternalError</Code><Message>injected</Message></Error></Errors>"
                         "<RequestID>proxy</RequestID></Response>",
                         "text/xml");
  } else {
    response.set_content("<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>injected</Message>"
                         "</Error><RequestId>proxy</RequestId></ErrorResponse>",
                         "text/xml");
  }
}

// A response that promises more bytes than it sends, then aborts: the client sees the
// connection drop in the middle of the answer.
void drop(httplib::Response& response) {
  response.status = 200;
  response.set_content_provider(
      1000, "text/xml", [](std::size_t, std::size_t, httplib::DataSink& sink) {
        sink.write("<partial", 8);
        return false;
      });
}

}  // namespace

AwsProxy::AwsProxy(std::string upstream, ProxyFaults faults)
    : m_server(std::make_unique<httplib::Server>()), m_faults(faults), m_random(faults.seed) {
  const auto url = net::parse_url(upstream);
  m_upstream_host = url->host;
  m_upstream_port = url->port;
  const auto handle = [this](const httplib::Request& request, const std::string& body, httplib::Response& response) {
    ProxiedCall call{service_of(request), action_of(request, body), 0, ""};
    std::function<void()> hook;
    double roll = 0;
    {
      std::lock_guard lock(m_mutex);
      ++m_count;
      if (m_hook && m_count == m_hook_at) hook = std::move(m_hook);
      roll = std::uniform_real_distribution<double>(0, 1)(m_random);
    }
    if (hook) hook();
    Responder responder;
    {
      std::lock_guard lock(m_mutex);
      if (const auto it = m_responders.find(call.action); it != m_responders.end()) responder = it->second;
    }
    if (responder) {
      if (auto canned = responder(body)) {
        response.status = canned->status;
        response.set_content(canned->body, canned->content_type);
        call.status = canned->status;
        call.fault = "canned";
        std::lock_guard lock(m_mutex);
        m_calls.push_back(call);
        return;
      }
    }
    const ProxyFaults now = [&] {
      std::lock_guard lock(m_mutex);
      return m_faults;
    }();
    if (roll < now.throttle_rate) {
      call.fault = "throttle";
      throttle(call.service, response);
    } else if (roll < now.throttle_rate + now.error_rate) {
      call.fault = "error";
      server_error(call.service, response);
    } else if (roll < now.throttle_rate + now.error_rate + now.drop_rate) {
      // Half of the drops happen after the call took effect upstream (a lost answer).
      call.fault = "drop";
      if (std::uniform_int_distribution<int>(0, 1)(m_random) == 1) {
        httplib::Client client(m_upstream_host, m_upstream_port);
        httplib::Headers headers(request.headers.begin(), request.headers.end());
        headers.erase("Content-Length");
        headers.erase("Content-Type");  // Post() adds it again: a second one breaks the signature
        (void)client.Post(request.path, headers, body, request.get_header_value("Content-Type"));
        call.fault = "lost-answer";
      }
      drop(response);
    } else {
      httplib::Client client(m_upstream_host, m_upstream_port);
      client.set_read_timeout(60, 0);
      httplib::Headers headers;
      for (const auto& [name, value] : request.headers) {
        // Content-Type: Post() sets it from its argument; a copy here would send it twice and break
        // the signature for servers that check it (hopper's simulator).
        if (util::iequals(name, "Content-Length") || util::iequals(name, "Content-Type") || util::iequals(name, "REMOTE_ADDR") ||
            util::iequals(name, "REMOTE_PORT") || util::iequals(name, "LOCAL_ADDR") || util::iequals(name, "LOCAL_PORT")) {
          continue;
        }
        headers.emplace(name, value);
      }
      auto result = request.method == "GET" ? client.Get(request.path + (request.params.empty() ? "" : "?" + httplib::detail::params_to_query_str(request.params)), headers)
                                            : client.Post(request.path, headers, body, request.get_header_value("Content-Type"));
      if (!result) {
        response.status = 502;
      } else {
        response.status = result->status;
        response.set_content(result->body, result->get_header_value("Content-Type"));
        for (const char* name : {"x-amzn-RequestId", "x-amzn-query-error"}) {
          if (result->has_header(name)) response.set_header(name, result->get_header_value(name));
        }
      }
      call.status = response.status;
    }
    if (call.fault == "throttle" || call.fault == "error") call.status = response.status;
    std::lock_guard lock(m_mutex);
    m_calls.push_back(call);
  };
  // POST bodies come through a ContentReader: Debian's cpp-httplib is a compiled library whose
  // automatic form parsing answers 413 to form bodies over 8 KiB (RunInstances with user data).
  m_server->Post(".*", [handle](const httplib::Request& request, httplib::Response& response,
                                const httplib::ContentReader& reader) {
    std::string body;
    reader([&body](const char* data, std::size_t length) {
      body.append(data, length);
      return true;
    });
    handle(request, body, response);
  });
  m_server->Get(".*", [handle](const httplib::Request& request, httplib::Response& response) {
    handle(request, request.body, response);
  });
  m_port = m_server->bind_to_any_port("127.0.0.1");
  m_thread = std::thread([this] { m_server->listen_after_bind(); });
  while (!m_server->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

AwsProxy::~AwsProxy() {
  m_server->stop();
  if (m_thread.joinable()) m_thread.join();
}

std::string AwsProxy::endpoint() const { return "http://127.0.0.1:" + std::to_string(m_port); }

std::vector<ProxiedCall> AwsProxy::calls() const {
  std::lock_guard lock(m_mutex);
  return m_calls;
}

void AwsProxy::clear() {
  std::lock_guard lock(m_mutex);
  m_calls.clear();
  m_count = 0;
}

std::vector<ProxiedCall> AwsProxy::mutating_calls() const {
  std::vector<ProxiedCall> out;
  for (const auto& call : calls()) {
    if (call.fault.empty() && aws::is_mutating_action(call.action)) out.push_back(call);
  }
  return out;
}

void AwsProxy::on_request(int n, std::function<void()> hook) {
  std::lock_guard lock(m_mutex);
  m_hook_at = n;
  m_hook = std::move(hook);
}

void AwsProxy::respond_to(const std::string& action, Responder responder) {
  std::lock_guard lock(m_mutex);
  m_responders[action] = std::move(responder);
}

void AwsProxy::set_faults(ProxyFaults faults) {
  std::lock_guard lock(m_mutex);
  m_faults = faults;
  m_random.seed(faults.seed);
}

}  // namespace hopper::test

// Session: the one door to AWS. It resolves each service's endpoint, signs every attempt with
// fresh credentials and time, sends through the Transport, decodes answers and errors, retries
// what may be retried (retry.hpp), and reports one CallRecord per call to an observer (for
// --debug lines, tests that count mutating calls, and benchmarks).
//
// Thread-safety: one Session is shared by all threads of a run; every method may be called
// concurrently. The Transport, Clock and Random passed in must outlive the Session.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "aws/core/config.hpp"
#include "aws/core/credentials.hpp"
#include "aws/core/error.hpp"
#include "aws/core/query.hpp"
#include "aws/core/retry.hpp"
#include "aws/core/service.hpp"
#include "net/http.hpp"
#include "util/clock.hpp"

namespace hopper::aws {

// A decoded XML answer. result() is the node that holds the payload: the root element for EC2,
// <ActionResult> for the Query services (or the root when there is none).
struct XmlResponse {
  std::shared_ptr<pugi::xml_document> document;
  pugi::xml_node result_node;
  std::string request_id;
  pugi::xml_node result() const { return result_node; }
};

struct CallRecord {
  Service service = Service::ec2;
  std::string action;
  int http_status = 0;        // 0 when no HTTP answer arrived
  std::string error_code;     // empty on success
  int attempts = 0;
  std::chrono::milliseconds duration{0};
  bool ok = false;
};

// True for actions that change something (not Describe*/List*/Get*).
bool is_mutating_action(std::string_view action);

// How one call may be retried.
struct CallOptions {
  // False for creates that AWS cannot deduplicate (CreateVpc, CreateSubnet, AllocateAddress, ...):
  // a timeout or dropped connection after sending is then NOT retried here, because AWS may
  // have acted; the caller looks the resource up by its tags before trying again.
  bool idempotent = true;
};

struct SessionOptions {
  RetryOptions retry;
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{60'000};

  // The defaults with the user's retry setting applied, as the AWS CLI reads it:
  // AWS_MAX_ATTEMPTS (config.env), else `max_attempts` in the profile's config-file section,
  // else 5. Error (ExitCode::usage) when the value is not a whole number from 1 to 100.
  static util::Result<SessionOptions> from_config(const AwsConfig& config);
};

class Session {
 public:
  // `region` is the region to work in (the cluster's). REQUIRES: transport, clock and random
  // outlive the session.
  Session(AwsConfig config, std::string region, std::shared_ptr<CredentialProvider> credentials,
          net::Transport& transport, util::Clock& clock, util::Random& random, SessionOptions options = {});

  const std::string& region() const { return m_region; }
  const AwsConfig& config() const { return m_config; }
  util::Clock& clock() const { return m_clock; }
  // The endpoint URL of `service` (override or AWS default).
  std::string endpoint(Service service) const { return m_config.endpoint(service, m_region); }
  bool uses_local_endpoint() const { return m_config.has_endpoint_override(); }

  // Calls `action` of a query-protocol service (EC2, IAM, STS, Auto Scaling, ELB, ELBv2).
  // Errors: an ApiError detail for AWS answers, a net::TransportError detail when no answer came,
  // "malformed response" when a 2xx answer is not XML.
  util::Result<XmlResponse> query(Service service, const std::string& action, const QueryParams& params = {},
                                  CallOptions call_options = {});

  // Calls `operation` of a JSON 1.1 service (SSM) with `body`; returns the decoded answer.
  util::Result<nlohmann::json> json(Service service, const std::string& operation, const nlohmann::json& body);

  // Called once per finished call (after retries), from the calling thread.
  void set_observer(std::function<void(const CallRecord&)> observer);
  const RetryQuota& retry_quota() const { return m_quota; }

 private:
  struct Raw {
    net::HttpResponse response;
    int attempts = 0;
  };
  // Sends with signing and retries; returns the final 2xx response, or the final error.
  util::Result<Raw> send(Service service, const std::string& action, const std::string& content_type,
                         const std::string& body, const net::Headers& extra_headers, CallOptions call_options);
  void report(const CallRecord& record);

  AwsConfig m_config;
  std::string m_region;
  std::shared_ptr<CredentialProvider> m_credentials;
  net::Transport& m_transport;
  util::Clock& m_clock;
  util::Random& m_random;
  SessionOptions m_options;
  RetryQuota m_quota;
  std::mutex m_observer_mutex;
  std::function<void(const CallRecord&)> m_observer;
};

// Decodes an AWS error body (EC2 <Response><Errors>, Query <ErrorResponse>, JSON __type) into an
// ApiError. Never fails: an unreadable body gives code "HTTP<status>". Exposed for tests.
ApiError decode_error(Service service, const std::string& action, const net::HttpResponse& response);

}  // namespace hopper::aws

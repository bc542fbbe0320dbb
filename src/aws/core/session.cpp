#include "aws/core/session.hpp"

#include <charconv>

#include "aws/core/sigv4.hpp"
#include "codec/xml.hpp"
#include "util/log.hpp"
#include "util/strings.hpp"

namespace hopper::aws {
namespace {

constexpr const char* k_user_agent = "hopper/" HOPPER_AWS_VERSION;

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// A short, printable excerpt of a body for error messages.
std::string excerpt(std::string_view body) {
  std::string out;
  for (char c : body.substr(0, 200)) out += (c >= 32 && c < 127) ? c : ' ';
  return std::string(util::trim(out));
}

RetryKind classify_transport(const util::Error& error) {
  const auto kind = net::transport_error_kind(error);
  if (!kind) return RetryKind::none;
  switch (*kind) {
    case net::TransportError::Kind::timeout: return RetryKind::timeout;
    case net::TransportError::Kind::connect:
    case net::TransportError::Kind::dropped: return RetryKind::transient;
    case net::TransportError::Kind::other: return RetryKind::none;
  }
  return RetryKind::none;
}

RetryKind classify_api(const ApiError& api) {
  if (is_throttling_code(api.code) || api.http_status == 429) return RetryKind::throttling;
  if (is_transient_code(api.code)) return RetryKind::transient;
  if (api.http_status == 500 || api.http_status == 502 || api.http_status == 503 || api.http_status == 504) {
    return RetryKind::transient;
  }
  return RetryKind::none;
}

std::chrono::milliseconds retry_after_hint(const net::HttpResponse& response) {
  const auto value = net::find_header(response.headers, "x-amz-retry-after");
  if (!value) return std::chrono::milliseconds(0);
  long long ms = 0;
  std::from_chars(value->data(), value->data() + value->size(), ms);
  return std::chrono::milliseconds(std::max(0LL, ms));
}

}  // namespace

bool is_mutating_action(std::string_view action) {
  return !(starts_with(action, "Describe") || starts_with(action, "List") || starts_with(action, "Get"));
}

ApiError decode_error(Service service, const std::string& action, const net::HttpResponse& response) {
  ApiError api;
  api.service = service;
  api.action = action;
  api.http_status = response.status;
  if (auto id = net::find_header(response.headers, "x-amzn-RequestId")) api.request_id = *id;
  bool decoded = false;
  if (service_info(service).protocol == Protocol::json) {
    try {
      const auto doc = nlohmann::json::parse(response.body);
      if (doc.is_object()) {
        std::string type = doc.value("__type", std::string());
        if (const std::size_t hash = type.rfind('#'); hash != std::string::npos) type = type.substr(hash + 1);
        api.code = type;
        api.message = doc.contains("message") && doc["message"].is_string() ? doc["message"].get<std::string>()
                      : doc.contains("Message") && doc["Message"].is_string() ? doc["Message"].get<std::string>()
                                                                               : std::string();
      }
    } catch (const std::exception&) {
    }
    if (auto header = net::find_header(response.headers, "x-amzn-query-error")) {
      api.code = util::split(*header, ';').front();
    }
    decoded = !api.code.empty();
  }
  // Query services answer in XML; so do some front doors of JSON services (authentication
  // failures from emulators and proxies), so a JSON service falls back to XML too.
  if (!decoded) {
    pugi::xml_document doc;
    if (codec::parse_xml(response.body, doc).ok()) {
      const pugi::xml_node root = doc.document_element();
      pugi::xml_node error = codec::path(root, "Errors/Error");  // EC2
      if (!error) error = codec::child(root, "Error");            // Query
      if (!error && codec::local_name(root) == "Error") error = root;
      api.code = codec::text(error, "Code");
      api.message = codec::text(error, "Message");
      for (const char* name : {"RequestID", "RequestId"}) {
        if (const std::string id = codec::text(root, name); !id.empty()) api.request_id = id;
      }
    }
  }
  if (api.code.empty()) {
    api.code = "HTTP" + std::to_string(response.status);
    if (api.message.empty()) api.message = excerpt(response.body);
  }
  return api;
}

util::Result<SessionOptions> SessionOptions::from_config(const AwsConfig& config) {
  SessionOptions options;
  std::optional<std::string> value;
  std::string origin;
  if (config.env) {
    if (auto env_value = config.env("AWS_MAX_ATTEMPTS"); env_value && !util::trim(*env_value).empty()) {
      value = std::move(env_value);
      origin = "AWS_MAX_ATTEMPTS";
    }
  }
  if (const codec::IniSection* section = config.profile_config(); !value && section != nullptr) {
    if (const auto it = section->find("max_attempts"); it != section->end() && !it->second.empty()) {
      value = it->second;
      origin = "max_attempts in " + config.config_path;
    }
  }
  if (!value) return options;
  const std::string text(util::trim(*value));
  int attempts = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), attempts);
  if (ec != std::errc() || end != text.data() + text.size() || attempts < 1 || attempts > 100) {
    return util::Error::usage(origin + " = " + text + ": expected a whole number of attempts from 1 to 100");
  }
  options.retry.max_attempts = attempts;
  return options;
}

Session::Session(AwsConfig config, std::string region, std::shared_ptr<CredentialProvider> credentials,
                 net::Transport& transport, util::Clock& clock, util::Random& random, SessionOptions options)
    : m_config(std::move(config)),
      m_region(std::move(region)),
      m_credentials(std::move(credentials)),
      m_transport(transport),
      m_clock(clock),
      m_random(random),
      m_options(options),
      m_quota(options.retry) {}

void Session::set_observer(std::function<void(const CallRecord&)> observer) {
  std::lock_guard lock(m_observer_mutex);
  m_observer = std::move(observer);
}

void Session::report(const CallRecord& record) {
  util::debug("aws {} {} -> {} in {} ({} attempt{}){}", service_info(record.service).id, record.action,
              record.http_status == 0 ? std::string("no answer") : std::to_string(record.http_status),
              util::format_duration(record.duration), record.attempts, record.attempts == 1 ? "" : "s",
              record.error_code.empty() ? "" : " " + record.error_code);
  std::function<void(const CallRecord&)> observer;
  {
    std::lock_guard lock(m_observer_mutex);
    observer = m_observer;
  }
  if (observer) observer(record);
}

util::Result<Session::Raw> Session::send(Service service, const std::string& action,
                                         const std::string& content_type, const std::string& body,
                                         const net::Headers& extra_headers, CallOptions call_options) {
  const ServiceInfo& info = service_info(service);
  const std::string url = endpoint(service);
  HOPPER_ASSIGN(const net::Url parsed, net::parse_url(url));
  const std::string sign_region = signing_region(service, m_region);
  const auto started = m_clock.now();

  CallRecord record;
  record.service = service;
  record.action = action;
  int taken = 0;
  bool refreshed_credentials = false;
  for (int attempt = 1;; ++attempt) {
    record.attempts = attempt;
    auto credentials = m_credentials->credentials();
    if (!credentials) {
      record.duration = std::chrono::duration_cast<std::chrono::milliseconds>(m_clock.now() - started);
      record.error_code = "NoCredentials";
      report(record);
      return std::move(credentials).error();
    }

    SigningInput input;
    input.method = "POST";
    input.path = parsed.path;
    input.query = parsed.query;
    input.headers = {{"Host", parsed.authority()}, {"Content-Type", content_type}};
    input.headers.insert(input.headers.end(), extra_headers.begin(), extra_headers.end());
    input.payload = body;
    input.region = sign_region;
    input.service = std::string(info.signing_name);
    input.time = m_clock.wall_now();
    const SigningResult signed_request = sign_v4(input, *credentials);

    net::HttpRequest request;
    request.method = "POST";
    request.url = url;
    request.headers = signed_request.headers;
    request.headers.emplace_back("User-Agent", k_user_agent);
    request.body = body;
    request.connect_timeout = m_options.connect_timeout;
    request.total_timeout = m_options.total_timeout;

    auto response = m_transport.send(request);
    RetryKind kind = RetryKind::none;
    std::optional<util::Error> failure;
    std::chrono::milliseconds hint{0};
    if (!response) {
      kind = classify_transport(response.error());
      const auto transport_kind = net::transport_error_kind(response.error());
      if (!call_options.idempotent && transport_kind != net::TransportError::Kind::connect) {
        kind = RetryKind::none;  // AWS may have acted: the caller must look before trying again
      }
      record.http_status = 0;
      record.error_code = "NoResponse";
      failure = util::Error(std::string(info.id) + " " + action + ": cannot reach " + url + ": " +
                                response.error().message(),
                            util::ExitCode::failed, response.error().detail_ptr());
    } else if (response->status >= 200 && response->status < 300) {
      m_quota.on_success(taken);
      record.http_status = response->status;
      record.error_code.clear();
      record.ok = true;
      record.duration = std::chrono::duration_cast<std::chrono::milliseconds>(m_clock.now() - started);
      report(record);
      return Raw{std::move(response).value(), attempt};
    } else {
      ApiError api = decode_error(service, action, *response);
      record.http_status = response->status;
      record.error_code = api.code;
      hint = retry_after_hint(*response);
      if ((api.code == codes::expired_token || api.code == "ExpiredTokenException") && !refreshed_credentials) {
        // Temporary credentials ran out mid-run: fetch fresh ones and try once more.
        refreshed_credentials = true;
        m_credentials->invalidate();
        continue;
      }
      kind = classify_api(api);
      failure = make_api_error(std::move(api));
    }

    const bool can_retry = kind != RetryKind::none && attempt < m_options.retry.max_attempts &&
                           m_quota.acquire(kind, taken);
    if (!can_retry) {
      record.duration = std::chrono::duration_cast<std::chrono::milliseconds>(m_clock.now() - started);
      report(record);
      if (attempt > 1) {
        return util::Error(failure->message() + " (after " + std::to_string(attempt) + " attempts)",
                           failure->exit_code(), failure->detail_ptr());
      }
      return std::move(*failure);
    }
    m_clock.sleep_for(retry_delay(m_options.retry, kind, attempt + 1, m_random, hint));
  }
}

util::Result<XmlResponse> Session::query(Service service, const std::string& action, const QueryParams& params,
                                         CallOptions call_options) {
  const ServiceInfo& info = service_info(service);
  const std::string body = params.encode(action, std::string(info.api_version));
  HOPPER_ASSIGN(Raw raw, send(service, action, "application/x-www-form-urlencoded; charset=utf-8", body, {},
                                   call_options));
  XmlResponse out;
  out.document = std::make_shared<pugi::xml_document>();
  if (auto parsed = codec::parse_xml(raw.response.body, *out.document); !parsed) {
    return util::Error::failed(std::string(info.id) + " " + action + ": malformed response: " +
                               parsed.error().message());
  }
  const pugi::xml_node root = out.document->document_element();
  const pugi::xml_node wrapped = codec::child(root, action + "Result");
  out.result_node = wrapped ? wrapped : root;
  out.request_id = codec::text(root, "requestId");
  if (out.request_id.empty()) out.request_id = codec::text(codec::child(root, "ResponseMetadata"), "RequestId");
  return out;
}

util::Result<nlohmann::json> Session::json(Service service, const std::string& operation, const nlohmann::json& body) {
  const ServiceInfo& info = service_info(service);
  const net::Headers headers = {{"X-Amz-Target", std::string(info.json_target_prefix) + "." + operation}};
  HOPPER_ASSIGN(Raw raw, send(service, operation, "application/x-amz-json-1.1", body.dump(), headers, CallOptions{}));
  if (raw.response.body.empty()) return nlohmann::json::object();
  try {
    return nlohmann::json::parse(raw.response.body);
  } catch (const std::exception& e) {
    return util::Error::failed(std::string(info.id) + " " + operation + ": malformed response: " + e.what());
  }
}

}  // namespace hopper::aws

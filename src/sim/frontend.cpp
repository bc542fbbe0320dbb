#include "sim/frontend.hpp"

#include <chrono>

#include "aws/core/service.hpp"
#include "sim/api_fault.hpp"
#include "sim/call.hpp"
#include "sim/persistence.hpp"
#include "sim/xml_render.hpp"
#include "util/strings.hpp"

namespace hopper::sim {

struct Frontend::LogEntry {
  std::string service = "-";
  std::string action = "-";
  int status = 0;
  std::string error;
  std::string fault;
  std::vector<long long> waits;  // durations the call started (ms)
};

namespace {

using aws::Protocol;
using aws::Service;

std::string xmlns(Service service) {
  switch (service) {
    case Service::iam: return "https://iam.amazonaws.com/doc/2010-05-08/";
    case Service::sts: return "https://sts.amazonaws.com/doc/2011-06-15/";
    case Service::autoscaling: return "http://autoscaling.amazonaws.com/doc/2011-01-01/";
    case Service::elbv2: return "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    case Service::elb: return "http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/";
    default: return "http://ec2.amazonaws.com/doc/2016-11-15/";
  }
}

std::optional<Service> service_by_version(const std::string& version) {
  for (Service s : aws::k_all_services) {
    if (!version.empty() && aws::service_info(s).api_version == version) return s;
  }
  return std::nullopt;
}

std::optional<Service> service_by_signing_name(const std::string& name, const std::string& version) {
  if (name == "elasticloadbalancing") return version == "2012-06-01" ? Service::elb : Service::elbv2;
  for (Service s : aws::k_all_services) {
    if (aws::service_info(s).signing_name == name) return s;
  }
  return std::nullopt;
}

RawResponse error_response(Service service, const ApiFault& fault, const std::string& request_id) {
  RawResponse out;
  out.status = fault.status;
  out.headers.emplace_back("x-amzn-RequestId", request_id);
  switch (aws::service_info(service).protocol) {
    case Protocol::ec2_query:
      out.body = ec2_error(fault.code, fault.message, request_id);
      break;
    case Protocol::query:
      out.body = query_error(xmlns(service), fault.code, fault.message, fault.status, request_id);
      break;
    case Protocol::json:
      out.content_type = "application/x-amz-json-1.1";
      out.body = nlohmann::json{{"__type", fault.code}, {"message", fault.message}}.dump();
      break;
  }
  return out;
}

ApiFault auth_fault(Service service, AuthOutcome outcome) {
  const Protocol protocol = aws::service_info(service).protocol;
  const bool ec2 = protocol == Protocol::ec2_query;
  const bool json = protocol == Protocol::json;
  const std::string mismatch = "The request signature we calculated does not match the signature you provided. Check your "
                               "AWS Secret Access Key and signing method. Consult the service documentation for details.";
  switch (outcome) {
    case AuthOutcome::unsigned_request:
      return {json ? "MissingAuthenticationTokenException" : "MissingAuthenticationToken",
              "Request is missing Authentication Token", ec2 ? 401 : 403};
    case AuthOutcome::incomplete:
      return {json ? "IncompleteSignatureException" : "IncompleteSignature",
              "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters and an X-Amz-Date header.",
              ec2 ? 401 : 403};
    case AuthOutcome::unknown_key:
      if (ec2) return {"AuthFailure", "AWS was not able to validate the provided access credentials", 401};
      if (json) return {"UnrecognizedClientException", "The security token included in the request is invalid.", 400};
      return {"InvalidClientTokenId", "The security token included in the request is invalid.", 403};
    case AuthOutcome::expired:
      if (ec2) return {"RequestExpired", "Request has expired.", 400};
      return {json ? "InvalidSignatureException" : "SignatureDoesNotMatch", "Signature expired: the request time is more "
              "than 5 minutes away from the server time.", json ? 400 : 403};
    case AuthOutcome::bad_signature:
    case AuthOutcome::ok:
      break;
  }
  if (ec2) return {"AuthFailure", "AWS was not able to validate the provided access credentials", 401};
  if (json) return {"InvalidSignatureException", mismatch, 400};
  return {"SignatureDoesNotMatch", mismatch, 403};
}

ApiFault injected(Service service, Fault fault, bool unavailable) {
  const Protocol protocol = aws::service_info(service).protocol;
  if (fault == Fault::throttle) {
    if (protocol == Protocol::ec2_query) return {"RequestLimitExceeded", "Request limit exceeded.", 503};
    if (protocol == Protocol::json) return {"ThrottlingException", "Rate exceeded", 400};
    return {"Throttling", "Rate exceeded", 400};
  }
  if (unavailable) {
    if (protocol == Protocol::ec2_query) return {"Unavailable", "The service is unavailable. Please try again shortly.", 503};
    return {"ServiceUnavailable", "Service is unavailable. Please try again shortly.", 503};
  }
  if (protocol == Protocol::ec2_query) return {"InternalError", "An internal error has occurred", 500};
  if (protocol == Protocol::json) return {"InternalServerError", "An internal error has occurred", 500};
  if (service == Service::iam) return {"ServiceFailure", "Request processing has failed due to some unknown error.", 500};
  return {"InternalFailure", "The request processing has failed because of an unknown error.", 500};
}

}  // namespace

Frontend::Frontend(FrontendOptions options)
    : m_options(std::move(options)), m_world(m_options.world), m_faults(m_options.faults) {}

util::Result<std::unique_ptr<Frontend>> Frontend::create(FrontendOptions options) {
  options.world.consistency_delay_ms = options.faults.consistency_delay_ms;
  if (options.world.seed == 1 && options.faults.seed != 1) options.world.seed = options.faults.seed;
  std::unique_ptr<Frontend> frontend(new Frontend(std::move(options)));
  if (!frontend->m_options.state_file.empty()) {
    HOPPER_ASSIGN(auto state, load_state(frontend->m_options.state_file));
    if (state) {
      if (auto loaded = frontend->m_world.load(*state); !loaded) {
        return util::Error::failed("simulator state " + frontend->m_options.state_file.string() + ": " +
                                   loaded.error().message());
      }
    }
  }
  if (!frontend->m_options.request_log.empty()) {
    frontend->m_log.open(frontend->m_options.request_log, std::ios::app);
    if (!frontend->m_log) {
      return util::Error::failed("cannot open the request log " + frontend->m_options.request_log.string());
    }
  }
  return frontend;
}

util::Status Frontend::persist() {
  if (m_options.state_file.empty()) return {};
  std::lock_guard lock(m_mutex);
  m_world.saved();
  return save_state(m_options.state_file, m_world.document());
}

RawResponse Frontend::handle(const RawRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  LogEntry entry;
  RawResponse response;
  try {
    response = route(request, entry);
  } catch (const std::exception& e) {
    // Nothing a client sends may crash the server: an unexpected failure is AWS's InternalError.
    response = RawResponse{500, "text/xml", ec2_error("InternalError", std::string("simulator: ") + e.what(), "0"), {}, false};
    entry.status = 500;
    entry.error = "InternalError";
  }
  if (entry.status == 0) entry.status = response.status;
  if (m_log.is_open()) {
    const long long ms =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
    nlohmann::json line = {{"time", iso_time(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                 std::chrono::system_clock::now().time_since_epoch()).count())},
                           {"service", entry.service}, {"action", entry.action}, {"status", entry.status},
                           {"latency_ms", static_cast<double>(ms) / 1000.0},
                           {"error", entry.error.empty() ? nlohmann::json() : nlohmann::json(entry.error)}};
    if (!entry.fault.empty()) line["fault"] = entry.fault;
    if (!entry.waits.empty()) line["waits_ms"] = entry.waits;
    std::lock_guard lock(m_log_mutex);
    m_log << line.dump() << "\n";
    m_log.flush();
  }
  return response;
}

RawResponse Frontend::route(const RawRequest& request, LogEntry& entry) {
  const std::size_t question = request.target.find('?');
  const std::string path = request.target.substr(0, question);
  const std::string query = question == std::string::npos ? "" : request.target.substr(question + 1);

  // The admin API (and moto's, so that tools written for moto_server can drive the simulator).
  if (path.rfind("/moto-api", 0) == 0 || path.rfind("/_sim", 0) == 0) {
    entry.service = "sim";
    entry.action = path;
    if (path.size() >= 6 && path.compare(path.size() - 6, 6, "/reset") == 0 && request.method == "POST") {
      {
        std::lock_guard lock(m_mutex);
        m_world.reset();
      }
      if (auto saved = persist(); !saved) return RawResponse{500, "text/plain", saved.error().message(), {}, false};
      return RawResponse{200, "application/json", "{\"status\":\"ok\"}", {}, false};
    }
    if (path.rfind("/_sim/state", 0) == 0) {
      std::lock_guard lock(m_mutex);
      return RawResponse{200, "application/json", m_world.document().dump(), {}, false};
    }
    return RawResponse{200, "application/json", "{\"simulator\":\"hopper\"}", {}, false};
  }

  const auto content_type = net::find_header(request.headers, "Content-Type").value_or("");
  const auto target_header = net::find_header(request.headers, "X-Amz-Target");
  std::vector<std::pair<std::string, std::string>> form = net::parse_form(query);
  const bool json_body = content_type.find("json") != std::string::npos || target_header.has_value();
  if (!json_body) {
    for (auto& pair : net::parse_form(request.body)) form.push_back(std::move(pair));
  }
  Params params(form);
  const std::string version = params.get("Version").value_or("");
  const auto auth_header = net::find_header(request.headers, "Authorization");
  const auto auth = auth_header ? parse_authorization(*auth_header) : std::nullopt;

  std::optional<Service> service;
  if (target_header && target_header->rfind("AmazonSSM.", 0) == 0) service = Service::ssm;
  else if (auth) service = service_by_signing_name(auth->service, version);
  if (!service) service = service_by_version(version);
  if (!service) {
    // Neither signed for a service we serve nor naming one: answer as the Query services do.
    ApiFault fault = auth_header ? ApiFault{"InvalidAction", "The action or operation requested is not valid for this service.", 400}
                                 : ApiFault{"MissingAuthenticationToken", "Request is missing Authentication Token", 403};
    entry.error = fault.code;
    return error_response(Service::sts, fault, "00000000-0000-0000-0000-000000000000");
  }
  const aws::ServiceInfo& info = aws::service_info(*service);
  entry.service = std::string(info.id);
  std::string action;
  if (info.protocol == Protocol::json) {
    if (target_header) action = target_header->substr(target_header->find('.') == std::string::npos ? 0 : target_header->find('.') + 1);
  } else {
    action = params.get("Action").value_or("");
  }
  entry.action = action.empty() ? "-" : action;
  std::string request_id;
  {
    std::lock_guard lock(m_mutex);
    request_id = m_world.request_id();
  }
  const auto refuse = [&](const ApiFault& fault) {
    entry.error = fault.code;
    return error_response(*service, fault, request_id);
  };

  const AuthOutcome outcome =
      verify_sigv4(request, m_options.access_key, m_options.secret_key, std::chrono::system_clock::now());
  if (outcome != AuthOutcome::ok) return refuse(auth_fault(*service, outcome));

  const Handler handler = registry().find(*service, action);
  if (handler == nullptr) {
    if (info.protocol == Protocol::json) return refuse({"UnknownOperationException", "Unknown operation " + action, 400});
    if (info.protocol == Protocol::ec2_query) {
      return refuse({"InvalidAction", "The action " + action + " is not valid for this web service.", 400});
    }
    return refuse({"InvalidAction", "Could not find operation " + action + " for version " + version, 400});
  }

  Call call{m_world, *service, action, auth ? auth->region : m_options.default_region, params, nlohmann::json::object()};
  if (*service == Service::iam) call.region = "us-east-1";
  if (info.protocol == Protocol::json) {
    call.body = request.body.empty() ? nlohmann::json::object() : nlohmann::json::parse(request.body, nullptr, false);
    if (call.body.is_discarded() || !call.body.is_object()) return refuse({"SerializationException", "Malformed JSON body", 400});
  }

  const bool mutating = !(action.rfind("Describe", 0) == 0 || action.rfind("List", 0) == 0 || action.rfind("Get", 0) == 0);
  const Fault fault = m_faults.draw(mutating);
  if (fault == Fault::throttle || fault == Fault::error) {
    entry.fault = fault == Fault::throttle ? "throttle" : "error";
    return refuse(injected(*service, fault, fault == Fault::error && m_faults.unavailable()));
  }
  if (fault == Fault::drop) {
    entry.fault = "drop";
    return RawResponse{200, "text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response", {}, true};
  }

  nlohmann::json body;
  std::optional<ApiFault> failure;
  util::Status saved;
  {
    std::lock_guard lock(m_mutex);
    try {
      m_world.drawn.clear();
      m_world.advance();
      body = handler(call);
      entry.waits = m_world.drawn;
    } catch (const ApiFault& f) {
      failure = f;
    }
    if (mutating) m_world.invalidate();
    if (m_world.dirty() && !m_options.state_file.empty()) {
      m_world.saved();
      saved = save_state(m_options.state_file, m_world.document());
    }
  }
  if (!saved) return refuse({"InternalError", "simulator: " + saved.error().message(), 500});
  if (failure) return refuse(*failure);
  RawResponse response;
  response.headers.emplace_back("x-amzn-RequestId", request_id);
  switch (info.protocol) {
    case Protocol::ec2_query: response.body = ec2_response(action, body, request_id); break;
    case Protocol::query: response.body = query_response(action, xmlns(*service), body, request_id); break;
    case Protocol::json:
      response.content_type = "application/x-amz-json-1.1";
      response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      break;
  }
  if (fault == Fault::lost_answer) {
    entry.fault = "lost_answer";
    response.drop = true;
  }
  return response;
}

}  // namespace hopper::sim

#include "sim/call.hpp"

#include <charconv>

#include "sim/api_fault.hpp"
#include "sim/state/families.hpp"

namespace hopper::sim {

void fail(std::string code, std::string message, int status) {
  throw ApiFault{std::move(code), std::move(message), status};
}

std::optional<std::string> Call::opt(const std::string& name) const {
  if (aws::service_info(service).protocol == aws::Protocol::json) {
    const auto it = body.find(name);
    if (it == body.end() || it->is_null()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_boolean()) return std::string(it->get<bool>() ? "true" : "false");
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    return it->dump();
  }
  return params.get(name);
}

std::string Call::get(const std::string& name, const std::string& fallback) const {
  return opt(name).value_or(fallback);
}

std::string Call::need(const std::string& name) const {
  auto value = opt(name);
  if (!value || value->empty()) missing(name);
  return *value;
}

bool Call::flag(const std::string& name, bool fallback) const {
  const auto value = opt(name);
  if (!value) return fallback;
  if (*value == "true" || *value == "True") return true;
  if (*value == "false" || *value == "False") return false;
  invalid("Value (" + *value + ") for parameter " + name + " is invalid. Expected: 'true' or 'false'.");
}

std::optional<long long> Call::opt_number(const std::string& name) const {
  const auto value = opt(name);
  if (!value) return std::nullopt;
  long long out = 0;
  const auto [ptr, ec] = std::from_chars(value->data(), value->data() + value->size(), out);
  if (ec != std::errc() || ptr != value->data() + value->size()) {
    invalid("Value (" + *value + ") for parameter " + name + " is invalid. Expected a number.");
  }
  return out;
}

long long Call::number(const std::string& name, long long fallback) const {
  return opt_number(name).value_or(fallback);
}

void Call::missing(const std::string& name) const {
  switch (aws::service_info(service).protocol) {
    case aws::Protocol::ec2_query:
      fail("MissingParameter", "The request must contain the parameter " + name);
    case aws::Protocol::json:
      fail("ValidationException", "1 validation error detected: Value null at '" + name +
                                      "' failed to satisfy constraint: Member must not be null");
    case aws::Protocol::query:
      break;
  }
  std::string member = name;
  if (!member.empty()) member[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(member[0])));
  fail("ValidationError", "1 validation error detected: Value null at '" + member +
                              "' failed to satisfy constraint: Member must not be null");
}

void Call::invalid(const std::string& message) const {
  switch (aws::service_info(service).protocol) {
    case aws::Protocol::ec2_query: fail("InvalidParameterValue", message);
    case aws::Protocol::json: fail("ValidationException", message);
    case aws::Protocol::query: break;
  }
  if (service == aws::Service::iam) fail("InvalidInput", message);
  fail("ValidationError", message);
}

void Registry::add(aws::Service service, const std::string& action, Handler handler) {
  m_handlers[{service, action}] = handler;
}

Handler Registry::find(aws::Service service, const std::string& action) const {
  const auto it = m_handlers.find({service, action});
  return it == m_handlers.end() ? nullptr : it->second;
}

const Registry& registry() {
  static const Registry built = [] {
    Registry r;
    register_families(r);
    return r;
  }();
  return built;
}

}  // namespace hopper::sim

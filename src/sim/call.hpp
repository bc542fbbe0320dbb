// Call: one request as a handler sees it (service, action, region, parameters, the World), and
// the Registry that maps (service, action) to its handler.
//
// Thread-safety: a Call lives for one request under the Simulator's state mutex; the Registry is
// built once and then only read.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "aws/core/service.hpp"
#include "sim/params.hpp"
#include "sim/state/world.hpp"

namespace hopper::sim {

struct Call {
  World& world;
  aws::Service service;
  std::string action;
  std::string region;
  Params params;                                   // Query/EC2-query input
  nlohmann::json body = nlohmann::json::object();  // JSON-protocol input

  // The state of the call's region.
  nlohmann::json& rs() { return world.region(region); }
  // A required parameter; throws the service's missing-parameter error when absent or empty.
  std::string need(const std::string& name) const;
  // An optional parameter (`fallback` when absent).
  std::string get(const std::string& name, const std::string& fallback = "") const;
  std::optional<std::string> opt(const std::string& name) const;
  bool has_param(const std::string& name) const { return params.has(name); }
  // "true"/"false" (`fallback` when absent); anything else is InvalidParameterValue.
  bool flag(const std::string& name, bool fallback) const;
  // An integer parameter (`fallback` when absent); non-numbers are InvalidParameterValue.
  long long number(const std::string& name, long long fallback) const;
  std::optional<long long> opt_number(const std::string& name) const;
  // Throws the service's missing-parameter error for `name`.
  [[noreturn]] void missing(const std::string& name) const;
  // Throws the service's invalid-value error.
  [[noreturn]] void invalid(const std::string& message) const;
};

// A handler answers the body of the response (rendered as XML or JSON by the front end) or
// throws ApiFault.
using Handler = nlohmann::json (*)(Call&);

class Registry {
 public:
  void add(aws::Service service, const std::string& action, Handler handler);
  // nullptr for an action the simulator does not know.
  Handler find(aws::Service service, const std::string& action) const;
  std::size_t size() const { return m_handlers.size(); }

 private:
  std::map<std::pair<aws::Service, std::string>, Handler> m_handlers;
};

// Every handler of every family (built on first use).
const Registry& registry();

}  // namespace hopper::sim

#include "aws/ssm/client.hpp"

#include <chrono>
#include <cmath>

#include "util/clock.hpp"

namespace hopper::aws::ssm {

util::Result<nlohmann::json> Client::call(const std::string& operation, const nlohmann::json& body) const {
  // dump() throws on strings that are not UTF-8 (a parameter value read from a binary file):
  // turn that into an error here, before the Session serialises the body.
  try {
    (void)body.dump();
  } catch (const nlohmann::json::exception& e) {
    return util::Error::failed("ssm " + operation + ": request is not valid UTF-8 JSON: " + e.what());
  }
  HOPPER_ASSIGN(nlohmann::json response, m_session.json(Service::ssm, operation, body));
  if (!response.is_object()) {
    return util::Error::failed("ssm " + operation + ": malformed response: not a JSON object");
  }
  return response;
}

std::string json_string(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return {};
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

long long json_int(const nlohmann::json& object, const char* key, long long fallback) {
  if (!object.is_object()) return fallback;
  const auto it = object.find(key);
  if (it == object.end()) return fallback;
  if (it->is_number_integer()) return it->get<long long>();
  if (it->is_number_float()) {
    // Outside long long's range the cast is undefined behaviour ({"Version": 1e300} from a server).
    const double value = it->get<double>();
    if (std::isfinite(value) && value >= -9.2e18 && value <= 9.2e18) return static_cast<long long>(value);
  }
  return fallback;
}

bool json_bool(const nlohmann::json& object, const char* key, bool fallback) {
  if (!object.is_object()) return fallback;
  const auto it = object.find(key);
  return it != object.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

std::string json_timestamp(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return {};
  const auto it = object.find(key);
  if (it == object.end() || !it->is_number()) return {};
  const double seconds = it->get<double>();
  // Outside years 1970..9999 the number is nonsense: say nothing rather than something wrong.
  if (!std::isfinite(seconds) || seconds < 0 || seconds > 253'402'300'799.0) return {};
  const auto time = std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::seconds(static_cast<long long>(std::floor(seconds)))));
  return util::format_iso8601(time);
}

nlohmann::json encode_tags(const Tags& tags) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [key, value] : tags) list.push_back({{"Key", key}, {"Value", value}});
  return list;
}

Tags decode_tags(const nlohmann::json& list) {
  Tags tags;
  if (!list.is_array()) return tags;
  for (const auto& item : list) tags[json_string(item, "Key")] = json_string(item, "Value");
  return tags;
}

}  // namespace hopper::aws::ssm

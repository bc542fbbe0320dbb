// ssm::Client: a handle on the Session for SSM (JSON 1.1, X-Amz-Target AmazonSSM.<Operation>),
// with the NextToken/MaxResults pagination loop and tolerant JSON readers (a field of the
// wrong type reads as empty, never throws). The typed operations are free functions in
// parameters.hpp.
//
// Thread-safety: as the Session: share one Client between threads freely.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/core/session.hpp"

namespace hopper::aws::ssm {

class Client {
 public:
  explicit Client(Session& session) : m_session(session) {}
  Session& session() const { return m_session; }

  // Calls `operation` with `body`; returns the decoded answer (an object, possibly empty).
  util::Result<nlohmann::json> call(const std::string& operation, const nlohmann::json& body) const;

  // Calls `operation` page by page (NextToken) and decodes every element of the array
  // `list_key` with `decode`. `page_size` sets MaxResults when non-zero.
  template <class T>
  util::Result<std::vector<T>> paginate(const std::string& operation, nlohmann::json body,
                                        const std::string& list_key,
                                        const std::function<T(const nlohmann::json&)>& decode,
                                        int page_size = 0) const;

 private:
  Session& m_session;
};

// Tolerant readers: the value of `key` in `object`, or the fallback when absent or mistyped.
std::string json_string(const nlohmann::json& object, const char* key);
long long json_int(const nlohmann::json& object, const char* key, long long fallback = 0);
bool json_bool(const nlohmann::json& object, const char* key, bool fallback = false);
// An SSM timestamp (epoch seconds as a JSON number, possibly fractional) as ISO 8601 UTC
// ("2024-05-01T10:20:30Z"); empty when absent.
std::string json_timestamp(const nlohmann::json& object, const char* key);
// [{"Key":k,"Value":v}, ...] <-> map.
nlohmann::json encode_tags(const Tags& tags);
Tags decode_tags(const nlohmann::json& list);

// --- Inline implementations ---

template <class T>
util::Result<std::vector<T>> Client::paginate(const std::string& operation, nlohmann::json body,
                                              const std::string& list_key,
                                              const std::function<T(const nlohmann::json&)>& decode,
                                              int page_size) const {
  std::vector<T> out;
  std::optional<std::string> token;
  // Bounded, and a repeated token ends the loop.
  for (int page = 0; page < 10'000; ++page) {
    nlohmann::json request = body;
    if (page_size > 0) request["MaxResults"] = page_size;
    if (token) request["NextToken"] = *token;
    HOPPER_ASSIGN(const nlohmann::json response, call(operation, request));
    if (const auto it = response.find(list_key); it != response.end() && it->is_array()) {
      for (const auto& item : *it) out.push_back(decode(item));
    }
    const std::string next = json_string(response, "NextToken");
    if (next.empty() || (token && next == *token)) return out;
    token = next;
  }
  return out;
}

}  // namespace hopper::aws::ssm

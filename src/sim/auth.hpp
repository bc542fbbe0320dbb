// SigV4 verification of incoming requests: the canonical request is rebuilt from the raw request
// (method, path, query, the signed headers, the SHA-256 of the body), signed again with the
// configured secret, and compared in constant time (aws/core/sigv4.hpp provides the pieces).
//
// Thread-safety: pure functions.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "net/http.hpp"

namespace hopper::sim {

// The parts of an Authorization header: AWS4-HMAC-SHA256 Credential=AK/DATE/REGION/SERVICE/aws4_request,
// SignedHeaders=a;b, Signature=hex.
struct Authorization {
  std::string access_key;
  std::string date;     // YYYYMMDD
  std::string region;
  std::string service;  // signing name
  std::vector<std::string> signed_headers;
  std::string signature;
};

// nullopt when the header is not a complete AWS4-HMAC-SHA256 authorization.
std::optional<Authorization> parse_authorization(const std::string& header);

struct RawRequest {
  std::string method;
  std::string target;  // path and query as sent: "/?Action=..."
  net::Headers headers;
  std::string body;
};

enum class AuthOutcome { ok, unsigned_request, incomplete, unknown_key, bad_signature, expired };

// Checks `request` against the credentials. `now` decides expiry (AWS allows 5 minutes of skew).
AuthOutcome verify_sigv4(const RawRequest& request, const std::string& access_key, const std::string& secret_key,
                         std::chrono::system_clock::time_point now);

}  // namespace hopper::sim

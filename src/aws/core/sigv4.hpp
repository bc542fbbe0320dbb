// AWS Signature Version 4 (header signing) as a pure function of the request, the credentials
// and the time. Checked byte for byte against the official test vectors (tests/testdata/sigv4).
//
// Thread-safety: pure.
#pragma once

#include <chrono>
#include <string>

#include "aws/core/credentials.hpp"
#include "net/http.hpp"

namespace hopper::aws {

struct SigningInput {
  std::string method;             // "GET", "POST"
  std::string path;               // the path as sent, not encoded ("/", "/example space/")
  std::string query;              // the raw query string without "?" (may be encoded or not)
  net::Headers headers;           // must include Host; X-Amz-Date is added by sign()
  std::string payload;            // request body
  std::string region;             // signing region
  std::string service;            // signing name ("ec2", "iam", "elasticloadbalancing", ...)
  std::chrono::system_clock::time_point time;
  bool normalize_path = true;     // collapse "//", "/./" and "/x/.." before encoding
  bool sign_payload_header = false;  // add and sign x-amz-content-sha256
  bool omit_session_token = false;   // add the token after signing (unsigned)
};

struct SigningResult {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;       // 64 lowercase hex
  std::string authorization;   // the Authorization header value
  net::Headers headers;        // the input headers, then X-Amz-Security-Token (if any), X-Amz-Date,
                               // x-amz-content-sha256 (if asked) and Authorization
};

// Signs `input` with `credentials`. REQUIRES: a Host header in input.headers.
SigningResult sign_v4(const SigningInput& input, const Credentials& credentials);

// Pieces, exposed for tests and for the simulator's verification of incoming requests.
std::string canonical_uri(const std::string& raw_path, bool normalize);
std::string canonical_query(const std::string& raw_query);
std::string amz_date(std::chrono::system_clock::time_point time);  // 20150830T123600Z
// The signing key: HMAC chain over "AWS4"+secret, date (YYYYMMDD), region, service, "aws4_request".
std::string derive_signing_key(const std::string& secret, const std::string& date,
                               const std::string& region, const std::string& service);

}  // namespace hopper::aws

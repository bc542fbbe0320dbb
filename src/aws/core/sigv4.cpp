#include "aws/core/sigv4.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "crypto/digest.hpp"
#include "util/clock.hpp"
#include "util/strings.hpp"

namespace hopper::aws {
namespace {

constexpr const char* k_algorithm = "AWS4-HMAC-SHA256";

// Trims and collapses runs of whitespace (including folded newlines) into one space.
std::string canonical_header_value(std::string_view value) {
  std::string out;
  bool in_space = false;
  for (char c : util::trim(value)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      in_space = true;
      continue;
    }
    if (in_space && !out.empty()) out += ' ';
    in_space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string amz_date(std::chrono::system_clock::time_point time) {
  const std::string iso = util::format_iso8601(time);  // 2015-08-30T12:36:00Z
  std::string out;
  for (char c : iso) {
    if (c != '-' && c != ':') out += c;
  }
  return out;
}

std::string canonical_uri(const std::string& raw_path, bool normalize) {
  std::string path = raw_path.empty() ? "/" : raw_path;
  if (normalize) {
    std::vector<std::string> stack;
    for (const auto& segment : util::split(path, '/')) {
      if (segment.empty() || segment == ".") continue;
      if (segment == "..") {
        if (!stack.empty()) stack.pop_back();
        continue;
      }
      stack.push_back(segment);
    }
    const bool trailing = path.back() == '/' ||
                          (path.size() >= 2 && path.compare(path.size() - 2, 2, "/.") == 0);
    std::string normalized = "/" + util::join(stack, "/");
    if (trailing && normalized != "/") normalized += "/";
    path = normalized;
  }
  return net::uri_encode(path, /*keep_slash=*/true);
}

std::string canonical_query(const std::string& raw_query) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& part : util::split(raw_query, '&')) {
    if (part.empty()) continue;
    const std::size_t eq = part.find('=');
    const std::string key = part.substr(0, eq);
    const std::string value = eq == std::string::npos ? "" : part.substr(eq + 1);
    // Decode first so that an already-encoded key is not encoded twice.
    pairs.emplace_back(net::uri_encode(net::uri_decode(key)), net::uri_encode(net::uri_decode(value)));
  }
  std::sort(pairs.begin(), pairs.end());
  std::string out;
  for (const auto& [key, value] : pairs) {
    if (!out.empty()) out += '&';
    out += key + "=" + value;
  }
  return out;
}

std::string derive_signing_key(const std::string& secret, const std::string& date,
                               const std::string& region, const std::string& service) {
  const std::string k_date = crypto::hmac_sha256("AWS4" + secret, date);
  const std::string k_region = crypto::hmac_sha256(k_date, region);
  const std::string k_service = crypto::hmac_sha256(k_region, service);
  return crypto::hmac_sha256(k_service, "aws4_request");
}

SigningResult sign_v4(const SigningInput& input, const Credentials& credentials) {
  SigningResult result;
  result.headers = input.headers;
  const std::string date_time = amz_date(input.time);
  const std::string date = date_time.substr(0, 8);
  const std::string payload_hash = crypto::sha256_hex(input.payload);

  // Added in the order the reference signer uses: token, date, payload hash, Authorization.
  const bool has_token = !credentials.session_token.empty();
  if (has_token) result.headers.emplace_back("X-Amz-Security-Token", credentials.session_token);
  result.headers.emplace_back("X-Amz-Date", date_time);
  if (input.sign_payload_header) result.headers.emplace_back("x-amz-content-sha256", payload_hash);

  // Canonical headers: lower-case names, sorted; repeated names joined with "," in order.
  std::map<std::string, std::string> canonical;
  for (const auto& [name, value] : result.headers) {
    if (has_token && input.omit_session_token && util::iequals(name, "X-Amz-Security-Token")) continue;
    const std::string key = util::to_lower(util::trim(name));
    const std::string v = canonical_header_value(value);
    auto [it, inserted] = canonical.emplace(key, v);
    if (!inserted) it->second += "," + v;
  }
  std::string canonical_headers;
  std::vector<std::string> names;
  for (const auto& [name, value] : canonical) {
    canonical_headers += name + ":" + value + "\n";
    names.push_back(name);
  }
  const std::string signed_headers = util::join(names, ";");

  result.canonical_request = input.method + "\n" + canonical_uri(input.path, input.normalize_path) +
                             "\n" + canonical_query(input.query) + "\n" + canonical_headers + "\n" +
                             signed_headers + "\n" + payload_hash;
  const std::string scope = date + "/" + input.region + "/" + input.service + "/aws4_request";
  result.string_to_sign = std::string(k_algorithm) + "\n" + date_time + "\n" + scope + "\n" +
                          crypto::sha256_hex(result.canonical_request);
  const std::string key =
      derive_signing_key(credentials.secret_access_key, date, input.region, input.service);
  result.signature = util::hex_encode(crypto::hmac_sha256(key, result.string_to_sign));
  result.authorization = std::string(k_algorithm) + " Credential=" + credentials.access_key_id + "/" +
                         scope + ", SignedHeaders=" + signed_headers + ", Signature=" + result.signature;
  result.headers.emplace_back("Authorization", result.authorization);
  return result;
}

}  // namespace hopper::aws

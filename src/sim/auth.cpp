#include "sim/auth.hpp"

#include <algorithm>

#include "aws/core/sigv4.hpp"
#include "crypto/digest.hpp"
#include "util/clock.hpp"
#include "util/strings.hpp"

namespace hopper::sim {
namespace {

std::string canonical_value(std::string_view value) {
  std::string out;
  bool space = false;
  for (char c : util::trim(value)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string field(const std::string& part, const std::string& name) {
  const std::string prefix = name + "=";
  const std::string trimmed(util::trim(part));
  return trimmed.rfind(prefix, 0) == 0 ? trimmed.substr(prefix.size()) : std::string();
}

bool parse_amz_date(const std::string& text, std::chrono::system_clock::time_point& out) {
  // 20150830T123600Z
  if (text.size() != 16 || text[8] != 'T' || text[15] != 'Z') return false;
  const std::string iso = text.substr(0, 4) + "-" + text.substr(4, 2) + "-" + text.substr(6, 2) + "T" + text.substr(9, 2) +
                          ":" + text.substr(11, 2) + ":" + text.substr(13, 2) + "Z";
  return util::parse_iso8601(iso, out);
}

}  // namespace

std::optional<Authorization> parse_authorization(const std::string& header) {
  const std::string algorithm = "AWS4-HMAC-SHA256 ";
  if (header.rfind(algorithm, 0) != 0) return std::nullopt;
  Authorization out;
  std::string credential;
  std::string signed_headers;
  for (const auto& part : util::split(header.substr(algorithm.size()), ',')) {
    if (auto v = field(part, "Credential"); !v.empty()) credential = v;
    if (auto v = field(part, "SignedHeaders"); !v.empty()) signed_headers = v;
    if (auto v = field(part, "Signature"); !v.empty()) out.signature = v;
  }
  const auto scope = util::split(credential, '/');
  if (scope.size() != 5 || scope[4] != "aws4_request" || signed_headers.empty() || out.signature.empty()) return std::nullopt;
  out.access_key = scope[0];
  out.date = scope[1];
  out.region = scope[2];
  out.service = scope[3];
  out.signed_headers = util::split(signed_headers, ';');
  return out;
}

AuthOutcome verify_sigv4(const RawRequest& request, const std::string& access_key, const std::string& secret_key,
                         std::chrono::system_clock::time_point now) {
  const auto header = net::find_header(request.headers, "Authorization");
  if (!header) return AuthOutcome::unsigned_request;
  const auto auth = parse_authorization(*header);
  if (!auth) return AuthOutcome::incomplete;
  const auto date_header = net::find_header(request.headers, "X-Amz-Date");
  if (!date_header) return AuthOutcome::incomplete;
  if (auth->access_key != access_key) return AuthOutcome::unknown_key;
  std::chrono::system_clock::time_point signed_at;
  if (!parse_amz_date(*date_header, signed_at) || date_header->substr(0, 8) != auth->date) return AuthOutcome::bad_signature;

  const std::size_t question = request.target.find('?');
  const std::string path = request.target.substr(0, question);
  const std::string query = question == std::string::npos ? "" : request.target.substr(question + 1);
  std::string canonical_headers;
  for (const auto& name : auth->signed_headers) {
    std::string joined;
    bool found = false;
    for (const auto& [key, value] : request.headers) {
      if (!util::iequals(key, name)) continue;
      if (found) joined += ",";
      joined += canonical_value(value);
      found = true;
    }
    if (!found) return AuthOutcome::bad_signature;
    canonical_headers += util::to_lower(name) + ":" + joined + "\n";
  }
  const std::string canonical_request = request.method + "\n" + aws::canonical_uri(net::uri_decode(path), true) + "\n" +
                                        aws::canonical_query(query) + "\n" + canonical_headers + "\n" +
                                        util::join(auth->signed_headers, ";") + "\n" + crypto::sha256_hex(request.body);
  const std::string scope = auth->date + "/" + auth->region + "/" + auth->service + "/aws4_request";
  const std::string string_to_sign =
      "AWS4-HMAC-SHA256\n" + *date_header + "\n" + scope + "\n" + crypto::sha256_hex(canonical_request);
  const std::string key = aws::derive_signing_key(secret_key, auth->date, auth->region, auth->service);
  const std::string expected = util::hex_encode(crypto::hmac_sha256(key, string_to_sign));
  if (!crypto::constant_time_equals(expected, auth->signature)) return AuthOutcome::bad_signature;
  const auto skew = now > signed_at ? now - signed_at : signed_at - now;
  if (skew > std::chrono::minutes(5)) return AuthOutcome::expired;
  return AuthOutcome::ok;
}

}  // namespace hopper::sim

// Every case of the official SigV4 suite (tests/testdata/sigv4, from awslabs/aws-c-auth),
// checked byte for byte: canonical request, string to sign, signature, and the signed request.
#include "aws/core/sigv4.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "util/clock.hpp"
#include "util/strings.hpp"

namespace hopper::aws {
namespace {

namespace fs = std::filesystem;

const fs::path k_suite = fs::path(HOPPER_SOURCE_DIR) / "tests" / "testdata" / "sigv4";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct ParsedRequest {
  std::string method, path, query;
  net::Headers headers;
  std::string body;
};

// request.txt: "METHOD PATH[?QUERY] HTTP/1.1", "Name:value" lines (a line starting with
// whitespace continues the previous value), a blank line, then the body.
ParsedRequest parse_request(const std::string& text) {
  ParsedRequest request;
  const std::size_t line_end = text.find('\n');
  const std::string first = text.substr(0, line_end);
  const std::size_t space = first.find(' ');
  request.method = first.substr(0, space);
  std::string target = first.substr(space + 1, first.rfind(" HTTP/") - space - 1);
  const std::size_t q = target.find('?');
  request.path = target.substr(0, q);
  if (q != std::string::npos) request.query = target.substr(q + 1);
  std::size_t pos = line_end + 1;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty()) {
      request.body = pos < text.size() ? text.substr(pos) : "";
      break;
    }
    if (line.front() == ' ' || line.front() == '\t') {
      request.headers.back().second += "\n" + line;
    } else {
      const std::size_t colon = line.find(':');
      request.headers.emplace_back(line.substr(0, colon), line.substr(colon + 1));
    }
  }
  return request;
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(k_suite)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class SigV4SuiteTest : public ::testing::TestWithParam<std::string> {};

TEST_P(SigV4SuiteTest, MatchesByteForByte) {
  const fs::path dir = k_suite / GetParam();
  const auto context = nlohmann::json::parse(slurp(dir / "context.json"));
  const ParsedRequest request = parse_request(slurp(dir / "request.txt"));

  Credentials credentials;
  credentials.access_key_id = context["credentials"]["access_key_id"];
  credentials.secret_access_key = context["credentials"]["secret_access_key"];
  if (context["credentials"].contains("token")) credentials.session_token = context["credentials"]["token"];

  SigningInput input;
  input.method = request.method;
  input.path = request.path;
  input.query = request.query;
  input.headers = request.headers;
  input.payload = request.body;
  input.region = context["region"];
  input.service = context["service"];
  ASSERT_TRUE(util::parse_iso8601(context["timestamp"].get<std::string>(), input.time));
  input.normalize_path = context.value("normalize", true);
  input.sign_payload_header = context.value("sign_body", false);
  input.omit_session_token = context.value("omit_session_token", false);

  const SigningResult result = sign_v4(input, credentials);
  EXPECT_EQ(result.canonical_request, slurp(dir / "header-canonical-request.txt"));
  EXPECT_EQ(result.string_to_sign, slurp(dir / "header-string-to-sign.txt"));
  EXPECT_EQ(result.signature, slurp(dir / "header-signature.txt"));

  // The signed request, rebuilt from our headers, equals the expected file.
  std::string target = request.path + (request.query.empty() ? "" : "?" + request.query);
  std::string signed_request = request.method + " " + target + " HTTP/1.1\n";
  for (const auto& [name, value] : result.headers) signed_request += name + ":" + value + "\n";
  signed_request += "\n" + request.body;
  EXPECT_EQ(signed_request, slurp(dir / "header-signed-request.txt"));
}

INSTANTIATE_TEST_SUITE_P(AllCases, SigV4SuiteTest, ::testing::ValuesIn(case_names()),
                         [](const auto& param_info) {
                           std::string name = param_info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(SigV4Test, SuiteHasEveryCase) { EXPECT_EQ(case_names().size(), 38u); }

TEST(SigV4Test, SigningKeyMatchesAwsDocumentationExample) {
  // From the AWS General Reference "Examples of how to derive a signing key".
  const std::string key = derive_signing_key("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");
  EXPECT_EQ(util::hex_encode(key), "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
}

TEST(SigV4Test, CanonicalQuerySortsAndEncodesOnce) {
  EXPECT_EQ(canonical_query("b=2&a=1&a=0"), "a=0&a=1&b=2");
  EXPECT_EQ(canonical_query("k=a%20b"), "k=a%20b");
  EXPECT_EQ(canonical_query("k=a b"), "k=a%20b");
  EXPECT_EQ(canonical_query("flag"), "flag=");
  EXPECT_EQ(canonical_query(""), "");
}

}  // namespace
}  // namespace hopper::aws

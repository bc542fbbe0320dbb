// The boot scripts sign their SSM and ECR calls themselves (curl + openssl). Their signer must
// produce byte-identical Authorization headers to hopper's C++ sign_v4 (itself checked against
// the 38 official vectors) for the same request, time and credentials.
#include <gtest/gtest.h>

#include <chrono>

#include "aws/core/sigv4.hpp"
#include "bootstrap/scripts/scripts.hpp"
#include "support/temp_dir.hpp"
#include "unit/bootstrap/bootstrap_test_support.hpp"
#include "util/strings.hpp"

namespace hopper::bootstrap {
namespace {

struct Case {
  std::string host;
  std::string region;
  std::string service;
  std::string target;
  std::string payload;
  std::string session_token;
};

std::string shell_authorization(const Case& c, const std::string& amz_date, const aws::Credentials& credentials) {
  test::TempDir dir;
  const auto lib = dir.write("lib.sh", std::string(scripts::lib_sh()));
  std::string headers = "'content-type:application/x-amz-json-1.1' 'host:" + c.host + "' 'x-amz-date:" + amz_date +
                        "' 'x-amz-target:" + c.target + "'";
  if (!c.session_token.empty()) headers += " 'x-amz-security-token:" + c.session_token + "'";
  util::ProcessOptions options;
  options.env["AWS_ACCESS_KEY_ID"] = credentials.access_key_id;
  options.env["AWS_SECRET_ACCESS_KEY"] = credentials.secret_access_key;
  options.env["PAYLOAD"] = c.payload;
  const auto result = test::run_program(
      {"bash", "-c",
       ". '" + lib.string() + "' && sigv4_authorization POST / " + c.region + " " + c.service + " " + amz_date +
           " \"$PAYLOAD\" " + headers},
      options);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return result.out;
}

std::string cpp_authorization(const Case& c, std::chrono::system_clock::time_point time,
                              const aws::Credentials& credentials) {
  aws::SigningInput input;
  input.method = "POST";
  input.path = "/";
  input.headers = {{"Host", c.host}, {"Content-Type", "application/x-amz-json-1.1"}, {"X-Amz-Target", c.target}};
  input.payload = c.payload;
  input.region = c.region;
  input.service = c.service;
  input.time = time;
  return aws::sign_v4(input, credentials).authorization;
}

TEST(SigV4ShellTest, ByteIdenticalToTheCppSigner) {
  const auto time = std::chrono::system_clock::from_time_t(1'767'225'600) + std::chrono::seconds(3723);
  const std::string amz_date = aws::amz_date(time);
  ASSERT_EQ(amz_date, "20260101T010203Z");
  const std::vector<Case> cases = {
      {"ssm.eu-west-1.amazonaws.com", "eu-west-1", "ssm", "AmazonSSM.GetParameter",
       R"({"Name":"/hopper/demo/bootstrap/join-token","WithDecryption":true})", "FwoGZXIvYXdzEJr//////////wEaDH+token="},
      {"127.0.0.1:5000", "eu-west-1", "ssm", "AmazonSSM.PutParameter",
       R"({"Name":"/hopper/demo/bootstrap/join-token","Value":"abcdef.0123456789abcdef","Type":"SecureString","Overwrite":true})",
       ""},
      {"api.ecr.us-west-2.amazonaws.com", "us-west-2", "ecr",
       "AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken", "{}", "session/with+odd=chars"},
      {"ssm.cn-north-1.amazonaws.com.cn", "cn-north-1", "ssm", "AmazonSSM.GetParameter", "", "t"},
  };
  for (const auto& c : cases) {
    aws::Credentials credentials;
    credentials.access_key_id = "ASIAEXAMPLEKEY123456";
    credentials.secret_access_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    credentials.session_token = c.session_token;
    const std::string expected = cpp_authorization(c, time, credentials);
    EXPECT_EQ(shell_authorization(c, amz_date, credentials), expected) << c.host << " " << c.target;
    EXPECT_NE(expected.find("Credential=ASIAEXAMPLEKEY123456/20260101/" + c.region + "/" + c.service + "/aws4_request"),
              std::string::npos)
        << expected;
    if (!c.session_token.empty()) {
      EXPECT_NE(expected.find("x-amz-security-token"), std::string::npos) << expected;
    }
  }
}

}  // namespace
}  // namespace hopper::bootstrap

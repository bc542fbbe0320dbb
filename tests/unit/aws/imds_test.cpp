// ImdsClient (IMDSv2 only) and the instance-role step of the credential chain, against a
// RecordingTransport that plays the metadata service.
#include "aws/core/imds.hpp"

#include <map>

#include <gtest/gtest.h>

#include "aws/core/config.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws {
namespace {

using Vars = std::map<std::string, std::string>;
using Answer = test::RecordingTransport::Answer;
using namespace std::chrono_literals;

EnvLookup lookup(Vars variables) {
  return [vars = std::move(variables)](const std::string& name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

const Vars k_loopback{{"AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:1338"}};

std::string header(const net::HttpRequest& request, const char* name) {
  return net::find_header(request.headers, name).value_or("<absent>");
}

TEST(ImdsTest, FetchesATokenWithTheTtlHeaderThenGetsWithIt) {
  test::RecordingTransport transport;
  transport.push(Answer::ok("TOKEN-1"));
  transport.push(Answer::ok("eu-west-1"));
  transport.push(Answer::ok("i-0123"));
  ImdsClient imds(transport, lookup(k_loopback));
  auto region = imds.get("meta-data/placement/region");
  ASSERT_TRUE(region.ok()) << region.error().message();
  EXPECT_EQ(*region, "eu-west-1");
  auto id = imds.get("meta-data/instance-id");
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(*id, "i-0123");

  const auto requests = transport.requests();
  ASSERT_EQ(requests.size(), 3u);  // one token for both GETs
  EXPECT_EQ(requests[0].method, "PUT");
  EXPECT_EQ(requests[0].url, "http://127.0.0.1:1338/latest/api/token");
  EXPECT_EQ(header(requests[0], "X-aws-ec2-metadata-token-ttl-seconds"), "21600");
  EXPECT_EQ(header(requests[0], "X-aws-ec2-metadata-token"), "<absent>");
  for (std::size_t i : {1u, 2u}) {
    EXPECT_EQ(requests[i].method, "GET");
    EXPECT_EQ(header(requests[i], "X-aws-ec2-metadata-token"), "TOKEN-1");
  }
  EXPECT_EQ(requests[1].url, "http://127.0.0.1:1338/latest/meta-data/placement/region");
  EXPECT_EQ(requests[2].url, "http://127.0.0.1:1338/latest/meta-data/instance-id");
  // Default timeout: one second, for connecting and in total.
  EXPECT_EQ(requests[0].connect_timeout, 1000ms);
  EXPECT_EQ(requests[0].total_timeout, 1000ms);
}

TEST(ImdsTest, EndpointFromTheEnvironment) {
  test::RecordingTransport transport;
  EXPECT_EQ(ImdsClient(transport, lookup({})).endpoint(), "http://169.254.169.254");
  EXPECT_EQ(ImdsClient(transport, lookup({{"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv6"}})).endpoint(),
            "http://[fd00:ec2::254]");
  EXPECT_EQ(ImdsClient(transport, lookup({{"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "ipv4"}})).endpoint(),
            "http://169.254.169.254");
  EXPECT_EQ(ImdsClient(transport, lookup({{"AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:8/"},
                                          {"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv6"}}))
                .endpoint(),
            "http://127.0.0.1:8");
  EXPECT_TRUE(transport.requests().empty());
}

TEST(ImdsTest, AnExpiredTokenIsReplacedOnce) {
  test::RecordingTransport transport;
  transport.push(Answer::ok("TOKEN-1"));
  transport.push(Answer::ok("", 401));
  transport.push(Answer::ok("TOKEN-2"));
  transport.push(Answer::ok("answer"));
  ImdsClient imds(transport, lookup(k_loopback));
  auto body = imds.get("meta-data/instance-id");
  ASSERT_TRUE(body.ok()) << body.error().message();
  EXPECT_EQ(*body, "answer");
  const auto requests = transport.requests();
  ASSERT_EQ(requests.size(), 4u);
  EXPECT_EQ(requests[2].method, "PUT");
  EXPECT_EQ(header(requests[3], "X-aws-ec2-metadata-token"), "TOKEN-2");

  // Rejected again with the new token: an error, not a loop.
  test::RecordingTransport stubborn;
  stubborn.set_fallback([](const net::HttpRequest& request) {
    return request.method == "PUT" ? Answer::ok("TOKEN") : Answer::ok("", 401);
  });
  ImdsClient picky(stubborn, lookup(k_loopback));
  auto refused = picky.get("meta-data/instance-id");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message().find("401"), std::string::npos) << refused.error().message();
  EXPECT_EQ(stubborn.requests().size(), 4u);  // PUT, GET, PUT, GET
}

TEST(ImdsTest, ARefusedTokenNeverFallsBackToImdsV1) {
  for (int status : {400, 403, 404, 405}) {
    SCOPED_TRACE(status);
    test::RecordingTransport transport;
    transport.set_fallback([status](const net::HttpRequest& request) {
      return request.method == "PUT" ? Answer::ok("", status) : Answer::ok("v1-answer");
    });
    ImdsClient imds(transport, lookup(k_loopback));
    auto body = imds.get("meta-data/iam/security-credentials/");
    ASSERT_FALSE(body.ok());
    EXPECT_NE(body.error().message().find("refused a session token (HTTP " + std::to_string(status) + ")"),
              std::string::npos)
        << body.error().message();
    const auto requests = transport.requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].method, "PUT");
  }
}

TEST(ImdsTest, NoAnswerToTheTokenRequestIsAnError) {
  for (auto kind : {net::TransportError::Kind::timeout, net::TransportError::Kind::connect}) {
    test::RecordingTransport transport;
    transport.push(Answer::fail(kind));
    ImdsClient imds(transport, lookup(k_loopback));
    EXPECT_FALSE(imds.get("meta-data/instance-id").ok());
    EXPECT_EQ(transport.requests().size(), 1u);
  }
}

TEST(ImdsTest, DisabledMeansNeverContacted) {
  for (const char* value : {"true", "TRUE", " true "}) {
    SCOPED_TRACE(value);
    test::RecordingTransport transport;
    Vars env = k_loopback;
    env["AWS_EC2_METADATA_DISABLED"] = value;
    ImdsClient imds(transport, lookup(env));
    EXPECT_FALSE(imds.enabled());
    auto body = imds.get("meta-data/instance-id");
    ASSERT_FALSE(body.ok());
    EXPECT_NE(body.error().message().find("AWS_EC2_METADATA_DISABLED"), std::string::npos);
    EXPECT_TRUE(transport.requests().empty());
  }
  test::RecordingTransport transport;
  EXPECT_TRUE(ImdsClient(transport, lookup({{"AWS_EC2_METADATA_DISABLED", "false"}})).enabled());
}

TEST(ImdsTest, TimeoutAndAttemptsFromTheEnvironment) {
  struct Case {
    const char* timeout;
    std::chrono::milliseconds expected;
  };
  for (const Case& c : {Case{"1.5", 1500ms}, Case{"3", 3000ms}, Case{"abc", 1000ms}, Case{"0", 1000ms},
                        Case{"-2", 1000ms}}) {
    SCOPED_TRACE(c.timeout);
    test::RecordingTransport transport;
    Vars env = k_loopback;
    env["AWS_METADATA_SERVICE_TIMEOUT"] = c.timeout;
    ImdsClient imds(transport, lookup(env));
    (void)imds.get("meta-data/instance-id");
    ASSERT_FALSE(transport.requests().empty());
    EXPECT_EQ(transport.requests()[0].connect_timeout, c.expected);
    EXPECT_EQ(transport.requests()[0].total_timeout, c.expected);
  }

  // Three attempts: two 500s, then the token.
  test::RecordingTransport transport;
  transport.push(Answer::ok("", 500));
  transport.push(Answer::ok("", 503));
  transport.push(Answer::ok("TOKEN"));
  transport.push(Answer::ok("i-1"));
  Vars env = k_loopback;
  env["AWS_METADATA_SERVICE_NUM_ATTEMPTS"] = "3";
  ImdsClient imds(transport, lookup(env));
  auto id = imds.get("meta-data/instance-id");
  ASSERT_TRUE(id.ok()) << id.error().message();
  EXPECT_EQ(transport.requests().size(), 4u);

  // One attempt by default: a 500 is final.
  test::RecordingTransport once;
  once.set_fallback([](const net::HttpRequest&) { return Answer::ok("", 500); });
  ImdsClient single(once, lookup(k_loopback));
  EXPECT_FALSE(single.get("meta-data/instance-id").ok());
  EXPECT_EQ(once.requests().size(), 1u);
}

// --- The instance-role step of the chain ---

class ImdsChainTest : public ::testing::Test {
 protected:
  std::shared_ptr<CredentialProvider> chain() {
    Vars env = k_loopback;
    env["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials";
    env["AWS_CONFIG_FILE"] = "/nonexistent/config";
    ConfigInputs inputs;
    inputs.env = lookup(env);
    auto config = resolve_config(inputs);
    EXPECT_TRUE(config.ok());
    return make_credential_chain(*config, m_transport, m_clock);
  }
  // Serves a role `role` whose credentials answer `credentials_json()`.
  void serve(const std::string& role, std::function<std::string()> credentials_json) {
    m_transport.set_fallback([role, credentials_json](const net::HttpRequest& request) {
      if (request.method == "PUT") return Answer::ok("TOKEN");
      if (net::find_header(request.headers, "X-aws-ec2-metadata-token").value_or("") != "TOKEN") {
        return Answer::ok("", 401);
      }
      const std::string prefix = "http://127.0.0.1:1338/latest/meta-data/iam/security-credentials/";
      if (request.url == prefix) return Answer::ok(role + "\n");
      if (request.url == prefix + role) return Answer::ok(credentials_json());
      return Answer::ok("", 404);
    });
  }
  int gets() const {
    int n = 0;
    for (const auto& r : m_transport.requests()) n += r.method == "GET" ? 1 : 0;
    return n;
  }

  test::RecordingTransport m_transport;
  test::FakeClock m_clock;  // 2026-01-01T00:00:00Z
};

TEST_F(ImdsChainTest, InstanceRoleCredentialsWithExpirationAreRefreshed) {
  int served = 0;
  serve("node-role", [&served] {
    ++served;
    const std::string expiration = served == 1 ? "2026-01-01T00:20:00Z" : "2026-01-01T06:00:00Z";
    return R"({"Code": "Success", "LastUpdated": "2025-12-31T23:59:00Z", "Type": "AWS-HMAC",
               "AccessKeyId": "ASIAROLE)" + std::to_string(served) + R"(", "SecretAccessKey": "role-secret",
               "Token": "role-token", "Expiration": ")" + expiration + "\"}";
  });
  auto provider = chain();
  auto first = provider->credentials();
  ASSERT_TRUE(first.ok()) << first.error().message();
  EXPECT_EQ(first->access_key_id, "ASIAROLE1");
  EXPECT_EQ(first->session_token, "role-token");
  EXPECT_EQ(first->source, "instance role node-role");
  ASSERT_TRUE(first->expiration.has_value());
  EXPECT_EQ(util::format_iso8601(*first->expiration), "2026-01-01T00:20:00Z");
  EXPECT_EQ(gets(), 2);  // the role listing, then its credentials

  m_clock.advance(5min);  // 15 min left
  EXPECT_EQ(provider->credentials()->access_key_id, "ASIAROLE1");
  EXPECT_EQ(gets(), 2);
  m_clock.advance(6min);  // 9 min left
  EXPECT_EQ(provider->credentials()->access_key_id, "ASIAROLE2");
  EXPECT_EQ(gets(), 4);
  // Only one token for all of it.
  int puts = 0;
  for (const auto& r : m_transport.requests()) puts += r.method == "PUT" ? 1 : 0;
  EXPECT_EQ(puts, 1);
}

TEST_F(ImdsChainTest, NoRoleAttachedMeansNothingFound) {
  m_transport.set_fallback([](const net::HttpRequest& request) {
    return request.method == "PUT" ? Answer::ok("TOKEN") : Answer::ok("", 404);
  });
  auto c = chain()->credentials();
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().exit_code(), util::ExitCode::credentials);
  EXPECT_NE(c.error().message().find("no AWS credentials found"), std::string::npos) << c.error().message();
  EXPECT_NE(c.error().message().find("instance metadata at http://127.0.0.1:1338"), std::string::npos);

  m_transport.set_fallback([](const net::HttpRequest& request) {
    return request.method == "PUT" ? Answer::ok("TOKEN") : Answer::ok("");
  });
  EXPECT_FALSE(chain()->credentials().ok());
}

TEST_F(ImdsChainTest, AFailedOrGarbledRoleAnswerIsAnErrorWithoutSecrets) {
  for (const std::string& body : {std::string(R"({"Code": "AssumeRoleUnauthorizedAccess", "SecretAccessKey": "s3cr3t-role"})"),
                                 std::string("<html>503</html>"), std::string(R"({"Code": "Success"})"),
                                 std::string(R"({"Code": "Success", "AccessKeyId": "A", "SecretAccessKey": "s3cr3t-role",
                                                 "Expiration": "soon"})")}) {
    SCOPED_TRACE(body);
    serve("r", [body] { return body; });
    auto c = chain()->credentials();
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().exit_code(), util::ExitCode::credentials);
    EXPECT_NE(c.error().message().find("instance role r"), std::string::npos) << c.error().message();
    EXPECT_EQ(c.error().message().find("s3cr3t-role"), std::string::npos) << c.error().message();
  }
}

TEST_F(ImdsChainTest, ARoleWhoseCredentialsDoNotComeIsACredentialsError) {
  m_transport.set_fallback([](const net::HttpRequest& request) {
    if (request.method == "PUT") return Answer::ok("TOKEN");
    if (request.url.ends_with("/security-credentials/")) return Answer::ok("node-role");
    return Answer::ok("", 500);
  });
  auto c = chain()->credentials();
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().exit_code(), util::ExitCode::credentials);
  EXPECT_NE(c.error().message().find("instance role node-role"), std::string::npos) << c.error().message();
}

}  // namespace
}  // namespace hopper::aws

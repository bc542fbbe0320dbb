// Instance-role credentials over real HTTP (CurlTransport) from a fake IMDSv2 on loopback
// (cpp-httplib), found through AWS_EC2_METADATA_SERVICE_ENDPOINT as on EC2: the token PUT with
// its TTL header, the role listing, the credentials JSON, a 401 answered with one new token, no
// IMDSv1 fallback, AWS_EC2_METADATA_DISABLED, and the timeout.
#include <httplib.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>

#include "aws/core/config.hpp"
#include "net/curl_transport.hpp"
#include "support/fake_clock.hpp"
#include "support/scripted_server.hpp"

namespace hopper::aws {
namespace {

using namespace std::chrono_literals;

struct Seen {
  std::string method;
  std::string path;
  std::string token;  // X-aws-ec2-metadata-token ("" when absent)
  std::string ttl;    // X-aws-ec2-metadata-token-ttl-seconds ("" when absent)
};

// A fake instance metadata service with one role.
class FakeImds {
 public:
  FakeImds() {
    m_server.Put("/latest/api/token", [this](const httplib::Request& request, httplib::Response& response) {
      record(request);
      if (m_token_status != 200) {
        response.status = m_token_status;
        return;
      }
      std::lock_guard lock(m_mutex);
      m_current = "TOKEN-" + std::to_string(++m_issued);
      response.set_content(m_current, "text/plain");
    });
    m_server.Get(R"(/latest/meta-data/iam/security-credentials/(.*))",
                 [this](const httplib::Request& request, httplib::Response& response) {
                   record(request);
                   std::lock_guard lock(m_mutex);
                   const std::string token = request.get_header_value("X-aws-ec2-metadata-token");
                   if (token.empty() || token != m_current || (m_expire_first_token && m_current == "TOKEN-1")) {
                     response.status = 401;
                     return;
                   }
                   const std::string role = request.matches[1];
                   if (role.empty()) {
                     response.set_content("node-role\n", "text/plain");
                   } else if (role == "node-role") {
                     response.set_content(R"({"Code": "Success", "LastUpdated": "2025-12-31T23:00:00Z", "Type": "AWS-HMAC",
                        "AccessKeyId": "ASIAFAKEIMDS", "SecretAccessKey": "imds-secret", "Token": "imds-session-token",
                        "Expiration": "2026-01-01T06:00:00Z"})",
                                          "application/json");
                   } else {
                     response.status = 404;
                   }
                 });
    m_port = m_server.bind_to_any_port("127.0.0.1");
    m_thread = std::thread([this] { m_server.listen_after_bind(); });
    while (!m_server.is_running()) std::this_thread::sleep_for(1ms);
  }
  ~FakeImds() {
    m_server.stop();
    m_thread.join();
  }

  std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(m_port); }
  std::vector<Seen> seen() const {
    std::lock_guard lock(m_mutex);
    return m_seen;
  }
  void refuse_tokens(int status) { m_token_status = status; }
  void expire_first_token() { m_expire_first_token = true; }

 private:
  void record(const httplib::Request& request) {
    std::lock_guard lock(m_mutex);
    m_seen.push_back({request.method, request.path, request.get_header_value("X-aws-ec2-metadata-token"),
                      request.get_header_value("X-aws-ec2-metadata-token-ttl-seconds")});
  }

  httplib::Server m_server;
  int m_port = 0;
  std::thread m_thread;
  mutable std::mutex m_mutex;
  std::vector<Seen> m_seen;
  std::atomic<int> m_token_status{200};
  std::atomic<bool> m_expire_first_token{false};
  int m_issued = 0;
  std::string m_current;
};

class ImdsServerTest : public ::testing::Test {
 protected:
  // The chain with nothing but instance metadata at `endpoint` to find.
  util::Result<Credentials> resolve(const std::string& endpoint, std::map<std::string, std::string> extra = {}) {
    std::map<std::string, std::string> env = {{"AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials"},
                                              {"AWS_CONFIG_FILE", "/nonexistent/config"},
                                              {"AWS_EC2_METADATA_SERVICE_ENDPOINT", endpoint}};
    for (auto& [k, v] : extra) env[k] = v;
    ConfigInputs inputs;
    inputs.env = [env](const std::string& name) -> std::optional<std::string> {
      const auto it = env.find(name);
      return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    auto config = resolve_config(inputs);
    if (!config) return std::move(config).error();
    return make_credential_chain(*config, m_transport, m_clock)->credentials();
  }

  net::CurlTransport m_transport;
  test::FakeClock m_clock;  // 2026-01-01T00:00:00Z
};

TEST_F(ImdsServerTest, TokenThenRoleThenCredentials) {
  FakeImds imds;
  auto c = resolve(imds.endpoint() + "/");
  ASSERT_TRUE(c.ok()) << c.error().message();
  EXPECT_EQ(c->access_key_id, "ASIAFAKEIMDS");
  EXPECT_EQ(c->secret_access_key, "imds-secret");
  EXPECT_EQ(c->session_token, "imds-session-token");
  EXPECT_EQ(c->source, "instance role node-role");
  ASSERT_TRUE(c->expiration.has_value());
  EXPECT_EQ(util::format_iso8601(*c->expiration), "2026-01-01T06:00:00Z");

  const auto seen = imds.seen();
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].method, "PUT");
  EXPECT_EQ(seen[0].path, "/latest/api/token");
  EXPECT_EQ(seen[0].ttl, "21600");
  EXPECT_EQ(seen[0].token, "");
  EXPECT_EQ(seen[1].method, "GET");
  EXPECT_EQ(seen[1].path, "/latest/meta-data/iam/security-credentials/");
  EXPECT_EQ(seen[1].token, "TOKEN-1");
  EXPECT_EQ(seen[2].path, "/latest/meta-data/iam/security-credentials/node-role");
  EXPECT_EQ(seen[2].token, "TOKEN-1");
}

TEST_F(ImdsServerTest, A401GetsOneNewToken) {
  FakeImds imds;
  imds.expire_first_token();
  auto c = resolve(imds.endpoint());
  ASSERT_TRUE(c.ok()) << c.error().message();
  const auto seen = imds.seen();
  ASSERT_EQ(seen.size(), 5u);
  EXPECT_EQ(seen[0].method, "PUT");
  EXPECT_EQ(seen[1].token, "TOKEN-1");  // answered 401
  EXPECT_EQ(seen[2].method, "PUT");
  EXPECT_EQ(seen[3].token, "TOKEN-2");
  EXPECT_EQ(seen[4].token, "TOKEN-2");
}

TEST_F(ImdsServerTest, ARefusedTokenNeverLeadsToATokenlessGet) {
  for (int status : {403, 404, 405}) {
    SCOPED_TRACE(status);
    FakeImds imds;
    imds.refuse_tokens(status);
    auto c = resolve(imds.endpoint());
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().exit_code(), util::ExitCode::credentials);
    EXPECT_NE(c.error().message().find("instance metadata at " + imds.endpoint()), std::string::npos)
        << c.error().message();
    const auto seen = imds.seen();
    ASSERT_FALSE(seen.empty());
    for (const auto& s : seen) {
      EXPECT_EQ(s.method, "PUT") << s.path;  // no GET at all, so certainly none without a token
      EXPECT_EQ(s.ttl, "21600");
    }
  }
}

TEST_F(ImdsServerTest, DisabledMeansNeverContacted) {
  FakeImds imds;
  auto c = resolve(imds.endpoint(), {{"AWS_EC2_METADATA_DISABLED", "true"}});
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message().find("instance metadata (disabled by AWS_EC2_METADATA_DISABLED)"), std::string::npos)
      << c.error().message();
  EXPECT_TRUE(imds.seen().empty());
}

TEST_F(ImdsServerTest, ASilentServiceIsGivenUpOnAfterTheTimeout) {
  test::ScriptedServer silent;
  silent.set_fallback(test::ScriptedStep::hang());
  const auto started = std::chrono::steady_clock::now();
  auto c = resolve(silent.endpoint(), {{"AWS_METADATA_SERVICE_TIMEOUT", "1"}});
  const auto elapsed = std::chrono::steady_clock::now() - started;
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().exit_code(), util::ExitCode::credentials);
  EXPECT_LT(elapsed, 10s);  // about one second; the bound is generous on purpose
  const auto requests = silent.requests();
  ASSERT_EQ(requests.size(), 1u);  // one attempt by default
  EXPECT_EQ(requests[0].method, "PUT");
  EXPECT_EQ(requests[0].target, "/latest/api/token");
}

}  // namespace
}  // namespace hopper::aws

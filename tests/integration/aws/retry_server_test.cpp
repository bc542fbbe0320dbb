// Retries over real HTTP: a Session on CurlTransport against a ScriptedServer that answers each
// connection with the next scripted step (throttling, 5xx, truncated bodies, dropped connections,
// silence). Waits go to a FakeClock with a ScriptedRandom, so the exact backoff is asserted and
// nothing sleeps for real except the timeout tests (about a second each).
#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>

#include "aws/autoscaling/groups.hpp"
#include "aws/core/session.hpp"
#include "aws/ec2/vpcs.hpp"
#include "aws/iam/roles.hpp"
#include "aws/ssm/parameters.hpp"
#include "aws/sts/caller_identity.hpp"
#include "net/curl_transport.hpp"
#include "support/fake_clock.hpp"
#include "support/moto.hpp"
#include "support/scripted_server.hpp"

namespace hopper::aws {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;
using test::ScriptedStep;

const std::string k_vpcs =
    "<DescribeVpcsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r-1</requestId><vpcSet>"
    "<item><vpcId>vpc-0a1b2c3d</vpcId><cidrBlock>10.0.0.0/16</cidrBlock><state>available</state></item>"
    "</vpcSet></DescribeVpcsResponse>";
const std::string k_create_vpc =
    "<CreateVpcResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r-2</requestId><vpc>"
    "<vpcId>vpc-0new</vpcId><cidrBlock>10.1.0.0/16</cidrBlock><state>pending</state></vpc></CreateVpcResponse>";
const std::string k_role =
    "<GetRoleResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><GetRoleResult><Role><RoleName>nodes</RoleName>"
    "<Arn>arn:aws:iam::123456789012:role/nodes</Arn></Role></GetRoleResult><ResponseMetadata><RequestId>r-3</RequestId>"
    "</ResponseMetadata></GetRoleResponse>";
const std::string k_parameter = R"({"Parameter": {"Name": "/hopper/x", "Type": "SecureString", "Value": "v", "Version": 3}})";
const std::string k_identity =
    "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/t</Arn>"
    "<UserId>AIDA</UserId><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>";

std::string ec2_error(const std::string& code) {
  return "<Response><Errors><Error><Code>" + code + "</Code><Message>m</Message></Error></Errors><RequestID>e</RequestID></Response>";
}
std::string query_error(const std::string& code) {
  return "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>m</Message></Error>"
         "<RequestId>q</RequestId></ErrorResponse>";
}

// A FakeClock that runs a hook (once) the first time someone sleeps on it.
class HookClock final : public util::Clock {
 public:
  WallTime wall_now() const override { return m_fake.wall_now(); }
  Instant now() const override { return m_fake.now(); }
  void sleep_for(milliseconds duration) override {
    m_fake.sleep_for(duration);
    std::function<void()> hook;
    {
      std::lock_guard lock(m_mutex);
      std::swap(hook, m_on_sleep);
    }
    if (hook) hook();
  }
  void on_first_sleep(std::function<void()> hook) {
    std::lock_guard lock(m_mutex);
    m_on_sleep = std::move(hook);
  }
  std::vector<milliseconds> sleeps() const { return m_fake.sleeps(); }

 private:
  test::FakeClock m_fake;
  std::mutex m_mutex;
  std::function<void()> m_on_sleep;
};

// Credentials that change after each invalidate(): AKID1, AKID2, ...
class CountingProvider final : public CredentialProvider {
 public:
  util::Result<Credentials> credentials() override {
    return Credentials{"AKID" + std::to_string(m_generation.load()), "SECRET", "", std::nullopt, "counting"};
  }
  void invalidate() override { ++m_generation; }

 private:
  std::atomic<int> m_generation{1};
};

SessionOptions fast_options() {
  SessionOptions options;
  options.connect_timeout = 2s;
  options.total_timeout = 5s;
  return options;
}

struct Client {
  explicit Client(const std::string& endpoint, SessionOptions options = fast_options(), std::vector<double> rand = {0.5})
      : random(std::move(rand)) {
    AwsConfig config;
    config.profile = "default";
    for (Service s : k_all_services) config.endpoints[s] = endpoint;
    session = std::make_unique<Session>(config, "eu-west-1", provider, transport, clock, random, options);
    session->set_observer([this](const CallRecord& r) {
      std::lock_guard lock(mutex);
      records.push_back(r);
    });
  }
  CallRecord last() {
    std::lock_guard lock(mutex);
    return records.empty() ? CallRecord{} : records.back();
  }

  net::CurlTransport transport;
  HookClock clock;
  test::ScriptedRandom random;
  std::shared_ptr<CountingProvider> provider = std::make_shared<CountingProvider>();
  std::unique_ptr<Session> session;
  std::mutex mutex;
  std::vector<CallRecord> records;
};

std::string action_of(const test::ReceivedRequest& request) {
  if (auto target = request.header("X-Amz-Target"); !target.empty()) return target.substr(target.find('.') + 1);
  for (const auto& [key, value] : net::parse_form(request.body)) {
    if (key == "Action") return value;
  }
  return "";
}

// --- Retried, then succeeding ---

TEST(RetryServerTest, ThrottlingIsRetriedWithOneSecondJitterThenSucceeds) {
  {
    test::ScriptedServer server;
    server.push(ScriptedStep::respond(503, ec2_error("RequestLimitExceeded")), 2);
    server.push(ScriptedStep::respond(200, k_vpcs));
    Client client(server.endpoint());
    auto vpcs = ec2::describe_vpcs(ec2::Client(*client.session));
    ASSERT_TRUE(vpcs.ok()) << vpcs.error().message();
    ASSERT_EQ(vpcs->size(), 1u);
    EXPECT_EQ(vpcs->front().id, "vpc-0a1b2c3d");
    ASSERT_EQ(server.requests().size(), 3u);
    for (const auto& r : server.requests()) EXPECT_EQ(action_of(r), "DescribeVpcs");
    EXPECT_EQ(client.clock.sleeps(), (std::vector<milliseconds>{500ms, 1000ms}));
    EXPECT_EQ(client.last().attempts, 3);
    EXPECT_EQ(client.last().http_status, 200);
  }
  {
    test::ScriptedServer server;
    server.push(ScriptedStep::respond(400, query_error("Throttling")));
    server.push(ScriptedStep::respond(200, k_role));
    Client client(server.endpoint());
    auto role = iam::get_role(iam::Client(*client.session), "nodes");
    ASSERT_TRUE(role.ok()) << role.error().message();
    EXPECT_EQ(role->arn, "arn:aws:iam::123456789012:role/nodes");
    EXPECT_EQ(server.requests().size(), 2u);
    EXPECT_EQ(client.clock.sleeps(), std::vector<milliseconds>{500ms});
  }
  {
    test::ScriptedServer server;
    server.push(ScriptedStep::respond(400, R"({"__type":"ThrottlingException","message":"Rate exceeded"})",
                                      {{"Content-Type", "application/x-amz-json-1.1"}}));
    server.push(ScriptedStep::respond(200, k_parameter, {{"Content-Type", "application/x-amz-json-1.1"}}));
    Client client(server.endpoint());
    auto parameter = ssm::get_parameter(ssm::Client(*client.session), "/hopper/x", true);
    ASSERT_TRUE(parameter.ok()) << parameter.error().message();
    EXPECT_EQ(parameter->value, "v");
    EXPECT_EQ(parameter->version, 3);
    ASSERT_EQ(server.requests().size(), 2u);
    EXPECT_EQ(server.requests()[1].header("X-Amz-Target"), "AmazonSSM.GetParameter");
    EXPECT_EQ(client.clock.sleeps(), std::vector<milliseconds>{500ms});
  }
}

TEST(RetryServerTest, ServerErrorsAreRetriedWithFiftyMillisecondJitter) {
  test::ScriptedServer server;
  server.push(ScriptedStep::respond(500, ec2_error("InternalError")));
  server.push(ScriptedStep::respond(502, "<html><body>Bad Gateway</body></html>", {{"Content-Type", "text/html"}}));
  server.push(ScriptedStep::respond(503, ec2_error("Unavailable")));
  server.push(ScriptedStep::respond(504, ""));
  server.push(ScriptedStep::respond(200, k_vpcs));
  Client client(server.endpoint());
  auto vpcs = ec2::describe_vpcs(ec2::Client(*client.session));
  ASSERT_TRUE(vpcs.ok()) << vpcs.error().message();
  EXPECT_EQ(server.requests().size(), 5u);
  EXPECT_EQ(client.clock.sleeps(), (std::vector<milliseconds>{25ms, 50ms, 100ms, 200ms}));
  EXPECT_EQ(client.last().attempts, 5);
}

TEST(RetryServerTest, TruncatedBodiesAndDroppedConnectionsAreRetried) {
  test::ScriptedServer server;
  server.push(ScriptedStep::truncated(200, k_vpcs.substr(0, 60), k_vpcs.size()));
  server.push(ScriptedStep::close());
  server.push(ScriptedStep::truncated(503, "<Resp", 400));
  server.push(ScriptedStep::respond(200, k_vpcs));
  Client client(server.endpoint());
  auto vpcs = ec2::describe_vpcs(ec2::Client(*client.session));
  ASSERT_TRUE(vpcs.ok()) << vpcs.error().message();
  EXPECT_EQ(vpcs->size(), 1u);
  EXPECT_EQ(server.requests().size(), 4u);
  EXPECT_EQ(client.clock.sleeps(), (std::vector<milliseconds>{25ms, 50ms, 100ms}));
}

TEST(RetryServerTest, RetryAfterHeaderIsHonoured) {
  test::ScriptedServer server;
  server.push(ScriptedStep::respond(503, ec2_error("RequestLimitExceeded"), {{"x-amz-retry-after", "2500"}}));
  server.push(ScriptedStep::respond(200, k_vpcs));
  Client client(server.endpoint());
  ASSERT_TRUE(ec2::describe_vpcs(ec2::Client(*client.session)).ok());
  EXPECT_EQ(client.clock.sleeps(), std::vector<milliseconds>{2500ms});
}

// --- Giving up ---

TEST(RetryServerTest, GivesUpAfterMaxAttempts) {
  test::ScriptedServer server;
  server.set_fallback(ScriptedStep::respond(503, ec2_error("Unavailable")));
  Client client(server.endpoint());
  auto vpcs = ec2::describe_vpcs(ec2::Client(*client.session));
  ASSERT_FALSE(vpcs.ok());
  EXPECT_EQ(error_code(vpcs.error()), "Unavailable");
  EXPECT_NE(vpcs.error().message().find("(after 5 attempts)"), std::string::npos) << vpcs.error().message();
  EXPECT_EQ(server.requests().size(), 5u);
  EXPECT_EQ(client.clock.sleeps().size(), 4u);

  // AWS_MAX_ATTEMPTS=2, read through SessionOptions::from_config.
  test::ScriptedServer second;
  second.set_fallback(ScriptedStep::close());
  AwsConfig config;
  config.env = [](const std::string& name) -> std::optional<std::string> {
    if (name == "AWS_MAX_ATTEMPTS") return "2";
    return std::nullopt;
  };
  auto options = SessionOptions::from_config(config);
  ASSERT_TRUE(options.ok());
  options->connect_timeout = 2s;
  options->total_timeout = 5s;
  Client limited(second.endpoint(), *options);
  auto dropped = ec2::describe_vpcs(ec2::Client(*limited.session));
  ASSERT_FALSE(dropped.ok());
  EXPECT_EQ(net::transport_error_kind(dropped.error()), net::TransportError::Kind::dropped);
  EXPECT_EQ(second.requests().size(), 2u);
}

TEST(RetryServerTest, NonRetryableErrorsSurfaceAfterExactlyOneRequest) {
  struct Case {
    std::string name;
    ScriptedStep step;
    std::string code;
    std::function<util::Status(Session&)> call;
  };
  const std::vector<Case> cases = {
      {"AccessDenied", ScriptedStep::respond(403, query_error("AccessDenied")), "AccessDenied",
       [](Session& s) -> util::Status {
         auto r = iam::get_role(iam::Client(s), "x");
         return r ? util::Status() : util::Status(r.error());
       }},
      {"ValidationError", ScriptedStep::respond(400, query_error("ValidationError")), "ValidationError",
       [](Session& s) -> util::Status {
         auto r = autoscaling::describe_auto_scaling_groups(autoscaling::Client(s), {"g"});
         return r ? util::Status() : util::Status(r.error());
       }},
      {"InvalidParameterValue", ScriptedStep::respond(400, ec2_error("InvalidParameterValue")), "InvalidParameterValue",
       [](Session& s) -> util::Status {
         auto r = ec2::describe_vpcs(ec2::Client(s));
         return r ? util::Status() : util::Status(r.error());
       }},
      {"unknown 4xx", ScriptedStep::respond(422, ec2_error("SomethingNobodyHasSeen")), "SomethingNobodyHasSeen",
       [](Session& s) -> util::Status {
         auto r = ec2::describe_vpcs(ec2::Client(s));
         return r ? util::Status() : util::Status(r.error());
       }},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    test::ScriptedServer server;
    server.set_fallback(c.step);
    Client client(server.endpoint());
    const util::Status status = c.call(*client.session);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(error_code(status.error()), c.code);
    EXPECT_EQ(server.requests().size(), 1u);
    EXPECT_TRUE(client.clock.sleeps().empty());
  }
}

// --- Non-idempotent creates ---

TEST(RetryServerTest, NonIdempotentCreateIsNotRetriedAfterADroppedConnection) {
  test::ScriptedServer server;
  server.push(ScriptedStep::close());
  server.set_fallback(ScriptedStep::respond(200, k_create_vpc));
  Client client(server.endpoint());
  auto vpc = ec2::create_vpc(ec2::Client(*client.session), "10.1.0.0/16", {{"Name", "x"}});
  ASSERT_FALSE(vpc.ok());
  EXPECT_EQ(net::transport_error_kind(vpc.error()), net::TransportError::Kind::dropped);
  EXPECT_EQ(server.requests().size(), 1u);
  EXPECT_TRUE(client.clock.sleeps().empty());
}

TEST(RetryServerTest, NonIdempotentCreateIsNotRetriedAfterATimeout) {
  test::ScriptedServer server;
  server.push(ScriptedStep::hang());
  server.set_fallback(ScriptedStep::respond(200, k_create_vpc));
  SessionOptions options = fast_options();
  options.total_timeout = 1s;
  Client client(server.endpoint(), options);
  const auto started = std::chrono::steady_clock::now();
  auto vpc = ec2::create_vpc(ec2::Client(*client.session), "10.1.0.0/16", {{"Name", "x"}});
  const auto elapsed = std::chrono::steady_clock::now() - started;
  ASSERT_FALSE(vpc.ok());
  EXPECT_EQ(net::transport_error_kind(vpc.error()), net::TransportError::Kind::timeout);
  EXPECT_EQ(server.requests().size(), 1u);
  EXPECT_LT(elapsed, 10s);
}

TEST(RetryServerTest, NonIdempotentCreateIsRetriedAfterConnectionRefused) {
  const int port = test::free_port();
  ASSERT_GT(port, 0);
  std::unique_ptr<test::ScriptedServer> server;
  Client client("http://127.0.0.1:" + std::to_string(port));
  // Nothing listens for the first attempt; the server comes up while the client waits.
  client.clock.on_first_sleep([&server, port] {
    server = std::make_unique<test::ScriptedServer>(port);
    server->set_fallback(ScriptedStep::respond(200, k_create_vpc));
  });
  auto vpc = ec2::create_vpc(ec2::Client(*client.session), "10.1.0.0/16", {{"Name", "x"}});
  ASSERT_TRUE(vpc.ok()) << vpc.error().message();
  EXPECT_EQ(vpc->id, "vpc-0new");
  ASSERT_NE(server, nullptr);
  EXPECT_EQ(server->requests().size(), 1u);
  EXPECT_EQ(client.clock.sleeps(), std::vector<milliseconds>{25ms});
  EXPECT_EQ(client.last().attempts, 2);
}

// --- Expired credentials ---

TEST(RetryServerTest, ExpiredTokenRefreshesCredentialsAndRetriesOnce) {
  test::ScriptedServer server;
  server.push(ScriptedStep::respond(400, query_error("ExpiredToken")));
  server.push(ScriptedStep::respond(200, k_identity));
  Client client(server.endpoint());
  auto identity = sts::get_caller_identity(*client.session);
  ASSERT_TRUE(identity.ok()) << identity.error().message();
  EXPECT_EQ(identity->account, "123456789012");
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_NE(requests[0].header("Authorization").find("Credential=AKID1/"), std::string::npos);
  EXPECT_NE(requests[1].header("Authorization").find("Credential=AKID2/"), std::string::npos);
  EXPECT_TRUE(client.clock.sleeps().empty());
}

// --- The retry quota ---

TEST(RetryServerTest, RetryQuotaStopsAStormAndRefundsOnSuccess) {
  test::ScriptedServer server;
  server.set_fallback(ScriptedStep::respond(500, ec2_error("InternalError")));
  SessionOptions options = fast_options();
  options.retry.quota_capacity = 20;
  Client client(server.endpoint(), options);
  const ec2::Client ec2(*client.session);
  EXPECT_FALSE(ec2::describe_vpcs(ec2).ok());  // 5 requests, 4 retries x 5 tokens
  EXPECT_EQ(server.requests().size(), 5u);
  EXPECT_EQ(client.session->retry_quota().available(), 0);
  EXPECT_FALSE(ec2::describe_vpcs(ec2).ok());  // the bucket cannot pay: once only
  EXPECT_FALSE(ec2::describe_vpcs(ec2).ok());
  EXPECT_EQ(server.requests().size(), 7u);

  server.set_fallback(ScriptedStep::respond(200, k_vpcs));
  EXPECT_TRUE(ec2::describe_vpcs(ec2).ok());
  EXPECT_EQ(client.session->retry_quota().available(), 1);

  test::ScriptedServer fresh;
  fresh.push(ScriptedStep::respond(503, ec2_error("Unavailable")), 2);
  fresh.push(ScriptedStep::respond(200, k_vpcs));
  Client refunded(fresh.endpoint(), options);
  EXPECT_TRUE(ec2::describe_vpcs(ec2::Client(*refunded.session)).ok());
  EXPECT_EQ(refunded.session->retry_quota().available(), 15);  // 20 - 5 - 5 + 5
}

// --- Timeouts (real waits of about a second) ---

TEST(RetryServerTest, ATimeoutIsRetriedAndASlowButTimelyAnswerIsNot) {
  test::ScriptedServer server;
  server.push(ScriptedStep::hang());
  server.push(ScriptedStep::slow(200ms, 200, k_vpcs));
  SessionOptions options = fast_options();
  options.total_timeout = 1s;
  Client client(server.endpoint(), options);
  const auto started = std::chrono::steady_clock::now();
  auto vpcs = ec2::describe_vpcs(ec2::Client(*client.session));
  const auto elapsed = std::chrono::steady_clock::now() - started;
  ASSERT_TRUE(vpcs.ok()) << vpcs.error().message();
  EXPECT_EQ(server.requests().size(), 2u);
  EXPECT_EQ(client.clock.sleeps(), std::vector<milliseconds>{25ms});
  EXPECT_EQ(client.last().attempts, 2);
  EXPECT_LT(elapsed, 10s);
  // The timeout retry cost 10 tokens; the success gave them back.
  EXPECT_EQ(client.session->retry_quota().available(), 500);
}

// --- Many threads ---

TEST(RetryServerTest, ManyThreadsRetryingThroughOneSession) {
  test::ScriptedServer server;
  for (int i = 0; i < 300; ++i) {
    server.push(i % 15 == 7 ? ScriptedStep::close() : ScriptedStep::respond(200, k_vpcs));
  }
  server.set_fallback(ScriptedStep::respond(200, k_vpcs));
  Client client(server.endpoint());
  constexpr int k_threads = 6;
  constexpr int k_calls = 30;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < k_threads; ++t) {
    threads.emplace_back([&] {
      const ec2::Client ec2(*client.session);
      for (int i = 0; i < k_calls; ++i) {
        if (!ec2::describe_vpcs(ec2).ok()) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  std::lock_guard lock(client.mutex);
  EXPECT_EQ(client.records.size(), static_cast<std::size_t>(k_threads * k_calls));
  int attempts = 0;
  for (const auto& r : client.records) attempts += r.attempts;
  EXPECT_EQ(static_cast<std::size_t>(attempts), server.requests().size());
}

}  // namespace
}  // namespace hopper::aws

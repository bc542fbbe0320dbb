// Session: what is retried and how long it waits (FakeClock + ScriptedRandom, exact sleeps),
// what surfaces at once, non-idempotent calls, ExpiredToken, the retry quota, CallRecords and
// the --debug line, SessionOptions::from_config, and many threads on one Session. All over a
// RecordingTransport: no network, no real sleeps.
#include "aws/core/session.hpp"

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"
#include "util/log.hpp"

namespace hopper::aws {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;
using Answer = test::RecordingTransport::Answer;
using Kind = net::TransportError::Kind;

std::string ec2_error(const std::string& code) {
  return "<Response><Errors><Error><Code>" + code + "</Code><Message>m</Message></Error></Errors>"
         "<RequestID>req-ec2</RequestID></Response>";
}
std::string query_error(const std::string& code) {
  return "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>" + code +
         "</Code><Message>m</Message></Error><RequestId>req-query</RequestId></ErrorResponse>";
}
std::string json_error(const std::string& code) {
  return R"({"__type":"com.amazonaws.ssm#)" + code + R"(","message":"m"})";
}

// Credentials that change after each invalidate(): AKID1, AKID2, ...
class CountingProvider final : public CredentialProvider {
 public:
  util::Result<Credentials> credentials() override {
    return Credentials{"AKID" + std::to_string(m_generation.load()), "SECRET", "TOKEN", std::nullopt, "counting"};
  }
  void invalidate() override {
    ++m_generation;
    ++invalidations;
  }
  std::atomic<int> invalidations{0};

 private:
  std::atomic<int> m_generation{1};
};

struct Harness {
  explicit Harness(SessionOptions options = {}, std::vector<double> rand = {0.5})
      : random(std::move(rand)),
        provider(std::make_shared<CountingProvider>()),
        session(AwsConfig{}, "eu-west-1", provider, transport, clock, random, options) {
    session.set_observer([this](const CallRecord& record) {
      std::lock_guard lock(mutex);
      records.push_back(record);
    });
  }
  std::vector<milliseconds> sleeps() const { return clock.sleeps(); }
  std::size_t sent() const { return transport.requests().size(); }
  CallRecord last_record() {
    std::lock_guard lock(mutex);
    return records.empty() ? CallRecord{} : records.back();
  }

  test::RecordingTransport transport;
  test::FakeClock clock;
  test::ScriptedRandom random;
  std::shared_ptr<CountingProvider> provider;
  Session session;
  std::mutex mutex;
  std::vector<CallRecord> records;
};

std::string access_key_of(const net::HttpRequest& request) {
  const std::string auth = net::find_header(request.headers, "Authorization").value_or("");
  const std::size_t start = auth.find("Credential=") + 11;
  return auth.substr(start, auth.find('/', start) - start);
}

// --- Retried, with the exact waits ---

TEST(SessionTest, Ec2ThrottlingIsRetriedWithOneSecondFullJitter) {
  Harness h({}, {0.5, 0.75});
  h.transport.push(Answer::ok(ec2_error("RequestLimitExceeded"), 503));
  h.transport.push(Answer::ok(ec2_error("RequestLimitExceeded"), 503));
  auto result = h.session.query(Service::ec2, "DescribeVpcs");
  ASSERT_TRUE(result.ok()) << result.error().message();
  EXPECT_EQ(h.sent(), 3u);
  EXPECT_EQ(h.sleeps(), (std::vector<milliseconds>{500ms, 1500ms}));  // 0.5 x 1 s, 0.75 x 2 s
  const CallRecord record = h.last_record();
  EXPECT_EQ(record.attempts, 3);
  EXPECT_EQ(record.http_status, 200);
  EXPECT_TRUE(record.ok);
  EXPECT_EQ(record.error_code, "");
  EXPECT_EQ(record.duration, 2000ms);
}

TEST(SessionTest, QueryAndJsonThrottlingCodesAreRetried) {
  struct Case {
    Service service;
    int status;
    std::string body;
  };
  for (const Case& c : {Case{Service::iam, 400, query_error("Throttling")},
                        Case{Service::sts, 400, query_error("Throttling")},
                        Case{Service::autoscaling, 400, query_error("Throttling")},
                        Case{Service::elbv2, 400, query_error("Throttling")},
                        Case{Service::ssm, 400, json_error("ThrottlingException")},
                        Case{Service::ec2, 400, ec2_error("RequestLimitExceeded")}}) {
    SCOPED_TRACE(c.body);
    Harness h;
    h.transport.push(Answer::ok(c.body, c.status));
    if (c.service == Service::ssm) {
      h.transport.push(Answer::ok("{}"));
      ASSERT_TRUE(h.session.json(c.service, "GetParameter", {{"Name", "x"}}).ok());
    } else {
      ASSERT_TRUE(h.session.query(c.service, "DescribeThings").ok());
    }
    EXPECT_EQ(h.sent(), 2u);
    EXPECT_EQ(h.sleeps(), std::vector<milliseconds>{500ms});
  }
}

TEST(SessionTest, ServerErrorsAreRetriedWithFiftyMillisecondJitter) {
  Harness h;
  h.transport.push(Answer::ok(ec2_error("InternalError"), 500));
  h.transport.push(Answer::ok("<html>Bad Gateway</html>", 502));
  h.transport.push(Answer::ok(ec2_error("Unavailable"), 503));
  h.transport.push(Answer::ok("", 504));
  auto result = h.session.query(Service::ec2, "DescribeVpcs");
  ASSERT_TRUE(result.ok()) << result.error().message();
  EXPECT_EQ(h.sent(), 5u);
  EXPECT_EQ(h.sleeps(), (std::vector<milliseconds>{25ms, 50ms, 100ms, 200ms}));
  EXPECT_EQ(h.last_record().attempts, 5);
}

TEST(SessionTest, TransportFailuresAreRetried) {
  Harness h;
  h.transport.push(Answer::fail(Kind::dropped));
  h.transport.push(Answer::fail(Kind::timeout));
  h.transport.push(Answer::fail(Kind::connect));
  ASSERT_TRUE(h.session.query(Service::ec2, "DescribeVpcs").ok());
  EXPECT_EQ(h.sent(), 4u);
  EXPECT_EQ(h.sleeps(), (std::vector<milliseconds>{25ms, 50ms, 100ms}));
  // A failure that is not about the connection (bad URL, TLS) is final.
  Harness other;
  other.transport.push(Answer::fail(Kind::other));
  EXPECT_FALSE(other.session.query(Service::ec2, "DescribeVpcs").ok());
  EXPECT_EQ(other.sent(), 1u);
}

TEST(SessionTest, RetryAfterHeaderIsHonouredWithinFiveSeconds) {
  Harness h;
  h.transport.push(Answer::ok(ec2_error("RequestLimitExceeded"), 503, {{"x-amz-retry-after", "3000"}}));
  h.transport.push(Answer::ok(ec2_error("RequestLimitExceeded"), 503, {{"X-Amz-Retry-After", "90000"}}));
  h.transport.push(Answer::ok(ec2_error("RequestLimitExceeded"), 503, {{"x-amz-retry-after", "garbage"}}));
  ASSERT_TRUE(h.session.query(Service::ec2, "DescribeVpcs").ok());
  // Computed 500, 1000, 2000 ms; hints 3000 (taken), 90000 (capped at 1000 + 5000), none.
  EXPECT_EQ(h.sleeps(), (std::vector<milliseconds>{3000ms, 6000ms, 2000ms}));
}

TEST(SessionTest, EveryAttemptIsSignedAfresh) {
  Harness h({}, {1.0});
  h.transport.push(Answer::ok(ec2_error("RequestLimitExceeded"), 503));
  ASSERT_TRUE(h.session.query(Service::ec2, "DescribeVpcs").ok());
  const auto requests = h.transport.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(net::find_header(requests[0].headers, "X-Amz-Date").value_or(""), "20260101T000000Z");
  EXPECT_EQ(net::find_header(requests[1].headers, "X-Amz-Date").value_or(""), "20260101T000001Z");
  EXPECT_NE(net::find_header(requests[0].headers, "Authorization"),
            net::find_header(requests[1].headers, "Authorization"));
}

// --- Giving up ---

TEST(SessionTest, GivesUpAfterMaxAttempts) {
  Harness h;
  h.transport.set_fallback([](const net::HttpRequest&) { return Answer::ok(ec2_error("InternalError"), 500); });
  auto result = h.session.query(Service::ec2, "DescribeVpcs");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(h.sent(), 5u);
  EXPECT_EQ(h.sleeps().size(), 4u);
  EXPECT_NE(result.error().message().find("(after 5 attempts)"), std::string::npos) << result.error().message();
  ASSERT_NE(api_error(result.error()), nullptr);
  EXPECT_EQ(api_error(result.error())->code, "InternalError");
  EXPECT_EQ(api_error(result.error())->http_status, 500);
  EXPECT_EQ(h.last_record().attempts, 5);
  EXPECT_FALSE(h.last_record().ok);
  EXPECT_EQ(h.last_record().error_code, "InternalError");

  SessionOptions once;
  once.retry.max_attempts = 1;
  Harness single(once);
  single.transport.set_fallback([](const net::HttpRequest&) { return Answer::fail(Kind::dropped); });
  EXPECT_FALSE(single.session.query(Service::ec2, "DescribeVpcs").ok());
  EXPECT_EQ(single.sent(), 1u);
  EXPECT_TRUE(single.sleeps().empty());
}

TEST(SessionTest, NonRetryableErrorsSurfaceAfterOneRequest) {
  struct Case {
    Service service;
    int status;
    std::string body;
    std::string code;
    util::ExitCode exit_code;
  };
  const std::vector<Case> cases = {
      {Service::iam, 403, query_error("AccessDenied"), "AccessDenied", util::ExitCode::credentials},
      {Service::ec2, 403, ec2_error("UnauthorizedOperation"), "UnauthorizedOperation", util::ExitCode::credentials},
      {Service::ec2, 401, ec2_error("AuthFailure"), "AuthFailure", util::ExitCode::credentials},
      {Service::autoscaling, 400, query_error("ValidationError"), "ValidationError", util::ExitCode::failed},
      {Service::ec2, 400, ec2_error("InvalidParameterValue"), "InvalidParameterValue", util::ExitCode::failed},
      {Service::ec2, 400, ec2_error("SomethingBrandNew"), "SomethingBrandNew", util::ExitCode::failed},
      {Service::ec2, 400, ec2_error("InstanceLimitExceeded"), "InstanceLimitExceeded", util::ExitCode::failed},
      {Service::iam, 404, query_error("NoSuchEntity"), "NoSuchEntity", util::ExitCode::failed},
      {Service::iam, 409, query_error("EntityAlreadyExists"), "EntityAlreadyExists", util::ExitCode::failed},
      {Service::ssm, 400, json_error("ParameterNotFound"), "ParameterNotFound", util::ExitCode::failed},
      {Service::ssm, 400, json_error("AccessDeniedException"), "AccessDeniedException", util::ExitCode::credentials},
      {Service::ec2, 418, "<html>teapot</html>", "HTTP418", util::ExitCode::failed},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.code);
    Harness h;
    h.transport.set_fallback([&c](const net::HttpRequest&) { return Answer::ok(c.body, c.status); });
    const util::Error error = c.service == Service::ssm ? h.session.json(c.service, "GetParameter", {}).error()
                                                        : h.session.query(c.service, "DoThing").error();
    EXPECT_EQ(h.sent(), 1u);
    EXPECT_TRUE(h.sleeps().empty());
    EXPECT_EQ(error_code(error), c.code);
    EXPECT_EQ(error.exit_code(), c.exit_code);
    EXPECT_EQ(error.message().find("attempts"), std::string::npos) << error.message();
    EXPECT_EQ(h.last_record().attempts, 1);
    EXPECT_EQ(h.last_record().http_status, c.status);
  }
}

// --- Non-idempotent creates ---

TEST(SessionTest, NonIdempotentCallsAreNotRetriedWhenAwsMayHaveActed) {
  for (Kind kind : {Kind::dropped, Kind::timeout}) {
    Harness h;
    h.transport.push(Answer::fail(kind));
    auto result = h.session.query(Service::ec2, "CreateVpc", {}, CallOptions{.idempotent = false});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(h.sent(), 1u);
    EXPECT_EQ(net::transport_error_kind(result.error()), kind);
    EXPECT_EQ(h.last_record().http_status, 0);
    EXPECT_EQ(h.last_record().error_code, "NoResponse");
  }
  // Refused: the request never left, so trying again is safe.
  Harness refused;
  refused.transport.push(Answer::fail(Kind::connect));
  ASSERT_TRUE(refused.session.query(Service::ec2, "CreateVpc", {}, CallOptions{.idempotent = false}).ok());
  EXPECT_EQ(refused.sent(), 2u);
  // An AWS answer says AWS did not act: throttling is retried for creates too.
  Harness throttled;
  throttled.transport.push(Answer::ok(ec2_error("RequestLimitExceeded"), 503));
  ASSERT_TRUE(throttled.session.query(Service::ec2, "CreateVpc", {}, CallOptions{.idempotent = false}).ok());
  EXPECT_EQ(throttled.sent(), 2u);
}

// --- Expired credentials ---

TEST(SessionTest, ExpiredTokenInvalidatesTheCredentialsAndRetriesOnce) {
  Harness h;
  h.transport.push(Answer::ok(query_error("ExpiredToken"), 400));
  ASSERT_TRUE(h.session.query(Service::sts, "GetCallerIdentity").ok());
  const auto requests = h.transport.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(access_key_of(requests[0]), "AKID1");
  EXPECT_EQ(access_key_of(requests[1]), "AKID2");
  EXPECT_EQ(h.provider->invalidations.load(), 1);
  EXPECT_TRUE(h.sleeps().empty());

  // Expired again with the fresh ones: surfaces, after exactly two requests.
  Harness twice;
  twice.transport.set_fallback([](const net::HttpRequest&) { return Answer::ok(json_error("ExpiredTokenException"), 400); });
  auto result = twice.session.json(Service::ssm, "GetParameter", {});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(twice.sent(), 2u);
  EXPECT_EQ(twice.provider->invalidations.load(), 1);
  EXPECT_EQ(result.error().exit_code(), util::ExitCode::credentials);
}

TEST(SessionTest, MissingCredentialsAreReportedWithoutARequest) {
  test::RecordingTransport transport;
  test::FakeClock clock;
  test::ScriptedRandom random;
  class NoCredentials final : public CredentialProvider {
   public:
    util::Result<Credentials> credentials() override { return util::Error::credentials("no AWS credentials found"); }
    void invalidate() override {}
  };
  Session session(AwsConfig{}, "eu-west-1", std::make_shared<NoCredentials>(), transport, clock, random);
  std::vector<CallRecord> records;
  session.set_observer([&records](const CallRecord& r) { records.push_back(r); });
  auto result = session.query(Service::sts, "GetCallerIdentity");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().exit_code(), util::ExitCode::credentials);
  EXPECT_TRUE(transport.requests().empty());
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].error_code, "NoCredentials");
  EXPECT_EQ(records[0].http_status, 0);
}

// --- The retry quota ---

TEST(SessionTest, RetryQuotaEmptiesUnderAStormAndStopsRetries) {
  Harness h;
  h.transport.set_fallback([](const net::HttpRequest&) { return Answer::ok(ec2_error("InternalError"), 500); });
  // Each failing call takes 4 retries x 5 tokens: 25 calls drain the 500.
  for (int i = 0; i < 25; ++i) EXPECT_FALSE(h.session.query(Service::ec2, "DescribeVpcs").ok());
  EXPECT_EQ(h.sent(), 125u);
  EXPECT_EQ(h.session.retry_quota().available(), 0);
  // Now every call is tried once only.
  for (int i = 0; i < 10; ++i) EXPECT_FALSE(h.session.query(Service::ec2, "DescribeVpcs").ok());
  EXPECT_EQ(h.sent(), 135u);
  EXPECT_EQ(h.sleeps().size(), 100u);
  // First-try successes put one token back each; 5 of them pay for one retry again.
  h.transport.set_fallback([](const net::HttpRequest&) { return Answer::ok("<R/>"); });
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(h.session.query(Service::ec2, "DescribeVpcs").ok());
  EXPECT_EQ(h.session.retry_quota().available(), 5);
  h.transport.push(Answer::ok(ec2_error("InternalError"), 500));
  h.transport.push(Answer::ok(ec2_error("InternalError"), 500));
  EXPECT_FALSE(h.session.query(Service::ec2, "DescribeVpcs").ok());
  EXPECT_EQ(h.sent(), 140u + 2u);  // one retry paid, the second refused
  EXPECT_EQ(h.session.retry_quota().available(), 0);
}

TEST(SessionTest, ASuccessAfterRetriesRefundsTheLastAcquisition) {
  SessionOptions options;
  options.retry.quota_capacity = 40;
  Harness h(options);
  h.transport.push(Answer::ok(ec2_error("InternalError"), 500));
  h.transport.push(Answer::fail(Kind::timeout));
  ASSERT_TRUE(h.session.query(Service::ec2, "DescribeVpcs").ok());
  // Took 5 then 10; the last (10) came back.
  EXPECT_EQ(h.session.retry_quota().available(), 35);
  // A failure refunds nothing.
  h.transport.push(Answer::ok(ec2_error("InternalError"), 500));
  h.transport.push(Answer::ok(ec2_error("InvalidParameterValue"), 400));
  EXPECT_FALSE(h.session.query(Service::ec2, "DescribeVpcs").ok());
  EXPECT_EQ(h.session.retry_quota().available(), 30);
}

// --- Malformed successes ---

TEST(SessionTest, ASuccessThatIsNotXmlOrJsonIsAMalformedResponseNotRetried) {
  Harness h;
  h.transport.push(Answer::ok("<html><body>Welcome to nginx!</body>"));
  auto xml = h.session.query(Service::ec2, "DescribeVpcs");
  ASSERT_FALSE(xml.ok());
  EXPECT_NE(xml.error().message().find("ec2 DescribeVpcs: malformed response"), std::string::npos)
      << xml.error().message();
  EXPECT_EQ(h.sent(), 1u);

  h.transport.push(Answer::ok("{\"Parameter\": "));
  auto json = h.session.json(Service::ssm, "GetParameter", {});
  ASSERT_FALSE(json.ok());
  EXPECT_NE(json.error().message().find("ssm GetParameter: malformed response"), std::string::npos);
  EXPECT_EQ(h.sent(), 2u);

  h.transport.push(Answer::ok(""));
  auto empty = h.session.json(Service::ssm, "DeleteParameter", {});
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->is_object());
}

TEST(SessionTest, ResultNodeAndRequestId) {
  Harness h;
  h.transport.push(Answer::ok("<GetRoleResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><GetRoleResult>"
                              "<Role><RoleName>r</RoleName></Role></GetRoleResult><ResponseMetadata>"
                              "<RequestId>rid-1</RequestId></ResponseMetadata></GetRoleResponse>"));
  auto iam = h.session.query(Service::iam, "GetRole");
  ASSERT_TRUE(iam.ok());
  EXPECT_EQ(std::string(iam->result().name()), "GetRoleResult");
  EXPECT_EQ(iam->request_id, "rid-1");
  h.transport.push(Answer::ok("<DescribeVpcsResponse><requestId>rid-2</requestId><vpcSet/></DescribeVpcsResponse>"));
  auto ec2 = h.session.query(Service::ec2, "DescribeVpcs");
  ASSERT_TRUE(ec2.ok());
  EXPECT_EQ(std::string(ec2->result().name()), "DescribeVpcsResponse");
  EXPECT_EQ(ec2->request_id, "rid-2");
}

// --- Records and the debug line ---

TEST(SessionTest, OneDebugLinePerCallWithoutSecrets) {
  std::vector<std::string> lines;
  util::set_log_sink([&lines](util::LogLevel, std::string_view line) { lines.emplace_back(line); });
  util::set_log_level(util::LogLevel::debug);
  {
    Harness h;
    h.transport.push(Answer::ok(ec2_error("RequestLimitExceeded"), 503));
    (void)h.session.query(Service::ec2, "DescribeVpcs");
    h.transport.push(Answer::ok(query_error("NoSuchEntity"), 404));
    (void)h.session.query(Service::iam, "GetRole");
    h.transport.push(Answer::fail(Kind::other));
    (void)h.session.query(Service::sts, "GetCallerIdentity");
  }
  util::set_log_level(util::LogLevel::info);
  util::set_log_sink({});
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "aws ec2 DescribeVpcs -> 200 in 500ms (2 attempts)");
  EXPECT_EQ(lines[1], "aws iam GetRole -> 404 in 0ms (1 attempt) NoSuchEntity");
  EXPECT_EQ(lines[2], "aws sts GetCallerIdentity -> no answer in 0ms (1 attempt) NoResponse");
  for (const auto& line : lines) {
    EXPECT_EQ(line.find("SECRET"), std::string::npos);
    EXPECT_EQ(line.find("TOKEN"), std::string::npos);
  }
}

TEST(SessionTest, MutatingActions) {
  for (const char* action : {"DescribeVpcs", "ListRoles", "GetParameter", "GetCallerIdentity"}) {
    EXPECT_FALSE(is_mutating_action(action)) << action;
  }
  for (const char* action : {"CreateVpc", "DeleteVpc", "RunInstances", "PutParameter", "TerminateInstances"}) {
    EXPECT_TRUE(is_mutating_action(action)) << action;
  }
}

// --- Retry settings from the environment and the profile ---

TEST(SessionOptionsTest, MaxAttemptsFromEnvironmentThenProfile) {
  AwsConfig config;
  config.profile = "default";
  config.config_path = "/home/me/.aws/config";
  config.config_file.sections["default"]["max_attempts"] = "7";
  std::map<std::string, std::string> env;
  config.env = [&env](const std::string& name) -> std::optional<std::string> {
    const auto it = env.find(name);
    return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  auto from_profile = SessionOptions::from_config(config);
  ASSERT_TRUE(from_profile.ok()) << from_profile.error().message();
  EXPECT_EQ(from_profile->retry.max_attempts, 7);

  env["AWS_MAX_ATTEMPTS"] = " 3 ";
  auto from_env = SessionOptions::from_config(config);
  ASSERT_TRUE(from_env.ok());
  EXPECT_EQ(from_env->retry.max_attempts, 3);

  for (const char* bad : {"0", "-1", "three", "2.5", "101"}) {
    env["AWS_MAX_ATTEMPTS"] = bad;
    auto rejected = SessionOptions::from_config(config);
    ASSERT_FALSE(rejected.ok()) << bad;
    EXPECT_EQ(rejected.error().exit_code(), util::ExitCode::usage);
    EXPECT_NE(rejected.error().message().find("AWS_MAX_ATTEMPTS"), std::string::npos);
  }
  env.clear();
  config.config_file.sections.clear();
  auto defaults = SessionOptions::from_config(config);
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->retry.max_attempts, 5);

  // And the Session obeys it.
  env["AWS_MAX_ATTEMPTS"] = "3";
  Harness h(*SessionOptions::from_config(config));
  h.transport.set_fallback([](const net::HttpRequest&) { return Answer::ok(ec2_error("InternalError"), 500); });
  EXPECT_FALSE(h.session.query(Service::ec2, "DescribeVpcs").ok());
  EXPECT_EQ(h.sent(), 3u);
}

// --- Many threads, one Session ---

TEST(SessionTest, ManyThreadsShareOneSession) {
  Harness h;
  std::atomic<int> count{0};
  std::mutex seen_mutex;
  std::set<std::string> seen;  // calls whose first attempt was answered
  // The first attempt of every third call fails in some retryable way; its retry succeeds. Keyed
  // by call, not by a global request count, so that no interleaving of the threads can make one
  // call fail again and again and drain the shared retry quota (that made this test flaky).
  h.transport.set_fallback([&count, &seen_mutex, &seen](const net::HttpRequest& request) {
    ++count;
    const auto target = net::find_header(request.headers, "X-Amz-Target");
    const bool json = target.has_value();
    // Unique per call: the target names a JSON call, the body (with its Action) a query call.
    const std::string call = json ? *target : request.body;
    std::string action;
    for (const auto& [key, value] : net::parse_form(request.body)) {
      if (key == "Action") action = value;
    }
    bool first = false;
    {
      std::lock_guard lock(seen_mutex);
      first = seen.insert(call).second;
    }
    const std::size_t bucket = std::hash<std::string>{}(call) % 6;
    if (first && bucket == 0) return Answer::fail(Kind::dropped);
    if (first && bucket == 3) return Answer::ok(ec2_error("RequestLimitExceeded"), 503);
    if (json) return Answer::ok("{}");
    return Answer::ok("<" + action + "Response/>");
  });
  constexpr int k_threads = 8;
  constexpr int k_calls = 40;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < k_threads; ++t) {
    threads.emplace_back([&h, &failures, t] {
      for (int i = 0; i < k_calls; ++i) {
        const std::string action = "Describe" + std::to_string(t) + "x" + std::to_string(i);
        const bool ok = i % 4 == 0 ? h.session.json(Service::ssm, action, {{"i", i}}).ok()
                                   : h.session.query(Service::ec2, action).ok();
        if (!ok) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  std::multiset<std::string> actions;
  {
    std::lock_guard lock(h.mutex);
    for (const auto& record : h.records) {
      actions.insert(record.action);
      EXPECT_TRUE(record.ok);
    }
  }
  EXPECT_EQ(actions.size(), static_cast<std::size_t>(k_threads * k_calls));
  for (int t = 0; t < k_threads; ++t) {
    for (int i = 0; i < k_calls; ++i) {
      EXPECT_EQ(actions.count("Describe" + std::to_string(t) + "x" + std::to_string(i)), 1u);
    }
  }
  EXPECT_EQ(h.sent(), static_cast<std::size_t>(count.load()));
  EXPECT_GT(count.load(), k_threads * k_calls + 20) << "about a third of the calls were retried";
}

}  // namespace
}  // namespace hopper::aws

// The credential chain (make_credential_chain over resolve_config) with an injected environment,
// temporary credentials/config files and credential_process scripts written by the tests. The
// instance-metadata step is disabled here except where a test says otherwise (imds_test.cpp
// covers it in depth).
#include "aws/core/credentials.hpp"

#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "aws/core/config.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"
#include "support/temp_dir.hpp"
#include "util/clock.hpp"

namespace hopper::aws {
namespace {

using Vars = std::map<std::string, std::string>;
using namespace std::chrono_literals;

// A secret that must never appear in any message.
constexpr const char* k_secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRET-NEVER-PRINT";

class CredentialsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_env = {{"AWS_SHARED_CREDENTIALS_FILE", credentials_path()},
             {"AWS_CONFIG_FILE", config_path()},
             {"AWS_EC2_METADATA_DISABLED", "true"}};
  }

  std::string credentials_path() const { return (m_dir.path() / "credentials").string(); }
  std::string config_path() const { return (m_dir.path() / "config").string(); }
  void write_config(const std::string& text) const { m_dir.write("config", text); }
  void write_credentials(const std::string& text) const { m_dir.write("credentials", text); }
  // Writes a credential_process script and returns the command that runs it.
  std::string script(const std::string& name, const std::string& body) const {
    return "/bin/sh " + m_dir.write(name, "#!/bin/sh\n" + body + "\n").string();
  }

  // Resolves the configuration and builds the chain; fails the test if the configuration does
  // not resolve.
  std::shared_ptr<CredentialProvider> chain(std::optional<std::string> profile_flag = std::nullopt) {
    ConfigInputs inputs;
    inputs.profile_flag = std::move(profile_flag);
    inputs.env = [vars = m_env](const std::string& name) -> std::optional<std::string> {
      const auto it = vars.find(name);
      if (it == vars.end()) return std::nullopt;
      return it->second;
    };
    auto config = resolve_config(inputs);
    if (!config) {
      ADD_FAILURE() << config.error().message();
      return static_credentials({});
    }
    m_config = *config;
    return make_credential_chain(*m_config, m_transport, m_clock);
  }

  static void expect_no_secret(const util::Error& error) {
    EXPECT_EQ(error.message().find(k_secret), std::string::npos) << error.message();
  }

  test::TempDir m_dir;
  Vars m_env;
  std::optional<AwsConfig> m_config;
  test::RecordingTransport m_transport;
  test::FakeClock m_clock;
};

// --- Environment ---

TEST_F(CredentialsTest, EnvironmentKeysWithSessionToken) {
  m_env["AWS_ACCESS_KEY_ID"] = "AKIDENV";
  m_env["AWS_SECRET_ACCESS_KEY"] = k_secret;
  m_env["AWS_SESSION_TOKEN"] = "TOKEN-ENV";
  auto c = chain()->credentials();
  ASSERT_TRUE(c.ok()) << c.error().message();
  EXPECT_EQ(c->access_key_id, "AKIDENV");
  EXPECT_EQ(c->secret_access_key, k_secret);
  EXPECT_EQ(c->session_token, "TOKEN-ENV");
  EXPECT_EQ(c->source, "environment");
  EXPECT_FALSE(c->expiration.has_value());
}

TEST_F(CredentialsTest, LegacySecurityTokenIsReadWhenSessionTokenIsAbsent) {
  m_env["AWS_ACCESS_KEY_ID"] = "AKIDENV";
  m_env["AWS_SECRET_ACCESS_KEY"] = k_secret;
  m_env["AWS_SECURITY_TOKEN"] = "TOKEN-LEGACY";
  auto legacy = chain()->credentials();
  ASSERT_TRUE(legacy.ok()) << legacy.error().message();
  EXPECT_EQ(legacy->session_token, "TOKEN-LEGACY");

  m_env["AWS_SESSION_TOKEN"] = "TOKEN-NEW";
  auto both = chain()->credentials();
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both->session_token, "TOKEN-NEW");

  m_env.erase("AWS_SESSION_TOKEN");
  m_env.erase("AWS_SECURITY_TOKEN");
  auto none = chain()->credentials();
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->session_token, "");
}

TEST_F(CredentialsTest, PartialEnvironmentKeysAreACredentialsError) {
  // Even with good keys further down the chain: a half-set environment is a mistake to report.
  write_credentials("[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = file-secret\n");
  m_env["AWS_SECRET_ACCESS_KEY"] = k_secret;
  auto only_secret = chain()->credentials();
  ASSERT_FALSE(only_secret.ok());
  EXPECT_EQ(only_secret.error().exit_code(), util::ExitCode::credentials);
  EXPECT_NE(only_secret.error().message().find("AWS_ACCESS_KEY_ID"), std::string::npos);
  EXPECT_NE(only_secret.error().message().find("AWS_SECRET_ACCESS_KEY"), std::string::npos);
  expect_no_secret(only_secret.error());

  m_env.erase("AWS_SECRET_ACCESS_KEY");
  m_env["AWS_ACCESS_KEY_ID"] = "AKIDENV";
  auto only_id = chain()->credentials();
  ASSERT_FALSE(only_id.ok());
  EXPECT_EQ(only_id.error().exit_code(), util::ExitCode::credentials);
}

TEST_F(CredentialsTest, ProfileFlagSkipsEnvironmentKeysButAwsProfileDoesNot) {
  write_credentials("[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = dev-secret\n");
  m_env["AWS_ACCESS_KEY_ID"] = "AKIDENV";
  m_env["AWS_SECRET_ACCESS_KEY"] = k_secret;

  auto flagged = chain("dev")->credentials();
  ASSERT_TRUE(flagged.ok()) << flagged.error().message();
  EXPECT_EQ(flagged->access_key_id, "AKIDDEV");
  EXPECT_NE(flagged->source.find("dev"), std::string::npos) << flagged->source;

  m_env["AWS_PROFILE"] = "dev";
  auto from_env = chain()->credentials();
  ASSERT_TRUE(from_env.ok()) << from_env.error().message();
  EXPECT_EQ(from_env->access_key_id, "AKIDENV");
}

// --- Files ---

TEST_F(CredentialsTest, CredentialsFileBeatsConfigFileForTheSameProfile) {
  write_credentials("[dev]\naws_access_key_id = AKIDCREDS\naws_secret_access_key = s1\naws_session_token = t1\n");
  write_config("[profile dev]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = s2\n");
  auto both = chain("dev")->credentials();
  ASSERT_TRUE(both.ok()) << both.error().message();
  EXPECT_EQ(both->access_key_id, "AKIDCREDS");
  EXPECT_EQ(both->session_token, "t1");
  EXPECT_NE(both->source.find(credentials_path()), std::string::npos) << both->source;

  write_credentials("[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = s3\n");
  auto config_only = chain("dev")->credentials();
  ASSERT_TRUE(config_only.ok()) << config_only.error().message();
  EXPECT_EQ(config_only->access_key_id, "AKIDCONFIG");
  EXPECT_EQ(config_only->session_token, "");
  EXPECT_NE(config_only->source.find(config_path()), std::string::npos) << config_only->source;
}

TEST_F(CredentialsTest, ConfigFileProfilesNeedThePrefixDefaultDoesNot) {
  write_config(
      "[dev]\naws_access_key_id = AKIDWRONG\naws_secret_access_key = wrong\n"
      "[profile dev]\naws_access_key_id = AKIDPREFIXED\naws_secret_access_key = right\n"
      "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = d\n");
  auto dev = chain("dev")->credentials();
  ASSERT_TRUE(dev.ok()) << dev.error().message();
  EXPECT_EQ(dev->access_key_id, "AKIDPREFIXED");
  auto fallback = chain()->credentials();
  ASSERT_TRUE(fallback.ok()) << fallback.error().message();
  EXPECT_EQ(fallback->access_key_id, "AKIDDEFAULT");
}

TEST_F(CredentialsTest, CredentialsFileSectionsHaveNoPrefix) {
  write_credentials("[profile dev]\naws_access_key_id = AKIDWRONG\naws_secret_access_key = wrong\n"
                    "[dev]\naws_access_key_id = AKIDRIGHT\naws_secret_access_key = right\n");
  auto dev = chain("dev")->credentials();
  ASSERT_TRUE(dev.ok()) << dev.error().message();
  EXPECT_EQ(dev->access_key_id, "AKIDRIGHT");
}

TEST_F(CredentialsTest, HalfAKeyPairInAFileNamesTheProfile) {
  write_credentials(std::string("[dev]\naws_secret_access_key = ") + k_secret + "\n");
  auto c = chain("dev")->credentials();
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().exit_code(), util::ExitCode::credentials);
  EXPECT_NE(c.error().message().find("profile 'dev'"), std::string::npos) << c.error().message();
  expect_no_secret(c.error());
}

// --- credential_process ---

TEST_F(CredentialsTest, CredentialProcessIsRefreshedNearItsExpiration) {
  const auto answer = m_dir.path() / "answer.json";
  const auto calls = m_dir.path() / "calls";
  write_config("[profile proc]\ncredential_process = " +
               script("proc.sh", "echo run >> " + calls.string() + "\ncat " + answer.string()) + "\n");
  const auto call_count = [&] {
    std::ifstream in(calls);
    int n = 0;
    for (std::string line; std::getline(in, line);) ++n;
    return n;
  };
  // The fake clock starts at 2026-01-01T00:00:00Z.
  m_dir.write("answer.json", R"({"Version": 1, "AccessKeyId": "AKIDONE", "SecretAccessKey": "s1",
                                 "SessionToken": "t1", "Expiration": "2026-01-01T00:30:00Z"})");
  auto provider = chain("proc");
  auto first = provider->credentials();
  ASSERT_TRUE(first.ok()) << first.error().message();
  EXPECT_EQ(first->access_key_id, "AKIDONE");
  EXPECT_EQ(first->session_token, "t1");
  ASSERT_TRUE(first->expiration.has_value());
  EXPECT_EQ(util::format_iso8601(*first->expiration), "2026-01-01T00:30:00Z");
  EXPECT_EQ(call_count(), 1);

  m_dir.write("answer.json", R"({"Version": 1, "AccessKeyId": "AKIDTWO", "SecretAccessKey": "s2",
                                 "SessionToken": "t2", "Expiration": "2026-01-01T01:30:00+00:00"})");
  m_clock.advance(15min);  // 15 min left: still cached
  auto cached = provider->credentials();
  ASSERT_TRUE(cached.ok());
  EXPECT_EQ(cached->access_key_id, "AKIDONE");
  EXPECT_EQ(call_count(), 1);

  m_clock.advance(6min);  // 9 min left: inside the 10-minute window, so refreshed
  auto refreshed = provider->credentials();
  ASSERT_TRUE(refreshed.ok()) << refreshed.error().message();
  EXPECT_EQ(refreshed->access_key_id, "AKIDTWO");
  EXPECT_EQ(refreshed->session_token, "t2");
  EXPECT_EQ(call_count(), 2);
  EXPECT_TRUE(provider->credentials().ok());
  EXPECT_EQ(call_count(), 2);

  // After invalidate() (AWS said ExpiredToken) the process runs again at once.
  provider->invalidate();
  EXPECT_TRUE(provider->credentials().ok());
  EXPECT_EQ(call_count(), 3);
}

TEST_F(CredentialsTest, CredentialProcessWithoutExpirationIsCachedForever) {
  const auto calls = m_dir.path() / "calls";
  write_config("[default]\ncredential_process = " +
               script("proc.sh", "echo run >> " + calls.string() +
                                     "\necho '{\"Version\":1,\"AccessKeyId\":\"AKIDP\",\"SecretAccessKey\":\"s\"}'") +
               "\n");
  auto provider = chain();
  ASSERT_TRUE(provider->credentials().ok());
  m_clock.advance(std::chrono::hours(24 * 365));
  auto c = provider->credentials();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->access_key_id, "AKIDP");
  EXPECT_EQ(c->session_token, "");
  std::ifstream in(calls);
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(all, "run\n");
}

struct BrokenProcess {
  std::string name;
  std::string body;      // the script
  std::string expected;  // a piece of the message
};

TEST_F(CredentialsTest, BrokenCredentialProcessNamesTheProfileNeverTheSecret) {
  const std::string good_json =
      std::string(R"({"Version": 1, "AccessKeyId": "AKIDX", "SecretAccessKey": ")") + k_secret + "\"}";
  const std::vector<BrokenProcess> cases = {
      {"non-zero exit", "echo '" + good_json + "'\necho 'token service down' >&2\nexit 3", "exited with status 3"},
      {"bad JSON", "echo '" + good_json.substr(0, good_json.size() - 2) + "'", "did not print valid JSON"},
      {"not an object", "echo '[1, 2]'", "did not print a JSON object"},
      {"wrong version", "echo '" + std::string(R"({"Version": 2, "AccessKeyId": "AKIDX", "SecretAccessKey": ")") +
                            k_secret + "\"}'",
       "unsupported Version"},
      {"version as a string",
       "echo '" + std::string(R"({"Version": "1", "AccessKeyId": "AKIDX", "SecretAccessKey": ")") + k_secret + "\"}'",
       "unsupported Version"},
      {"no version", "echo '" + std::string(R"({"AccessKeyId": "AKIDX", "SecretAccessKey": ")") + k_secret + "\"}'",
       "unsupported Version"},
      {"no key id", "echo '" + std::string(R"({"Version": 1, "SecretAccessKey": ")") + k_secret + "\"}'",
       "no AccessKeyId/SecretAccessKey"},
      {"key id not a string",
       "echo '" + std::string(R"({"Version": 1, "AccessKeyId": 12, "SecretAccessKey": ")") + k_secret + "\"}'",
       "no AccessKeyId/SecretAccessKey"},
      {"bad expiration",
       "echo '" + std::string(R"({"Version": 1, "AccessKeyId": "AKIDX", "Expiration": "tomorrow", "SecretAccessKey": ")") +
           k_secret + "\"}'",
       "unreadable Expiration"},
      {"no output", "true", "did not print valid JSON"},
      {"missing program", "exec /nonexistent/credential-helper", "exited with status 127"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    write_config("[profile broken]\ncredential_process = " + script("broken.sh", c.body) + "\n");
    auto result = chain("broken")->credentials();
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().exit_code(), util::ExitCode::credentials);
    EXPECT_NE(result.error().message().find("credential_process of profile 'broken'"), std::string::npos)
        << result.error().message();
    EXPECT_NE(result.error().message().find(c.expected), std::string::npos) << result.error().message();
    expect_no_secret(result.error());
  }
}

TEST_F(CredentialsTest, CredentialProcessComesAfterTheCredentialsFileAndBeforeConfigKeys) {
  const std::string process =
      script("proc.sh", R"(echo '{"Version":1,"AccessKeyId":"AKIDPROC","SecretAccessKey":"s"}')");
  write_config("[profile dev]\ncredential_process = " + process +
               "\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = c\n");
  auto before_keys = chain("dev")->credentials();
  ASSERT_TRUE(before_keys.ok()) << before_keys.error().message();
  EXPECT_EQ(before_keys->access_key_id, "AKIDPROC");
  EXPECT_NE(before_keys->source.find("credential_process"), std::string::npos) << before_keys->source;

  write_credentials("[dev]\naws_access_key_id = AKIDFILE\naws_secret_access_key = f\n");
  auto after_file = chain("dev")->credentials();
  ASSERT_TRUE(after_file.ok());
  EXPECT_EQ(after_file->access_key_id, "AKIDFILE");
}

// --- Profiles hopper does not resolve itself ---

TEST_F(CredentialsTest, RoleAndSsoProfilesGetTheCredentialProcessHint) {
  for (const std::string settings :
       {"role_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = base",
        "sso_start_url = https://example.awsapps.com/start\nsso_account_id = 123456789012",
        "sso_session = corp\nsso_role_name = admin"}) {
    SCOPED_TRACE(settings);
    write_config("[profile assumed]\n" + settings + "\n[profile base]\nregion = eu-west-1\n");
    auto c = chain("assumed")->credentials();
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().exit_code(), util::ExitCode::credentials);
    const std::string& message = c.error().message();
    EXPECT_NE(message.find("role_arn or SSO"), std::string::npos) << message;
    EXPECT_NE(message.find("credential_process = aws configure export-credentials --profile assumed --format process"),
              std::string::npos)
        << message;
  }
}

TEST_F(CredentialsTest, NamedProfileThatExistsNowhereIsAUsageError) {
  ConfigInputs inputs;
  inputs.profile_flag = "nowhere";
  inputs.env = [vars = m_env](const std::string& name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  auto config = resolve_config(inputs);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().exit_code(), util::ExitCode::usage);
  EXPECT_NE(config.error().message().find("'nowhere'"), std::string::npos) << config.error().message();
}

// --- Nothing found ---

TEST_F(CredentialsTest, NothingFoundSaysEveryPlaceHopperLooked) {
  auto c = chain()->credentials();
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().exit_code(), util::ExitCode::credentials);
  EXPECT_EQ(c.error().message(),
            "no AWS credentials found; hopper looked in the environment (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY), "
            "profile 'default' in " + credentials_path() + " (no such file), profile 'default' in " + config_path() +
                " (credential_process, keys), instance metadata (disabled by AWS_EC2_METADATA_DISABLED) "
                "(set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or use --profile)");
  EXPECT_TRUE(m_transport.requests().empty());
}

TEST_F(CredentialsTest, NothingFoundWithAProfileFlagDoesNotListTheEnvironment) {
  write_credentials("[dev]\nregion = eu-west-1\n");
  auto c = chain("dev")->credentials();
  ASSERT_FALSE(c.ok());
  const std::string& message = c.error().message();
  EXPECT_EQ(message.find("the environment"), std::string::npos) << message;
  EXPECT_NE(message.find("profile 'dev' in " + credentials_path() + ","), std::string::npos) << message;
  EXPECT_NE(message.find("profile 'dev' in " + config_path() + " (credential_process, keys)"), std::string::npos)
      << message;
}

TEST_F(CredentialsTest, NothingFoundWithMetadataEnabledNamesItsEndpoint) {
  m_env.erase("AWS_EC2_METADATA_DISABLED");
  m_env["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = "http://127.0.0.1:9/";
  m_transport.set_fallback([](const net::HttpRequest&) {
    return test::RecordingTransport::Answer::fail(net::TransportError::Kind::connect);
  });
  auto c = chain()->credentials();
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().exit_code(), util::ExitCode::credentials);
  EXPECT_NE(c.error().message().find("instance metadata at http://127.0.0.1:9 (set"), std::string::npos)
      << c.error().message();
  // One token request, and no GET without a token.
  const auto requests = m_transport.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "PUT");
  EXPECT_EQ(requests[0].url, "http://127.0.0.1:9/latest/api/token");
}

TEST_F(CredentialsTest, StaticCredentialsAnswerAsGivenAndIgnoreInvalidate) {
  auto provider = static_credentials({"AKID", "S", "T", std::nullopt, "test"});
  provider->invalidate();
  auto c = provider->credentials();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->access_key_id, "AKID");
  EXPECT_EQ(c->session_token, "T");
}

}  // namespace
}  // namespace hopper::aws

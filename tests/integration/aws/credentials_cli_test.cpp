// The real hopper binary finding (or not finding) credentials and endpoints as the AWS CLI does,
// against moto: exit code 3 with the "hopper looked in ..." sentence, exit 2 for a profile that
// does not exist, credential_process profiles, and the bar: with only AWS_ENDPOINT_URL
// and dummy keys set, `hopper plan` works exactly where `aws sts get-caller-identity` does.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/hopper_cli.hpp"
#include "support/moto.hpp"
#include "support/temp_dir.hpp"
#include "util/process.hpp"

namespace hopper {
namespace {

// The public half of a throwaway key made with ssh-keygen.
constexpr const char* k_public_key =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMt7HWq6fKtnE+xXH2k+N3Oif0KtByyKZeStPhyPLvc2 test@hopper\n";

class CredentialsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_moto = &test::MotoServer::shared_with_ubuntu();
    m_moto->reset();
    m_dir.write("id_ed25519.pub", k_public_key);
    const auto init = hopper({"init", "--ssh-public-key", (m_dir.path() / "id_ed25519.pub").string(), "--admin-cidr",
                              "203.0.113.7/32"},
                             {});
    ASSERT_EQ(init.exit_code, 0) << init.err;
  }

  // The environment of a user with no AWS setup at all: a home without ~/.aws.
  std::map<std::string, std::string> bare_env() const {
    return {{"HOME", m_dir.path().string()},
            {"XDG_STATE_HOME", (m_dir.path() / "state").string()},
            {"AWS_SHARED_CREDENTIALS_FILE", (m_dir.path() / ".aws" / "credentials").string()},
            {"AWS_CONFIG_FILE", (m_dir.path() / ".aws" / "config").string()}};
  }
  test::HopperRun hopper(const std::vector<std::string>& args, std::map<std::string, std::string> extra) const {
    auto env = bare_env();
    for (auto& [k, v] : extra) env[k] = v;
    return test::run_hopper(args, env, m_dir.path().string());
  }
  std::string home(const std::string& name) const { return (m_dir.path() / name).string(); }

  test::MotoServer* m_moto = nullptr;
  test::TempDir m_dir;
};

TEST_F(CredentialsCliTest, NoCredentialsIsExitThreeSayingWhereHopperLooked) {
  const auto run = hopper({"plan"}, {{"AWS_ENDPOINT_URL", m_moto->endpoint()}});
  EXPECT_EQ(run.exit_code, 3) << run.out << run.err;
  EXPECT_NE(run.err.find("no AWS credentials found; hopper looked in the environment "
                         "(AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY), profile 'default' in " +
                         home(".aws/credentials") + " (no such file), profile 'default' in " + home(".aws/config") +
                         " (credential_process, keys), instance metadata (disabled by AWS_EC2_METADATA_DISABLED)"),
            std::string::npos)
      << run.err;
}

TEST_F(CredentialsCliTest, HalfAKeyPairIsExitThree) {
  const auto run = hopper({"plan"}, {{"AWS_ENDPOINT_URL", m_moto->endpoint()}, {"AWS_ACCESS_KEY_ID", "AKIDONLY"}});
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_NE(run.err.find("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together"), std::string::npos)
      << run.err;
}

TEST_F(CredentialsCliTest, AwsMaxAttemptsIsReadAndABadValueIsExitTwoBeforeAnyCall) {
  const std::map<std::string, std::string> env = {
      {"AWS_ENDPOINT_URL", m_moto->endpoint()}, {"AWS_ACCESS_KEY_ID", "testing"}, {"AWS_SECRET_ACCESS_KEY", "testing"}};
  auto bad = env;
  bad["AWS_MAX_ATTEMPTS"] = "zero";
  const auto refused = hopper({"plan", "--debug"}, bad);
  EXPECT_EQ(refused.exit_code, 2) << refused.err;
  EXPECT_NE(refused.err.find("AWS_MAX_ATTEMPTS = zero: expected a whole number of attempts from 1 to 100"),
            std::string::npos)
      << refused.err;
  EXPECT_EQ(refused.err.find("GetCallerIdentity"), std::string::npos) << "no call before the usage error\n" << refused.err;
  auto good = env;
  good["AWS_MAX_ATTEMPTS"] = "2";
  const auto plan = hopper({"plan"}, good);
  EXPECT_EQ(plan.exit_code, 0) << plan.out << plan.err;
}

TEST_F(CredentialsCliTest, AProfileThatExistsNowhereIsExitTwo) {
  const auto run = hopper({"plan", "--profile", "ghost"},
                          {{"AWS_ENDPOINT_URL", m_moto->endpoint()}, {"AWS_ACCESS_KEY_ID", "testing"},
                           {"AWS_SECRET_ACCESS_KEY", "testing"}});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("AWS profile 'ghost' not found"), std::string::npos) << run.err;
}

TEST_F(CredentialsCliTest, RoleProfilesAreExitThreeWithTheHint) {
  m_dir.write(".aws/config", "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = base\n"
                             "[profile base]\nregion = eu-west-1\n");
  const auto run = hopper({"plan", "--profile", "admin"}, {{"AWS_ENDPOINT_URL", m_moto->endpoint()}});
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_NE(run.err.find("aws configure export-credentials --profile admin --format process"), std::string::npos)
      << run.err;
}

TEST_F(CredentialsCliTest, CredentialProcessProfileWorksAndItsSecretStaysHidden) {
  const std::string secret = "procSecret/Distinctive+7f3a9c";
  const auto script = m_dir.write(
      "bin/creds.sh", "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROCESS\", \"SecretAccessKey\": \"" +
                          secret + "\", \"SessionToken\": \"procToken-8e1d\", \"Expiration\": \"2099-01-01T00:00:00Z\"}'\n");
  m_dir.write(".aws/config", "[profile tool]\ncredential_process = /bin/sh " + script.string() + "\n");
  const auto run = hopper({"plan", "--debug", "--profile", "tool"}, {{"AWS_ENDPOINT_URL", m_moto->endpoint()}});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ((run.out + run.err).find(secret), std::string::npos);
  EXPECT_EQ((run.out + run.err).find("procToken-8e1d"), std::string::npos);

  // The same profile, its helper failing: exit 3 naming the profile.
  m_dir.write("bin/creds.sh", "#!/bin/sh\necho 'sso session expired' >&2\nexit 1\n");
  const auto failing = hopper({"plan", "--profile", "tool"}, {{"AWS_ENDPOINT_URL", m_moto->endpoint()}});
  EXPECT_EQ(failing.exit_code, 3) << failing.err;
  EXPECT_NE(failing.err.find("credential_process of profile 'tool'"), std::string::npos) << failing.err;
}

TEST_F(CredentialsCliTest, OnlyEndpointUrlAndDummyKeysWorkAsWithTheAwsCli) {
  const std::map<std::string, std::string> env = {
      {"AWS_ENDPOINT_URL", m_moto->endpoint()}, {"AWS_ACCESS_KEY_ID", "testing"}, {"AWS_SECRET_ACCESS_KEY", "testing"}};
  const auto plan = hopper({"plan"}, env);
  EXPECT_EQ(plan.exit_code, 0) << plan.out << plan.err;

  // The AWS CLI with the very same environment (and the region, which hopper takes from the spec).
  const std::string aws = util::find_program("aws");
  ASSERT_FALSE(aws.empty()) << "the AWS CLI is not on PATH";
  util::ProcessOptions options;
  for (const auto& [k, v] : bare_env()) options.env[k] = v;
  for (const auto& [k, v] : env) options.env[k] = v;
  for (const char* name : {"AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION"}) {
    options.env[name] = std::nullopt;
  }
  options.env["AWS_EC2_METADATA_DISABLED"] = "true";
  options.timeout = std::chrono::minutes(2);
  for (const auto& argv : {std::vector<std::string>{aws, "--endpoint-url", m_moto->endpoint(), "--region", "eu-west-1", "sts", "get-caller-identity"},
                           std::vector<std::string>{aws, "--region", "eu-west-1", "sts", "get-caller-identity"}}) {
    SCOPED_TRACE(argv.size());
    auto cli = util::run_process(argv, options);
    ASSERT_TRUE(cli.ok()) << cli.error().message();
    EXPECT_EQ(cli->exit_code, 0) << cli->err;
    const auto identity = nlohmann::json::parse(cli->out, nullptr, false);
    ASSERT_TRUE(identity.is_object()) << cli->out;
    EXPECT_EQ(identity.value("Account", ""), "123456789012");
  }
}

}  // namespace
}  // namespace hopper

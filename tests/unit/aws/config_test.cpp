// resolve_config: profile, region and endpoint resolution in the AWS CLI's order, with an
// injected environment and temporary config files; and the signing scope each service gets.
#include "aws/core/config.hpp"

#include <map>

#include <gtest/gtest.h>

#include "aws/core/session.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"
#include "support/temp_dir.hpp"
#include "util/strings.hpp"

namespace hopper::aws {
namespace {

using Vars = std::map<std::string, std::string>;

EnvLookup lookup(Vars variables) {
  return [vars = std::move(variables)](const std::string& name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

// Every service with the names the AWS CLI uses for it, written out here (not read from
// service_info) so a typo in service.cpp fails a test.
struct ServiceNames {
  Service service;
  const char* env_suffix;
  const char* config_key;
};
constexpr ServiceNames k_services[] = {
    {Service::ec2, "EC2", "ec2"},
    {Service::iam, "IAM", "iam"},
    {Service::sts, "STS", "sts"},
    {Service::ssm, "SSM", "ssm"},
    {Service::autoscaling, "AUTO_SCALING", "auto_scaling"},
    {Service::elbv2, "ELASTIC_LOAD_BALANCING_V2", "elastic_load_balancing_v2"},
    {Service::elb, "ELASTIC_LOAD_BALANCING", "elastic_load_balancing"},
};

class ConfigTest : public ::testing::Test {
 protected:
  // The environment every test starts from: files in the temp dir, no IMDS.
  Vars base_env() const {
    return {{"AWS_SHARED_CREDENTIALS_FILE", credentials_path()},
            {"AWS_CONFIG_FILE", config_path()},
            {"AWS_EC2_METADATA_DISABLED", "true"}};
  }
  std::string credentials_path() const { return (m_dir.path() / "credentials").string(); }
  std::string config_path() const { return (m_dir.path() / "config").string(); }
  void write_config(const std::string& text) const { m_dir.write("config", text); }
  void write_credentials(const std::string& text) const { m_dir.write("credentials", text); }

  util::Result<AwsConfig> resolve(const Vars& extra_env, std::optional<std::string> profile_flag = std::nullopt,
                                  std::optional<std::string> region_flag = std::nullopt,
                                  std::optional<std::string> endpoint_flag = std::nullopt) const {
    Vars env = base_env();
    for (const auto& [k, v] : extra_env) env[k] = v;
    ConfigInputs inputs;
    inputs.profile_flag = std::move(profile_flag);
    inputs.region_flag = std::move(region_flag);
    inputs.endpoint_flag = std::move(endpoint_flag);
    inputs.env = lookup(env);
    return resolve_config(inputs);
  }

  test::TempDir m_dir;
};

// --- Profile ---

TEST_F(ConfigTest, ProfileFlagBeatsAwsProfileBeatsAwsDefaultProfile) {
  write_config("[profile flag]\nregion = a\n[profile env]\nregion = b\n[profile legacy]\nregion = c\n");
  const Vars both{{"AWS_PROFILE", "env"}, {"AWS_DEFAULT_PROFILE", "legacy"}};

  auto flagged = resolve(both, "flag");
  ASSERT_TRUE(flagged.ok()) << flagged.error().message();
  EXPECT_EQ(flagged->profile, "flag");
  EXPECT_TRUE(flagged->profile_explicit);
  EXPECT_TRUE(flagged->profile_named);

  auto from_env = resolve(both);
  ASSERT_TRUE(from_env.ok()) << from_env.error().message();
  EXPECT_EQ(from_env->profile, "env");
  EXPECT_FALSE(from_env->profile_explicit);  // AWS_PROFILE does not skip the env keys
  EXPECT_TRUE(from_env->profile_named);

  auto legacy = resolve({{"AWS_DEFAULT_PROFILE", "legacy"}});
  ASSERT_TRUE(legacy.ok()) << legacy.error().message();
  EXPECT_EQ(legacy->profile, "legacy");

  auto fallback = resolve({{"AWS_PROFILE", ""}});  // empty counts as unset
  ASSERT_TRUE(fallback.ok()) << fallback.error().message();
  EXPECT_EQ(fallback->profile, "default");
  EXPECT_FALSE(fallback->profile_named);
}

TEST_F(ConfigTest, NamedProfileThatExistsNowhereIsAUsageError) {
  write_config("[profile other]\nregion = eu-west-1\n");
  write_credentials("[another]\naws_access_key_id = AKID\naws_secret_access_key = S\n");
  for (const auto& attempt : {resolve({}, "ghost"), resolve({{"AWS_PROFILE", "ghost"}})}) {
    ASSERT_FALSE(attempt.ok());
    EXPECT_EQ(attempt.error().exit_code(), util::ExitCode::usage);
    EXPECT_NE(attempt.error().message().find("'ghost'"), std::string::npos) << attempt.error().message();
    EXPECT_NE(attempt.error().message().find(credentials_path()), std::string::npos) << attempt.error().message();
    EXPECT_NE(attempt.error().message().find(config_path()), std::string::npos) << attempt.error().message();
  }
  // Found in either file is enough.
  EXPECT_TRUE(resolve({}, "other").ok());
  EXPECT_TRUE(resolve({}, "another").ok());
  // "default" may be absent: that is the AWS CLI's behaviour too.
  EXPECT_TRUE(resolve({}, "default").ok());
}

TEST_F(ConfigTest, ConfigFileSectionsNeedTheProfilePrefixExceptDefault) {
  write_config("[dev]\nregion = wrong-1\n[default]\nregion = eu-central-1\n");
  // [dev] in the config file is not profile dev: the AWS CLI wants [profile dev] there.
  auto dev = resolve({}, "dev");
  ASSERT_FALSE(dev.ok());
  EXPECT_EQ(dev.error().exit_code(), util::ExitCode::usage);

  auto fallback = resolve({});
  ASSERT_TRUE(fallback.ok()) << fallback.error().message();
  ASSERT_NE(fallback->profile_config(), nullptr);
  EXPECT_EQ(fallback->region.value_or(""), "eu-central-1");

  write_config("[profile dev]\nregion = ap-south-1\n");
  auto named = resolve({}, "dev");
  ASSERT_TRUE(named.ok()) << named.error().message();
  EXPECT_EQ(named->region.value_or(""), "ap-south-1");
}

TEST_F(ConfigTest, FilesComeFromTheEnvironmentVariables) {
  m_dir.write("elsewhere/creds", "[default]\naws_access_key_id = AKID\naws_secret_access_key = S\n");
  m_dir.write("elsewhere/conf", "[default]\nregion = sa-east-1\n");
  auto config = resolve({{"AWS_SHARED_CREDENTIALS_FILE", (m_dir.path() / "elsewhere/creds").string()},
                         {"AWS_CONFIG_FILE", (m_dir.path() / "elsewhere/conf").string()}});
  ASSERT_TRUE(config.ok()) << config.error().message();
  EXPECT_EQ(config->credentials_path, (m_dir.path() / "elsewhere/creds").string());
  EXPECT_EQ(config->config_path, (m_dir.path() / "elsewhere/conf").string());
  ASSERT_NE(config->profile_credentials(), nullptr);
  EXPECT_EQ(config->profile_credentials()->at("aws_access_key_id"), "AKID");
  EXPECT_EQ(config->region.value_or(""), "sa-east-1");
}

TEST_F(ConfigTest, MissingFilesAreFineMalformedOnesAreUsageErrors) {
  auto absent = resolve({});
  ASSERT_TRUE(absent.ok()) << absent.error().message();
  EXPECT_TRUE(absent->config_file.sections.empty());

  write_config("[default]\nregion = eu-west-1\nthis line has no equals sign\n");
  auto broken = resolve({});
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().exit_code(), util::ExitCode::usage);
  EXPECT_NE(broken.error().message().find(config_path() + ":3"), std::string::npos) << broken.error().message();
}

// --- Region ---

TEST_F(ConfigTest, RegionFlagThenAwsRegionThenAwsDefaultRegionThenProfile) {
  write_config("[default]\nregion = from-profile-1\n");
  write_credentials("[default]\nregion = never-from-credentials\n");
  const Vars both{{"AWS_REGION", "from-region-1"}, {"AWS_DEFAULT_REGION", "from-default-1"}};

  auto flag = resolve(both, std::nullopt, "from-flag-1");
  ASSERT_TRUE(flag.ok());
  EXPECT_EQ(flag->region.value_or(""), "from-flag-1");
  EXPECT_EQ(flag->region_source, "--region");

  auto env = resolve(both);
  ASSERT_TRUE(env.ok());
  EXPECT_EQ(env->region.value_or(""), "from-region-1");
  EXPECT_EQ(env->region_source, "AWS_REGION");

  auto legacy = resolve({{"AWS_REGION", ""}, {"AWS_DEFAULT_REGION", "from-default-1"}});
  ASSERT_TRUE(legacy.ok());
  EXPECT_EQ(legacy->region.value_or(""), "from-default-1");
  EXPECT_EQ(legacy->region_source, "AWS_DEFAULT_REGION");

  auto profile = resolve({});
  ASSERT_TRUE(profile.ok());
  EXPECT_EQ(profile->region.value_or(""), "from-profile-1");
  EXPECT_NE(profile->region_source.find(config_path()), std::string::npos) << profile->region_source;

  write_config("[profile dev]\nregion = eu-north-1\n");
  auto none = resolve({});
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->region.has_value());
  auto dev = resolve({{"AWS_PROFILE", "dev"}});
  ASSERT_TRUE(dev.ok());
  EXPECT_EQ(dev->region.value_or(""), "eu-north-1");
}

// --- Endpoints ---

// Every layer set, then peeled off one at a time, for every service.
TEST_F(ConfigTest, EndpointPrecedenceForEveryService) {
  std::string services_section = "[services local]\n";
  Vars env{{"AWS_ENDPOINT_URL", "http://global.test:3"}};
  for (const auto& s : k_services) {
    services_section += std::string(s.config_key) + " =\n  endpoint_url = http://services-" + s.config_key + ".test:4\n";
    env[std::string("AWS_ENDPOINT_URL_") + s.env_suffix] = std::string("http://specific-") + s.config_key + ".test:2/";
  }
  write_config("[default]\nservices = local\nendpoint_url = http://profile.test:5\n\n" + services_section);

  auto flag = resolve(env, std::nullopt, std::nullopt, "http://flag.test:1");
  ASSERT_TRUE(flag.ok()) << flag.error().message();
  auto specific = resolve(env);
  ASSERT_TRUE(specific.ok()) << specific.error().message();
  Vars global_only{{"AWS_ENDPOINT_URL", "http://global.test:3"}};
  auto global = resolve(global_only);
  ASSERT_TRUE(global.ok());
  auto section = resolve({});
  ASSERT_TRUE(section.ok());
  for (const auto& s : k_services) {
    SCOPED_TRACE(s.env_suffix);
    EXPECT_EQ(flag->endpoint(s.service, "eu-west-1"), "http://flag.test:1");
    // The trailing slash is trimmed.
    EXPECT_EQ(specific->endpoint(s.service, "eu-west-1"), std::string("http://specific-") + s.config_key + ".test:2");
    EXPECT_EQ(global->endpoint(s.service, "eu-west-1"), "http://global.test:3");
    EXPECT_EQ(section->endpoint(s.service, "eu-west-1"), std::string("http://services-") + s.config_key + ".test:4");
  }

  // A [services] section that does not name a service leaves it to the profile's endpoint_url.
  write_config("[default]\nservices = local\nendpoint_url = http://profile.test:5\n\n[services local]\nec2 =\n"
               "  endpoint_url = http://services-ec2.test:4\n");
  auto profile = resolve({});
  ASSERT_TRUE(profile.ok());
  EXPECT_EQ(profile->endpoint(Service::ec2, "eu-west-1"), "http://services-ec2.test:4");
  EXPECT_EQ(profile->endpoint(Service::iam, "eu-west-1"), "http://profile.test:5");
  EXPECT_EQ(profile->endpoint(Service::ssm, "eu-west-1"), "http://profile.test:5");

  write_config("[default]\nregion = eu-west-1\n");
  auto defaults = resolve({});
  ASSERT_TRUE(defaults.ok());
  EXPECT_FALSE(defaults->has_endpoint_override());
  EXPECT_EQ(defaults->endpoint(Service::ec2, "eu-west-1"), "https://ec2.eu-west-1.amazonaws.com");
}

TEST_F(ConfigTest, ServiceSpecificVariableOverridesOnlyItsService) {
  for (const auto& s : k_services) {
    SCOPED_TRACE(s.env_suffix);
    auto config = resolve({{std::string("AWS_ENDPOINT_URL_") + s.env_suffix, "http://only.test:9"}});
    ASSERT_TRUE(config.ok()) << config.error().message();
    EXPECT_TRUE(config->has_endpoint_override());
    EXPECT_EQ(config->endpoints.size(), 1u);
    EXPECT_EQ(config->endpoint(s.service, "eu-west-1"), "http://only.test:9");
  }
}

TEST_F(ConfigTest, IgnoreConfiguredEndpointUrlsKeepsOnlyTheFlag) {
  write_config("[default]\nendpoint_url = http://profile.test:5\n");
  const Vars env{{"AWS_ENDPOINT_URL", "http://global.test:3"}, {"AWS_ENDPOINT_URL_EC2", "http://ec2.test:2"},
                 {"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"}};
  auto ignored = resolve(env);
  ASSERT_TRUE(ignored.ok()) << ignored.error().message();
  EXPECT_FALSE(ignored->has_endpoint_override());
  EXPECT_EQ(ignored->endpoint(Service::ec2, "us-east-2"), "https://ec2.us-east-2.amazonaws.com");

  auto flag = resolve(env, std::nullopt, std::nullopt, "http://flag.test:1");
  ASSERT_TRUE(flag.ok());
  EXPECT_EQ(flag->endpoint(Service::ec2, "us-east-2"), "http://flag.test:1");

  Vars not_ignored = env;
  not_ignored["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "false";
  auto honoured = resolve(not_ignored);
  ASSERT_TRUE(honoured.ok());
  EXPECT_EQ(honoured->endpoint(Service::ec2, "us-east-2"), "http://ec2.test:2");
  EXPECT_EQ(honoured->endpoint(Service::iam, "us-east-2"), "http://global.test:3");
}

TEST_F(ConfigTest, InvalidEndpointIsAUsageErrorNamingItsOrigin) {
  auto bad = resolve({{"AWS_ENDPOINT_URL_SSM", "ftp://nope"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().exit_code(), util::ExitCode::usage);
  EXPECT_NE(bad.error().message().find("AWS_ENDPOINT_URL_SSM"), std::string::npos) << bad.error().message();
  auto flag = resolve({}, std::nullopt, std::nullopt, "not a url");
  ASSERT_FALSE(flag.ok());
  EXPECT_NE(flag.error().message().find("--endpoint-url"), std::string::npos) << flag.error().message();
}

TEST_F(ConfigTest, DefaultEndpointsPerPartition) {
  const AwsConfig config;
  EXPECT_EQ(config.endpoint(Service::ec2, "eu-west-1"), "https://ec2.eu-west-1.amazonaws.com");
  EXPECT_EQ(config.endpoint(Service::sts, "eu-west-1"), "https://sts.eu-west-1.amazonaws.com");
  EXPECT_EQ(config.endpoint(Service::ssm, "eu-west-1"), "https://ssm.eu-west-1.amazonaws.com");
  EXPECT_EQ(config.endpoint(Service::autoscaling, "eu-west-1"), "https://autoscaling.eu-west-1.amazonaws.com");
  EXPECT_EQ(config.endpoint(Service::elbv2, "eu-west-1"), "https://elasticloadbalancing.eu-west-1.amazonaws.com");
  EXPECT_EQ(config.endpoint(Service::elb, "eu-west-1"), "https://elasticloadbalancing.eu-west-1.amazonaws.com");
  EXPECT_EQ(config.endpoint(Service::iam, "eu-west-1"), "https://iam.amazonaws.com");
  EXPECT_EQ(config.endpoint(Service::iam, "us-east-1"), "https://iam.amazonaws.com");
  EXPECT_EQ(config.endpoint(Service::ec2, "cn-north-1"), "https://ec2.cn-north-1.amazonaws.com.cn");
  EXPECT_EQ(config.endpoint(Service::iam, "cn-northwest-1"), "https://iam.cn-north-1.amazonaws.com.cn");
  EXPECT_EQ(config.endpoint(Service::iam, "us-gov-east-1"), "https://iam.us-gov.amazonaws.com");
  EXPECT_EQ(config.endpoint(Service::ec2, "us-gov-east-1"), "https://ec2.us-gov-east-1.amazonaws.com");
}

// --- Signing scope ---

// The credential scope of the Authorization header: DATE/REGION/SERVICE/aws4_request.
std::vector<std::string> scope_of(const net::HttpRequest& request) {
  const std::string auth = net::find_header(request.headers, "Authorization").value_or("");
  const std::size_t start = auth.find("Credential=");
  if (start == std::string::npos) return {};
  const std::size_t end = auth.find(',', start);
  return util::split(auth.substr(start + 11, end - start - 11), '/');
}

struct SigningCase {
  std::string region;
  Service service;
  std::string url;           // where the request goes
  std::string scope_region;  // what it is signed for
  std::string scope_service;
};

TEST(ConfigSigningTest, IamIsSignedForItsPartitionsGlobalRegionOthersForTheRegion) {
  const std::vector<SigningCase> cases = {
      {"eu-west-1", Service::iam, "https://iam.amazonaws.com", "us-east-1", "iam"},
      {"eu-west-1", Service::ec2, "https://ec2.eu-west-1.amazonaws.com", "eu-west-1", "ec2"},
      {"eu-west-1", Service::sts, "https://sts.eu-west-1.amazonaws.com", "eu-west-1", "sts"},
      {"eu-west-1", Service::autoscaling, "https://autoscaling.eu-west-1.amazonaws.com", "eu-west-1", "autoscaling"},
      {"eu-west-1", Service::elbv2, "https://elasticloadbalancing.eu-west-1.amazonaws.com", "eu-west-1",
       "elasticloadbalancing"},
      {"eu-west-1", Service::elb, "https://elasticloadbalancing.eu-west-1.amazonaws.com", "eu-west-1",
       "elasticloadbalancing"},
      {"cn-northwest-1", Service::iam, "https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1", "iam"},
      {"cn-northwest-1", Service::ec2, "https://ec2.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1", "ec2"},
      {"us-gov-east-1", Service::iam, "https://iam.us-gov.amazonaws.com", "us-gov-west-1", "iam"},
      {"us-gov-east-1", Service::ec2, "https://ec2.us-gov-east-1.amazonaws.com", "us-gov-east-1", "ec2"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.region + " " + std::string(service_info(c.service).id));
    test::RecordingTransport transport;
    test::FakeClock clock;
    test::ScriptedRandom random;
    Session session(AwsConfig{}, c.region, static_credentials({"AKID", "SECRET", "", std::nullopt, "test"}),
                    transport, clock, random);
    (void)session.query(c.service, "GetSomething");
    ASSERT_EQ(transport.requests().size(), 1u);
    const auto request = transport.requests().front();
    EXPECT_EQ(request.url, c.url);
    const auto scope = scope_of(request);
    ASSERT_EQ(scope.size(), 5u) << net::find_header(request.headers, "Authorization").value_or("");
    EXPECT_EQ(scope[0], "AKID");
    EXPECT_EQ(scope[1], "20260101");
    EXPECT_EQ(scope[2], c.scope_region);
    EXPECT_EQ(scope[3], c.scope_service);
    EXPECT_EQ(scope[4], "aws4_request");
  }
}

TEST(ConfigSigningTest, AnEndpointOverrideKeepsTheRealSigningScope) {
  test::RecordingTransport transport;
  test::FakeClock clock;
  test::ScriptedRandom random;
  AwsConfig config;
  for (Service s : k_all_services) config.endpoints[s] = "http://127.0.0.1:5000";
  Session session(config, "ap-southeast-2", static_credentials({"AKID", "SECRET", "", std::nullopt, "test"}), transport,
                  clock, random);
  (void)session.query(Service::iam, "ListRoles");
  (void)session.query(Service::ec2, "DescribeVpcs");
  const auto requests = transport.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].url, "http://127.0.0.1:5000");
  EXPECT_EQ(net::find_header(requests[0].headers, "Host").value_or(""), "127.0.0.1:5000");
  EXPECT_EQ(scope_of(requests[0]).at(2), "us-east-1");
  EXPECT_EQ(scope_of(requests[0]).at(3), "iam");
  EXPECT_EQ(scope_of(requests[1]).at(2), "ap-southeast-2");
  EXPECT_EQ(scope_of(requests[1]).at(3), "ec2");
}

}  // namespace
}  // namespace hopper::aws

// render_init: the text `hopper init` writes, and the round trip render -> load -> the spec the
// options describe, compared field by field.
#include "spec/render_init.hpp"

#include <cstdlib>

#include <gtest/gtest.h>

#include "spec/defaults.hpp"
#include "spec_fixture.hpp"

namespace hopper::spec {
namespace {

namespace fs = std::filesystem;

void expect_same_spec(const ClusterSpec& actual, const ClusterSpec& expected) {
  EXPECT_EQ(actual.name, expected.name);
  EXPECT_EQ(actual.region, expected.region);
  EXPECT_EQ(actual.network.vpc_cidr, expected.network.vpc_cidr);
  EXPECT_EQ(actual.network.existing_vpc_id, expected.network.existing_vpc_id);
  EXPECT_EQ(actual.network.nat, expected.network.nat);
  ASSERT_EQ(actual.network.zones.size(), expected.network.zones.size());
  for (std::size_t i = 0; i < expected.network.zones.size(); ++i) {
    EXPECT_EQ(actual.network.zones[i].name, expected.network.zones[i].name) << "zone " << i;
    EXPECT_EQ(actual.network.zones[i].private_subnet, expected.network.zones[i].private_subnet) << "zone " << i;
    EXPECT_EQ(actual.network.zones[i].public_subnet, expected.network.zones[i].public_subnet) << "zone " << i;
  }
  EXPECT_EQ(actual.bastion.enabled, expected.bastion.enabled);
  EXPECT_EQ(actual.bastion.instance_type, expected.bastion.instance_type);
  EXPECT_EQ(actual.bastion.ssh_allowed_cidrs, expected.bastion.ssh_allowed_cidrs);
  EXPECT_EQ(actual.bastion.allow_ssh_from_anywhere, expected.bastion.allow_ssh_from_anywhere);
  EXPECT_EQ(actual.bastion.root_volume_gib, expected.bastion.root_volume_gib);
  EXPECT_EQ(actual.control_plane.instance_type, expected.control_plane.instance_type);
  EXPECT_EQ(actual.control_plane.private_ip, expected.control_plane.private_ip);
  EXPECT_EQ(actual.control_plane.root_volume_gib, expected.control_plane.root_volume_gib);
  EXPECT_EQ(actual.workers.instance_type, expected.workers.instance_type);
  EXPECT_EQ(actual.workers.min, expected.workers.min);
  EXPECT_EQ(actual.workers.max, expected.workers.max);
  EXPECT_EQ(actual.workers.desired, expected.workers.desired);
  EXPECT_EQ(actual.workers.root_volume_gib, expected.workers.root_volume_gib);
  EXPECT_EQ(actual.kubernetes.version, expected.kubernetes.version);
  EXPECT_EQ(actual.kubernetes.service_cidr, expected.kubernetes.service_cidr);
  EXPECT_EQ(actual.kubernetes.cni, expected.kubernetes.cni);
  EXPECT_EQ(actual.image.mode, expected.image.mode);
  EXPECT_EQ(actual.image.ami_id, expected.image.ami_id);
  EXPECT_EQ(actual.ssh_key.public_key_path, expected.ssh_key.public_key_path);
  EXPECT_EQ(actual.ssh_key.resolved_path, expected.ssh_key.resolved_path);
  EXPECT_EQ(actual.ssh_key.public_key, expected.ssh_key.public_key);
  EXPECT_EQ(actual.tags, expected.tags);
  EXPECT_EQ(actual.source_path, expected.source_path);
  EXPECT_TRUE(actual == expected) << "a field the checks above do not cover differs";
}

class RenderInitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const char* home = std::getenv("HOME")) m_old_home = home;
    ::setenv("HOME", m_home.path().c_str(), 1);
    m_home.write(".ssh/id_ed25519.pub", fixture::k_ed25519_key + "\n");
  }
  void TearDown() override {
    if (m_old_home) ::setenv("HOME", m_old_home->c_str(), 1);
    else ::unsetenv("HOME");
  }

  LoadResult load(const InitOptions& options) {
    EXPECT_EQ(check_init_options(options), std::vector<std::string>{});
    return load_spec_text(render_init(options), "cluster.yaml", m_specs.path());
  }

  // What loading should give for a spec file written from defaults.
  ClusterSpec loaded_defaults() const {
    ClusterSpec spec = default_spec();
    spec.ssh_key.resolved_path = m_home.path() / ".ssh/id_ed25519.pub";
    spec.ssh_key.public_key = fixture::k_ed25519_key;
    spec.source_path = "cluster.yaml";
    return spec;
  }

  test::TempDir m_home;
  test::TempDir m_specs;
  std::optional<std::string> m_old_home;
};

TEST_F(RenderInitTest, DefaultOptionsLoadAsTheDefaultSpec) {
  const LoadResult result = load({});
  ASSERT_TRUE(result.spec.has_value()) << fixture::formatted(result.problems).front();
  expect_same_spec(*result.spec, loaded_defaults());
  // The only remark: nobody can reach the bastion until an address is listed.
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].severity, Problem::Severity::warning);
  EXPECT_EQ(result.problems[0].path, "bastion.sshAllowedCIDRs");
}

TEST_F(RenderInitTest, ThreeZonesGetCarvedSubnets) {
  InitOptions options;
  options.zones = {"a", "b", "eu-west-1c"};
  const LoadResult result = load(options);
  ASSERT_TRUE(result.spec.has_value()) << fixture::formatted(result.problems).front();
  ClusterSpec expected = loaded_defaults();
  expected.network.zones =
      carve_zones(util::Cidr::parse("10.0.0.0/16").value(), {"eu-west-1a", "eu-west-1b", "eu-west-1c"}).value();
  expect_same_spec(*result.spec, expected);
  EXPECT_EQ(result.spec->network.zones[2].private_subnet.str(), "10.0.32.0/20");
  EXPECT_EQ(result.spec->network.zones[2].public_subnet.str(), "10.0.80.0/20");
}

TEST_F(RenderInitTest, AdminCidrFillsSshAllowedCidrs) {
  InitOptions options;
  options.admin_cidr = util::Cidr::parse("203.0.113.7/32").value();
  const LoadResult result = load(options);
  ASSERT_TRUE(result.spec.has_value()) << fixture::formatted(result.problems).front();
  ClusterSpec expected = loaded_defaults();
  expected.bastion.ssh_allowed_cidrs = {*options.admin_cidr};
  expect_same_spec(*result.spec, expected);
  EXPECT_TRUE(result.problems.empty()) << fixture::formatted(result.problems).front();
}

TEST_F(RenderInitTest, OtherNameRegionZonesAndKeyPath) {
  m_specs.write("keys/my key.pub", fixture::k_rsa_key + "\n");
  InitOptions options;
  options.name = "prod-eu";
  options.region = "us-east-2";
  options.zones = {"us-east-2b", "c"};
  options.ssh_public_key_path = "keys/my key.pub";
  options.admin_cidr = util::Cidr::parse("198.51.100.0/24").value();
  const LoadResult result = load(options);
  ASSERT_TRUE(result.spec.has_value()) << fixture::formatted(result.problems).front();
  ClusterSpec expected = loaded_defaults();
  expected.name = "prod-eu";
  expected.region = "us-east-2";
  expected.network.zones =
      carve_zones(util::Cidr::parse("10.0.0.0/16").value(), {"us-east-2b", "us-east-2c"}).value();
  expected.bastion.ssh_allowed_cidrs = {*options.admin_cidr};
  expected.ssh_key.public_key_path = "keys/my key.pub";
  expected.ssh_key.resolved_path = m_specs.path() / "keys/my key.pub";
  expected.ssh_key.public_key = fixture::k_rsa_key;
  expect_same_spec(*result.spec, expected);
}

TEST_F(RenderInitTest, KeyPathsThatNeedQuotingSurvive) {
  for (const std::string path : {"keys/a: b.pub", "keys/\"q\".pub", "-dash.pub", "keys/#hash.pub"}) {
    m_specs.write(path, fixture::k_ed25519_key + "\n");
    InitOptions options;
    options.ssh_public_key_path = path;
    const LoadResult result = load(options);
    ASSERT_TRUE(result.spec.has_value()) << path << ": " << fixture::formatted(result.problems).front();
    EXPECT_EQ(result.spec->ssh_key.public_key_path, path);
  }
}

TEST(RenderInitText, IsCommentedAndSaysWhatToFillIn) {
  const std::string text = render_init({});
  EXPECT_EQ(text.rfind("# hopper cluster spec.", 0), 0u);
  EXPECT_NE(text.find("\napiVersion: hopper/v1alpha1\nkind: Cluster\n"), std::string::npos);
  EXPECT_NE(text.find("  sshAllowedCIDRs: []\n"), std::string::npos);
  EXPECT_NE(text.find("Nobody can until you add your address"), std::string::npos);
  EXPECT_NE(text.find("  version: \"1.36\"\n"), std::string::npos);
  EXPECT_NE(text.find("# existingVpcId: vpc-"), std::string::npos);
  InitOptions options;
  options.admin_cidr = util::Cidr::parse("203.0.113.7/32").value();
  EXPECT_NE(render_init(options).find("  sshAllowedCIDRs:\n    - 203.0.113.7/32\n"), std::string::npos);
}

TEST(InitOptionsTest, ZoneNames) {
  InitOptions options;
  EXPECT_EQ(init_zone_names(options), std::vector<std::string>{"eu-west-1a"});
  options.region = "ap-northeast-1";
  EXPECT_EQ(init_zone_names(options), std::vector<std::string>{"ap-northeast-1a"});
  options.zones = {"c", "ap-northeast-1d"};
  EXPECT_EQ(init_zone_names(options), (std::vector<std::string>{"ap-northeast-1c", "ap-northeast-1d"}));
}

TEST(InitOptionsTest, ReportsEveryBadFlagWithValidatesWording) {
  EXPECT_TRUE(check_init_options({}).empty());
  InitOptions bad;
  bad.name = "Bad_Name";
  bad.region = "eu-west-9";
  bad.ssh_public_key_path = "";
  bad.admin_cidr = util::Cidr::parse("0.0.0.0/0").value();
  EXPECT_EQ(check_init_options(bad),
            (std::vector<std::string>{
                "--name: 'Bad_Name' may contain only lowercase letters, digits and hyphens (it is used in AWS names, "
                "tags and DNS labels)",
                "--region: 'eu-west-9' is not an AWS region hopper knows (did you mean eu-west-1?)",
                "--ssh-public-key: must not be empty",
                "--admin-cidr: 0.0.0.0/0 lets anyone on the internet try SSH; use your own address (e.g. "
                "203.0.113.7/32), or write 0.0.0.0/0 in the spec together with bastion.allowSSHFromAnywhere: true"}));
  InitOptions zones;
  zones.zones = {"us-east-1a", "b", "eu-west-1b"};
  EXPECT_EQ(check_init_options(zones),
            (std::vector<std::string>{"--zones: us-east-1a is not a zone of region eu-west-1 (its zones: eu-west-1a, "
                                      "eu-west-1b, eu-west-1c)",
                                      "--zones: eu-west-1b is listed twice"}));
}

}  // namespace
}  // namespace hopper::spec

// The bootstrap as the hopper executable uses it: `hopper render` without AWS, the cluster's
// secrets and admin kubeconfig kept in the local state by `plan` (reused, and SSM's taking over
// when the cluster has them), and `hopper image build` against moto.
#include <gtest/gtest.h>

#include <filesystem>

#include "aws/ec2/images.hpp"
#include "aws/ec2/instances.hpp"
#include "aws/ec2/instances_run.hpp"
#include "aws/ec2/subnets.hpp"
#include "aws/ec2/vpcs.hpp"
#include "aws/ssm/parameters.hpp"
#include "bootstrap/pki.hpp"
#include "crypto/x509.hpp"
#include "support/aws_session.hpp"
#include "support/hopper_cli.hpp"
#include "support/moto.hpp"
#include "support/temp_dir.hpp"
#include "unit/bootstrap/bootstrap_test_support.hpp"

namespace hopper::test {
namespace {
namespace fs = std::filesystem;

constexpr const char* k_spec = R"(apiVersion: hopper/v1alpha1
kind: Cluster
name: demo
region: eu-west-1
network:
  vpcCIDR: 10.0.0.0/16
  zones:
    - name: eu-west-1a
bastion:
  sshAllowedCIDRs: [203.0.113.7/32]
image: stock
addons:
  demoApp: true
sshKey:
  publicKeyPath: key.pub
)";

constexpr const char* k_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMt7HWq6fKtnE+xXH2k+N3Oif0KtByyKZeStPhyPLvc2 test@hopper";

class CliBootstrapTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir.write("cluster.yaml", k_spec);
    m_dir.write("key.pub", std::string(k_key) + "\n");
  }
  std::map<std::string, std::string> env(std::map<std::string, std::string> extra = {}) const {
    extra["XDG_STATE_HOME"] = (m_dir.path() / "state").string();
    extra["HOME"] = m_dir.path().string();
    return extra;
  }
  fs::path state() const { return m_dir.path() / "state" / "hopper" / "demo-eu-west-1"; }
  HopperRun hopper(const std::vector<std::string>& args, std::map<std::string, std::string> extra = {}) const {
    return run_hopper(args, env(std::move(extra)), m_dir.path().string());
  }

  TempDir m_dir;
};

TEST_F(CliBootstrapTest, RenderWritesEveryFileWithoutAwsAndWithoutSecrets) {
  const HopperRun first = hopper({"render", "--out", "out"});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  EXPECT_NE(first.err.find("throwaway CA"), std::string::npos) << first.err;
  const fs::path out = m_dir.path() / "out";
  for (const char* file : {"user-data/control-plane.yaml", "user-data/worker.yaml", "user-data/bastion.yaml",
                           "etc/hopper/kubeadm/init.yaml", "etc/hopper/kubeadm/join.yaml",
                           "etc/hopper/manifests/cloud-controller-manager.yaml", "etc/hopper/manifests/demo.yaml",
                           "etc/hopper/containerd-config.toml", "usr/local/lib/hopper/lib.sh", "pki/ca.crt",
                           "pki/discovery-hash", "ssm-parameters.txt"}) {
    EXPECT_TRUE(fs::exists(out / file)) << file;
  }
  EXPECT_FALSE(fs::exists(out / "pki/ca.key"));
  EXPECT_NE(fs::status(out / "usr/local/sbin/hopper-boot-worker").permissions() & fs::perms::owner_exec, fs::perms::none);
  EXPECT_NE(first.out.find("user-data/control-plane.yaml: "), std::string::npos) << first.out;
  EXPECT_FALSE(fs::exists(state())) << "render never writes the cluster state";
  // A second render replaces the folder; a folder that is not ours is refused.
  EXPECT_EQ(hopper({"render", "--out", "out"}).exit_code, 0);
  m_dir.write("mine/notes.txt", "keep me");
  const HopperRun refused = hopper({"render", "--out", "mine"});
  EXPECT_EQ(refused.exit_code, 2) << refused.err;
  EXPECT_TRUE(fs::exists(m_dir.path() / "mine/notes.txt"));
}

class CliBootstrapMotoTest : public CliBootstrapTest {
 protected:
  void SetUp() override {
    CliBootstrapTest::SetUp();
    if (!s_moto) {
      s_moto = MotoServer::start(
          {{"MOTO_AMIS_PATH", std::string(HOPPER_SOURCE_DIR) + "/tests/testdata/bootstrap/noble-ami.json"}});
    }
    ASSERT_NE(s_moto, nullptr);
    s_moto->reset();
    m_aws = make_test_aws(s_moto->endpoint());
  }
  HopperRun on_moto(const std::vector<std::string>& args) const {
    auto environment = s_moto->client_env("eu-west-1");
    return hopper(args, environment);
  }
  static inline std::unique_ptr<MotoServer> s_moto;
  std::unique_ptr<TestAws> m_aws;
};

TEST_F(CliBootstrapMotoTest, PlanKeepsTheSecretsAndMintsTheAdminKubeconfig) {
  const HopperRun first = on_moto({"plan"});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  EXPECT_NE(first.err.find("Made a new cluster CA"), std::string::npos) << first.err;
  ASSERT_TRUE(fs::exists(state() / "ca.key"));
  EXPECT_EQ(fs::status(state()).permissions() & fs::perms::all, fs::perms::owner_all);
  for (const char* file : {"ca.crt", "ca.key", "join-token", "admin.conf"}) {
    EXPECT_EQ(fs::status(state() / file).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write)
        << file;
  }
  const std::string ca = read_text(state() / "ca.crt");
  const std::string admin = read_text(state() / "admin.conf");
  const YAML::Node config = YAML::Load(admin);
  EXPECT_EQ(config["clusters"][0]["cluster"]["server"].as<std::string>(), "https://10.0.0.10:6443");
  const auto cert = codec::base64_decode(config["users"][0]["user"]["client-certificate-data"].as<std::string>());
  ASSERT_TRUE(cert);
  EXPECT_TRUE(crypto::is_signed_by(*cert, ca).value_or(false));

  // The second plan reuses all of it: same CA, same kubeconfig.
  const HopperRun second = on_moto({"plan"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find("Using the cluster CA kept in"), std::string::npos) << second.err;
  EXPECT_EQ(read_text(state() / "ca.crt"), ca);
  EXPECT_EQ(read_text(state() / "admin.conf"), admin);

  // Once the cluster has its secrets in SSM (another workstation made it), those win.
  const auto& other = shared_secrets();
  const aws::ssm::Client ssm(*m_aws->session);
  for (const auto& [name, value, type] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"/hopper/demo/bootstrap/ca.crt", other.ca_cert_pem, "String"},
           {"/hopper/demo/bootstrap/ca.key", other.ca_key_pem, "SecureString"},
           {"/hopper/demo/bootstrap/join-token", other.join_token, "SecureString"}}) {
    aws::ssm::PutParameterRequest request;
    request.name = name;
    request.value = value;
    request.type = type;
    ASSERT_TRUE(aws::ssm::put_parameter(ssm, request).ok());
  }
  const HopperRun third = on_moto({"plan"});
  ASSERT_EQ(third.exit_code, 0) << third.err;
  EXPECT_NE(third.err.find("differs from the one kept"), std::string::npos) << third.err;
  EXPECT_EQ(read_text(state() / "ca.crt"), other.ca_cert_pem);
  EXPECT_EQ(read_text(state() / "join-token"), other.join_token + "\n");
  const YAML::Node remade = YAML::Load(read_text(state() / "admin.conf"));
  const auto new_cert = codec::base64_decode(remade["users"][0]["user"]["client-certificate-data"].as<std::string>());
  EXPECT_TRUE(crypto::is_signed_by(new_cert.value_or(""), other.ca_cert_pem).value_or(false));
}

// The cluster's first private subnet, as `up` tags it.
std::string make_private_subnet(const TestAws& aws) {
  const aws::ec2::Client ec2(*aws.session);
  const auto vpc = aws::ec2::create_vpc(ec2, "10.0.0.0/16", {});
  EXPECT_TRUE(vpc) << vpc.error().message();
  aws::ec2::CreateSubnetRequest request;
  request.vpc_id = vpc ? vpc->id : "";
  request.cidr_block = "10.0.0.0/20";
  request.availability_zone = "eu-west-1a";
  request.tags = {{"kubernetes.io/cluster/demo", "owned"}, {"hopper/resource", "subnet/private-eu-west-1a"}};
  const auto subnet = aws::ec2::create_subnet(ec2, request);
  EXPECT_TRUE(subnet) << subnet.error().message();
  return subnet ? subnet->id : "";
}

std::vector<aws::ec2::Instance> builders(const TestAws& aws) {
  const auto found = aws::ec2::describe_instances(aws::ec2::Client(*aws.session),
                                                  {{"tag:hopper/resource", {"instance/image-builder"}}});
  EXPECT_TRUE(found);
  return found ? *found : std::vector<aws::ec2::Instance>{};
}

TEST_F(CliBootstrapMotoTest, ImageBuildNeedsTheClusterNetwork) {
  const HopperRun run = on_moto({"image", "build"});
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("has no network in eu-west-1 yet"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("run `hopper up` first"), std::string::npos) << run.err;
  EXPECT_TRUE(builders(*m_aws).empty());
}

TEST_F(CliBootstrapMotoTest, ImageBuildBakesOnceThenReusesAndAlwaysCleansUp) {
  const std::string subnet = make_private_subnet(*m_aws);
  // A builder an interrupted run left behind.
  aws::ec2::RunInstancesRequest leftover;
  leftover.image_id = "ami-0b00c0ffee0dec0de";
  leftover.instance_type = "t3.medium";
  leftover.subnet_id = subnet;
  leftover.tags = {{"kubernetes.io/cluster/demo", "owned"}, {"hopper/resource", "instance/image-builder"}};
  ASSERT_TRUE(aws::ec2::run_instances(aws::ec2::Client(*m_aws->session), leftover));

  const HopperRun first = on_moto({"image", "build"});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  EXPECT_NE(first.err.find("Found a builder left by an earlier run"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("hopper stops the builder itself"), std::string::npos) << first.err;
  // moto refuses a snapshot TagSpecification on CreateImage (HTTP 500): the image alone is tagged.
  EXPECT_NE(first.err.find("refused to tag the image's snapshots (HTTP 500)"), std::string::npos) << first.err;
  EXPECT_NE(first.out.find("Built hopper-k8s-1.36-ubuntu-24.04-"), std::string::npos) << first.out;
  for (const auto& builder : builders(*m_aws)) EXPECT_EQ(builder.state.name, "terminated") << builder.id;
  EXPECT_EQ(builders(*m_aws).size(), 2u);

  aws::ec2::DescribeImagesRequest mine;
  mine.owners = {"self"};
  const auto images = aws::ec2::describe_images(aws::ec2::Client(*m_aws->session), mine);
  ASSERT_TRUE(images);
  ASSERT_EQ(images->size(), 1u);
  const auto& image = images->front();
  EXPECT_EQ(image.name.rfind("hopper-k8s-1.36-ubuntu-24.04-", 0), 0u) << image.name;
  EXPECT_EQ(image.tags.at("hopper/base-image"), "ami-0b00c0ffee0dec0de");
  EXPECT_EQ(image.tags.at("hopper/kubernetes-version"), "1.36");
  // The builder booted the install-only user data.
  int install_only = 0;
  for (const auto& builder : builders(*m_aws)) {
    const auto user_data = aws::ec2::describe_instance_user_data(aws::ec2::Client(*m_aws->session), builder.id);
    if (user_data && user_data->find("hopper-build-image") != std::string::npos) ++install_only;
  }
  EXPECT_EQ(install_only, 1);

  const HopperRun second = on_moto({"image", "build"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("Reused " + image.name + " (" + image.id + ")"), std::string::npos) << second.out;
  EXPECT_EQ(builders(*m_aws).size(), 2u) << "no new builder";
}

}  // namespace
}  // namespace hopper::test

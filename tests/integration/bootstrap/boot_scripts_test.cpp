// The boot scripts run for real: the user data's files in a scratch root, recording stubs for
// what would change the machine, a fake IMDSv2 and moto's SSM and ECR on loopback. Asserts the
// exact order and arguments of what they do, that the secrets arrive from SSM, and that a failing
// step stops the boot with a clear message in the log.
#include <gtest/gtest.h>

#include <algorithm>

#include "aws/ssm/parameters.hpp"
#include "bootstrap/render.hpp"
#include "integration/bootstrap/boot_harness.hpp"
#include "support/aws_session.hpp"
#include "support/moto.hpp"
#include "unit/bootstrap/bootstrap_test_support.hpp"
#include "util/strings.hpp"

namespace hopper::bootstrap {
namespace {

using test::BootRun;
using test::FakeImds;
using test::ScratchNode;
namespace fs = std::filesystem;

const std::vector<std::string> k_images = {
    "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni-init:v1.23.0",
    "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.23.0",
    "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon/aws-network-policy-agent:v1.4.1",
};

class BootScriptsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_moto.reset();
    m_aws = test::make_test_aws(m_moto.endpoint());
    m_spec = test::demo_spec();
    m_imds.set_credentials("demo-eu-west-1-node", "ASIANODEROLE", "node-secret", "node-session-token");
  }

  BootstrapFiles render(const std::string& manifest = "kind: List\nitems: []\n") {
    m_context = test::test_context(m_spec, m_imds, manifest);
    auto files = render_bootstrap(m_spec, test::shared_secrets(), m_context);
    EXPECT_TRUE(files) << files.error().message();
    return files ? *files : BootstrapFiles{};
  }

  // The parameters `up` creates, in moto.
  void put_parameters(const BootstrapFiles& files) {
    for (const auto& parameter : files.parameters) {
      aws::ssm::PutParameterRequest request;
      request.name = m_context.ssm_prefix + parameter.name;
      request.value = parameter.value;
      request.type = parameter.secure ? "SecureString" : "String";
      ASSERT_TRUE(aws::ssm::put_parameter(aws::ssm::Client(*m_aws->session), request).ok());
    }
  }

  std::map<std::string, std::string> env(std::map<std::string, std::string> extra = {}) {
    auto out = test::node_env(m_imds, m_moto.endpoint());
    for (auto& [k, v] : extra) out[k] = v;
    return out;
  }

  test::MotoServer& m_moto = test::MotoServer::shared();
  std::unique_ptr<test::TestAws> m_aws;
  spec::ClusterSpec m_spec;
  FakeImds m_imds;
  RenderContext m_context;
};

std::vector<std::string> node_preparation(const std::string& node_name, bool install) {
  std::vector<std::string> calls = {
      "hostnamectl set-hostname " + node_name,
      "swapoff -a",
      "modprobe overlay",
      "modprobe br_netfilter",
      "sysctl --system",
      "udevadm control --reload",
      "systemctl restart systemd-networkd",
  };
  if (install) {
    const std::string apt = "apt-get -q -o DPkg::Lock::Timeout=600 ";
    calls.push_back(apt + "update");
    calls.push_back(apt + "install -y apt-transport-https ca-certificates curl gpg containerd");
    calls.push_back("gpg --batch --yes --dearmor -o /etc/apt/keyrings/kubernetes-apt-keyring.gpg");
    calls.push_back(apt + "update");
    calls.push_back(apt + "install -y kubelet=1.36.* kubeadm=1.36.* kubectl=1.36.*");
    calls.push_back("apt-mark hold kubelet kubeadm kubectl");
  }
  calls.push_back("systemctl restart containerd");
  calls.push_back("systemctl enable kubelet");
  for (const auto& image : k_images) {
    calls.push_back("ctr --namespace k8s.io images pull --user AWS:123456789012-auth-token " + image);
  }
  return calls;
}

std::string dump(const BootRun& run) {
  return "exit " + std::to_string(run.exit_code) + "\ncalls:\n  " + util::join(run.calls, "\n  ") + "\nconsole:\n" +
         run.console + "\nlog:\n" + run.log;
}

void expect_imds_v2_only(const FakeImds& imds) {
  const auto requests = imds.requests();
  ASSERT_FALSE(requests.empty());
  EXPECT_EQ(requests.front().method, "PUT") << "a session token first";
  for (const auto& request : requests) {
    if (request.path.rfind("/latest/meta-data/", 0) == 0) {
      EXPECT_TRUE(request.had_token) << request.path;
    }
  }
}

TEST_F(BootScriptsTest, ControlPlaneBootsInOrderWithSecretsFromSsm) {
  const std::string manifest = "apiVersion: v1\nkind: List\nitems: []\n";
  const BootstrapFiles files = render(manifest);
  put_parameters(files);
  test::describe_instance(m_imds, m_spec.control_plane.private_ip.str(), "i-0controlplane");
  ScratchNode node(files.control_plane_user_data);
  const BootRun run = node.run("/usr/local/sbin/hopper-boot-control-plane", env());
  ASSERT_EQ(run.exit_code, 0) << dump(run);

  const std::string node_name = "ip-" + util::replace_all(m_spec.control_plane.private_ip.str(), ".", "-") +
                                ".eu-west-1.compute.internal";
  std::vector<std::string> expected = node_preparation(node_name, true);
  const std::string kubectl = "kubectl --kubeconfig /etc/kubernetes/admin.conf ";
  for (const std::string& call : {std::string("kubeadm version -o short"),
                                  std::string("kubeadm init --config /run/hopper/kubeadm-init.yaml --skip-token-print"),
                                  kubectl + "get clusterrolebinding kubeadm:cluster-admins",
                                  kubectl + "apply -f /etc/hopper/manifests/cloud-controller-manager.yaml",
                                  kubectl + "apply -f /run/hopper/aws-k8s-cni.yaml", std::string("systemctl daemon-reload"),
                                  std::string("systemctl enable --now hopper-refresh-join-token.timer")}) {
    expected.push_back(call);
  }
  EXPECT_EQ(run.calls, expected) << dump(run);

  // The CA and the token came from SSM; the private files are private.
  const auto& secrets = test::shared_secrets();
  EXPECT_EQ(node.read("/etc/kubernetes/pki/ca.crt"), secrets.ca_cert_pem);
  EXPECT_EQ(node.read("/etc/kubernetes/pki/ca.key"), secrets.ca_key_pem);
  EXPECT_EQ(fs::status(node.path("/etc/kubernetes/pki/ca.key")).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  const std::string init = node.read("/run/hopper/kubeadm-init.yaml");
  EXPECT_EQ(fs::status(node.path("/run/hopper/kubeadm-init.yaml")).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  const auto docs = YAML::LoadAll(init);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0]["bootstrapTokens"][0]["token"].as<std::string>(), secrets.join_token);
  EXPECT_EQ(docs[0]["nodeRegistration"]["name"].as<std::string>(), node_name);
  EXPECT_EQ(docs[0]["nodeRegistration"]["kubeletExtraArgs"][1]["value"].as<std::string>(),
            m_spec.control_plane.private_ip.str());
  EXPECT_EQ(docs[1]["kubernetesVersion"].as<std::string>(), "v1.36.2");
  EXPECT_EQ(init.find('@'), std::string::npos) << "every placeholder filled in:\n" << init;
  // The manifest that was applied is the one whose hash hopper knew.
  EXPECT_EQ(node.read("/run/hopper/aws-k8s-cni.yaml"), manifest);
  // containerd's config, the apt source, swap, networkd.
  EXPECT_EQ(node.read("/etc/containerd/config.toml"), node.read("/etc/hopper/containerd-config.toml"));
  EXPECT_EQ(node.read("/etc/apt/sources.list.d/kubernetes.list"),
            "deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] " + m_imds.endpoint() +
                "/pkgs/core:/stable:/v1.36/deb/ /\n");
  EXPECT_NE(node.read("/etc/fstab").find("# hopper: no swap for the kubelet: /swap.img none swap sw 0 0"),
            std::string::npos);
  EXPECT_NE(node.read("/etc/systemd/network/10-hopper-vpc-cni.network").find("Name=!ens5 lo\n"), std::string::npos);
  EXPECT_TRUE(fs::exists(node.path("/var/lib/hopper/boot-done")));
  // The log tells the story, without a secret.
  EXPECT_NE(run.log.find("step 1: read the instance metadata (IMDSv2)"), std::string::npos) << run.log;
  EXPECT_NE(run.log.find("step 12: kubeadm init"), std::string::npos) << run.log;
  EXPECT_NE(run.log.find("done: control plane of cluster demo is up"), std::string::npos) << run.log;
  EXPECT_EQ(run.log.find(secrets.join_token), std::string::npos);
  EXPECT_EQ(run.log.find("PRIVATE KEY"), std::string::npos);
  EXPECT_NE(run.console.find("hopper: control plane of cluster demo is up"), std::string::npos) << run.console;
  expect_imds_v2_only(m_imds);
}

TEST_F(BootScriptsTest, WorkerJoinsWithTheTokenFromSsm) {
  const BootstrapFiles files = render();
  put_parameters(files);
  test::describe_instance(m_imds, "10.0.1.77", "i-0worker");
  ScratchNode node(files.worker_user_data);
  const BootRun run = node.run("/usr/local/sbin/hopper-boot-worker", env());
  ASSERT_EQ(run.exit_code, 0) << dump(run);
  std::vector<std::string> expected = node_preparation("ip-10-0-1-77.eu-west-1.compute.internal", true);
  expected.push_back("kubeadm join --config /run/hopper/kubeadm-join.yaml");
  EXPECT_EQ(run.calls, expected) << dump(run);
  const YAML::Node join = YAML::Load(node.read("/run/hopper/kubeadm-join.yaml"));
  EXPECT_EQ(join["discovery"]["bootstrapToken"]["token"].as<std::string>(), test::shared_secrets().join_token);
  EXPECT_EQ(join["discovery"]["bootstrapToken"]["caCertHashes"][0].as<std::string>() + "\n",
            files.files.at("pki/discovery-hash"));
  EXPECT_EQ(join["nodeRegistration"]["name"].as<std::string>(), "ip-10-0-1-77.eu-west-1.compute.internal");
  EXPECT_FALSE(fs::exists(node.path("/etc/kubernetes/pki/ca.key"))) << "workers never hold the CA key";
  EXPECT_NE(run.log.find("joined on attempt 1"), std::string::npos) << run.log;
  expect_imds_v2_only(m_imds);
}

TEST_F(BootScriptsTest, WorkerRetriesJoinWithBackoffUntilTheApiAnswers) {
  const BootstrapFiles files = render();
  put_parameters(files);
  test::describe_instance(m_imds, "10.0.1.77", "i-0worker");
  ScratchNode node(files.worker_user_data);
  const BootRun run =
      node.run("/usr/local/sbin/hopper-boot-worker", env({{"STUB_FAIL", "kubeadm join*"}, {"STUB_FAIL_TIMES", "3"}}));
  ASSERT_EQ(run.exit_code, 0) << dump(run);
  const auto first_join = std::find(run.calls.begin(), run.calls.end(), "kubeadm join --config /run/hopper/kubeadm-join.yaml");
  ASSERT_NE(first_join, run.calls.end());
  const std::vector<std::string> tail(first_join, run.calls.end());
  const std::string join = "kubeadm join --config /run/hopper/kubeadm-join.yaml";
  EXPECT_EQ(tail, (std::vector<std::string>{join, "kubeadm reset --force", "sleep 5", join, "kubeadm reset --force",
                                            "sleep 10", join, "kubeadm reset --force", "sleep 20", join}))
      << dump(run);
  for (int attempt = 1; attempt <= 4; ++attempt) {
    EXPECT_NE(run.log.find("join attempt " + std::to_string(attempt) + " of 20"), std::string::npos) << run.log;
  }
  EXPECT_NE(run.log.find("join attempt 3 failed; next one in 20s"), std::string::npos) << run.log;
  EXPECT_NE(run.log.find("joined on attempt 4"), std::string::npos) << run.log;
}

TEST_F(BootScriptsTest, WorkerGivesUpAfterTheLastAttempt) {
  const BootstrapFiles files = render();
  put_parameters(files);
  test::describe_instance(m_imds, "10.0.1.77", "i-0worker");
  ScratchNode node(files.worker_user_data);
  const BootRun run = node.run("/usr/local/sbin/hopper-boot-worker", env({{"STUB_FAIL", "kubeadm join*"}}));
  EXPECT_NE(run.exit_code, 0);
  EXPECT_EQ(std::count(run.calls.begin(), run.calls.end(), "kubeadm join --config /run/hopper/kubeadm-join.yaml"), 20);
  std::vector<std::string> sleeps;
  for (const auto& call : run.calls) {
    if (call.rfind("sleep ", 0) == 0) sleeps.push_back(call.substr(6));
  }
  EXPECT_EQ(sleeps, (std::vector<std::string>{"5", "10", "20", "40", "60", "60", "60", "60", "60", "60", "60", "60",
                                              "60", "60", "60", "60", "60", "60", "60"}));
  EXPECT_NE(run.log.find("could not join after 20 attempts"), std::string::npos) << run.log;
  EXPECT_NE(run.log.find("FAILED: step 10 (join the cluster) exited with status 1"), std::string::npos) << run.log;
  EXPECT_NE(run.console.find("hopper: FAILED at step 10 (join the cluster)"), std::string::npos) << run.console;
  EXPECT_TRUE(fs::exists(node.path("/var/lib/hopper/boot-failed")));
  EXPECT_FALSE(fs::exists(node.path("/var/lib/hopper/boot-done")));
}

TEST_F(BootScriptsTest, AFailingStepStopsTheBootWithAClearMessage) {
  const BootstrapFiles files = render();
  put_parameters(files);
  test::describe_instance(m_imds, m_spec.control_plane.private_ip.str(), "i-0controlplane");
  ScratchNode node(files.control_plane_user_data);
  const BootRun run = node.run("/usr/local/sbin/hopper-boot-control-plane", env({{"STUB_FAIL", "kubeadm init*"}}));
  EXPECT_EQ(run.exit_code, 1) << dump(run);
  EXPECT_EQ(run.calls.back(), "kubeadm init --config /run/hopper/kubeadm-init.yaml --skip-token-print") << dump(run);
  EXPECT_NE(run.log.find("FAILED: step 12 (kubeadm init) exited with status 1"), std::string::npos) << run.log;
  EXPECT_NE(run.console.find("hopper: FAILED at step 12 (kubeadm init); see "), std::string::npos) << run.console;
  EXPECT_EQ(node.read("/var/lib/hopper/boot-failed"), "step 12 (kubeadm init) exited with status 1\n");
}

TEST_F(BootScriptsTest, AManifestWithTheWrongHashIsNotApplied) {
  const BootstrapFiles files = render("the manifest hopper pinned\n");
  put_parameters(files);
  m_imds.serve_file("/cni/aws-k8s-cni.yaml", "something else\n");
  test::describe_instance(m_imds, m_spec.control_plane.private_ip.str(), "i-0controlplane");
  ScratchNode node(files.control_plane_user_data);
  const BootRun run = node.run("/usr/local/sbin/hopper-boot-control-plane", env());
  EXPECT_NE(run.exit_code, 0) << dump(run);
  for (const auto& call : run.calls) EXPECT_EQ(call.find("aws-k8s-cni.yaml"), std::string::npos) << call;
  EXPECT_NE(run.log.find("expected " + m_context.sources.vpc_cni_manifest_sha256 + ": not applying it"),
            std::string::npos)
      << run.log;
  EXPECT_NE(run.log.find("FAILED: step 15 (install the VPC CNI)"), std::string::npos) << run.log;
}

TEST_F(BootScriptsTest, AMissingSecretStopsTheControlPlaneBeforeKubeadm) {
  const BootstrapFiles files = render();
  // No parameters in SSM: the fetch fails (after its retries) and kubeadm never runs.
  test::describe_instance(m_imds, m_spec.control_plane.private_ip.str(), "i-0controlplane");
  ScratchNode node(files.control_plane_user_data);
  const BootRun run = node.run("/usr/local/sbin/hopper-boot-control-plane", env());
  EXPECT_NE(run.exit_code, 0);
  for (const auto& call : run.calls) EXPECT_EQ(call.rfind("kubeadm", 0), std::string::npos) << call;
  EXPECT_NE(run.log.find("AmazonSSM.GetParameter"), std::string::npos) << run.log;
  EXPECT_NE(run.log.find("ParameterNotFound"), std::string::npos) << run.log;
  EXPECT_NE(run.log.find("FAILED: step 10 (fetch the cluster CA from SSM)"), std::string::npos) << run.log;
}

TEST_F(BootScriptsTest, BakedImageSkipsTheInstallation) {
  m_spec.image.mode = spec::ImageMode::baked;
  const BootstrapFiles files = render();
  put_parameters(files);
  test::describe_instance(m_imds, "10.0.1.77", "i-0worker");
  ScratchNode node(files.worker_user_data);
  const BootRun run = node.run("/usr/local/sbin/hopper-boot-worker", env());
  ASSERT_EQ(run.exit_code, 0) << dump(run);
  std::vector<std::string> expected = node_preparation("ip-10-0-1-77.eu-west-1.compute.internal", false);
  expected.push_back("kubeadm join --config /run/hopper/kubeadm-join.yaml");
  EXPECT_EQ(run.calls, expected) << dump(run);
  EXPECT_NE(run.log.find("baked image: containerd and Kubernetes 1.36 are installed already"), std::string::npos);
}

TEST_F(BootScriptsTest, TokenRefreshStoresANewTokenInSsm) {
  const BootstrapFiles files = render();
  put_parameters(files);
  m_imds.set_credentials("demo-eu-west-1-control-plane", "ASIACP", "cp-secret", "cp-token");
  ScratchNode node(files.control_plane_user_data);
  const BootRun run = node.run("/usr/local/sbin/hopper-refresh-join-token",
                               env({{"STUB_NEW_TOKEN", "newtok.0123456789newtok"}}), "/var/log/hopper-join-token.log");
  ASSERT_EQ(run.exit_code, 0) << dump(run);
  EXPECT_EQ(run.calls, (std::vector<std::string>{
                           "kubeadm token create --kubeconfig /etc/kubernetes/admin.conf --ttl 48h0m0s --description "
                           "hopper: nodes join with this token (refreshed every 12h)"}));
  const auto stored = aws::ssm::get_parameter(aws::ssm::Client(*m_aws->session), "/hopper/demo/bootstrap/join-token", true);
  ASSERT_TRUE(stored) << stored.error().message();
  EXPECT_EQ(stored->value, "newtok.0123456789newtok");
  EXPECT_EQ(stored->type, "SecureString");
  EXPECT_EQ(run.log.find("newtok.0123456789newtok"), std::string::npos) << "never log the token";
}

TEST_F(BootScriptsTest, ImageBuilderInstallsThenPowersOffAndCleansUp) {
  const auto user_data = render_image_builder_user_data(m_spec, test::test_context(m_spec, m_imds));
  ASSERT_TRUE(user_data);
  test::describe_instance(m_imds, "10.0.1.99", "i-0builder");
  ScratchNode node(*user_data);
  const BootRun run = node.run("/usr/local/sbin/hopper-build-image", env());
  ASSERT_EQ(run.exit_code, 0) << dump(run);
  const std::string apt = "apt-get -q -o DPkg::Lock::Timeout=600 ";
  EXPECT_EQ(run.calls, (std::vector<std::string>{
                           apt + "update", apt + "install -y apt-transport-https ca-certificates curl gpg containerd",
                           "gpg --batch --yes --dearmor -o /etc/apt/keyrings/kubernetes-apt-keyring.gpg", apt + "update",
                           apt + "install -y kubelet=1.36.* kubeadm=1.36.* kubectl=1.36.*",
                           "apt-mark hold kubelet kubeadm kubectl", "shutdown -h now"}))
      << dump(run);
  EXPECT_FALSE(fs::exists(node.path("/etc/hopper")));
  EXPECT_FALSE(fs::exists(node.path("/usr/local/lib/hopper")));
  EXPECT_FALSE(fs::exists(node.path("/var/log/hopper-boot.log")));
  EXPECT_TRUE(fs::exists(node.path("/etc/apt/sources.list.d/kubernetes.list")));
}

}  // namespace
}  // namespace hopper::bootstrap

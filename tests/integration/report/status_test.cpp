// `hopper status` after `hopper up` against moto: the resources, instances, group and NAT from
// AWS; and the Kubernetes part from a fake API server on loopback that holds a certificate of the
// cluster's own CA and requires the admin client certificate that `up` minted.
#include <fstream>
#include <sstream>

#include "support/fake_kube_api.hpp"
#include "report_fixture.hpp"

namespace hopper::test {
namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

constexpr const char* k_demo_hostname = "a1b2c3d4e5f6-1234567890.eu-west-1.elb.amazonaws.com";

class StatusTest : public ReportTest {
 protected:
  void SetUp() override {
    ReportTest::SetUp();
    const HopperRun up = hopper({"up", "--yes"});
    ASSERT_EQ(up.exit_code, 0) << up.out << up.err;
  }

  // The API stand-in, its server certificate issued by the CA `up` kept in the local state.
  std::unique_ptr<FakeKubeApi> start_api() {
    const std::string ca_cert = read(state_dir() / "ca.crt");
    const std::string ca_key = read(state_dir() / "ca.key");
    EXPECT_FALSE(ca_cert.empty() || ca_key.empty()) << "no cluster CA in " << state_dir();
    auto api = std::make_unique<FakeKubeApi>(make_server_pki(ca_cert, ca_key, {"10.0.0.10"}));
    api->set_nodes(FakeKubeApi::node_list({{"ip-10-0-0-10", true}, {"ip-10-0-0-21", true}}));
    api->set_services(FakeKubeApi::service_list("demo", "default", k_demo_hostname));
    return api;
  }
};

TEST_F(StatusTest, ShowsWhatExistsAndSaysTheClusterWasNotBootedAgainstMoto) {
  const HopperRun status = hopper({"status"});
  ASSERT_EQ(status.exit_code, 0) << status.out << status.err;
  for (const char* expected : {"Cluster hopper in eu-west-1", "Instances", "bastion", "control-plane", "worker",
                               "10.0.0.10", "eu-west-1a", "Auto Scaling groups", "hopper-nodes", "NAT gateways",
                               "the cluster itself was not booted", "Resources (", "vpc", "nat_gateway", "running"}) {
    EXPECT_NE(status.out.find(expected), std::string::npos) << expected << " missing from\n" << status.out;
  }

  const nlohmann::json json = json_of(hopper({"status", "-o", "json"}));
  EXPECT_EQ(json["kubernetes"]["reach"], "local_endpoint");
  ASSERT_EQ(json["auto_scaling_groups"].size(), 1u);
  EXPECT_EQ(json["auto_scaling_groups"][0]["desired"], 1);
  EXPECT_EQ(json["auto_scaling_groups"][0]["in_service"], 1);
  ASSERT_EQ(json["nat_gateways"].size(), 1u);
  EXPECT_FALSE(json["nat_gateways"][0]["public_ip"].get<std::string>().empty());
  std::set<std::string> roles;
  for (const auto& instance : json["instances"]) {
    roles.insert(instance["role"].get<std::string>());
    EXPECT_FALSE(instance["private_ip"].get<std::string>().empty()) << instance.dump();
    EXPECT_EQ(instance["zone"], "eu-west-1a");
    if (instance["role"] == "bastion") {
      EXPECT_FALSE(instance["public_ip"].get<std::string>().empty());
    }
    if (instance["role"] == "control-plane") {
      EXPECT_EQ(instance["private_ip"], "10.0.0.10");
    }
  }
  EXPECT_EQ(roles, (std::set<std::string>{"bastion", "control-plane", "worker"}));
  std::set<std::string> kinds;
  for (const auto& r : json["resources"]) kinds.insert(r["kind"].get<std::string>());
  for (const char* kind : {"vpc", "subnet", "internet_gateway", "nat_gateway", "elastic_ip", "security_group", "instance",
                           "auto_scaling_group", "launch_template", "iam_role", "iam_instance_profile", "ssm_parameter"}) {
    EXPECT_TRUE(kinds.count(kind)) << kind;
  }
}

TEST_F(StatusTest, ReadsNodesAndTheDemoLoadBalancerFromTheApiWithTheAdminCertificate) {
  const auto api = start_api();
  const HopperRun status = hopper({"status", "--api-server", api->address()});
  ASSERT_EQ(status.exit_code, 0) << status.out << status.err;
  for (const std::string& expected : {"Kubernetes (API at " + api->address() + ")", std::string("2 of 2 node(s) Ready"),
                                     std::string("ip-10-0-0-10"), std::string("ip-10-0-0-21"), std::string("default/demo"),
                                     std::string(k_demo_hostname), std::string("80/TCP")}) {
    EXPECT_NE(status.out.find(expected), std::string::npos) << expected << " missing from\n" << status.out;
  }
  // kube-dns is a ClusterIP Service: not listed.
  EXPECT_EQ(status.out.find("kube-dns"), std::string::npos);

  const nlohmann::json json = json_of(hopper({"status", "-o", "json", "--api-server", api->address()}));
  EXPECT_EQ(json["kubernetes"]["reach"], "reachable");
  ASSERT_EQ(json["kubernetes"]["nodes"].size(), 2u);
  for (const auto& node : json["kubernetes"]["nodes"]) EXPECT_EQ(node["ready"], true) << node.dump();
  ASSERT_EQ(json["kubernetes"]["load_balancer_services"].size(), 1u);
  EXPECT_EQ(json["kubernetes"]["load_balancer_services"][0]["load_balancer"][0], k_demo_hostname);
  const auto paths = api->paths();
  EXPECT_NE(std::find(paths.begin(), paths.end(), "/api/v1/nodes"), paths.end());
  EXPECT_NE(std::find(paths.begin(), paths.end(), "/api/v1/services"), paths.end());
}

TEST_F(StatusTest, NotReadyNodeAndPendingLoadBalancer) {
  const auto api = start_api();
  api->set_nodes(FakeKubeApi::node_list({{"ip-10-0-0-10", true}, {"ip-10-0-0-21", false}}));
  api->set_services(FakeKubeApi::service_list("demo", "default", ""));
  const HopperRun status = hopper({"status", "--api-server", api->address()});
  ASSERT_EQ(status.exit_code, 0) << status.out << status.err;
  EXPECT_NE(status.out.find("1 of 2 node(s) Ready"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("False (KubeletNotReady)"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("(pending)"), std::string::npos) << status.out;
}

TEST_F(StatusTest, ForbiddenAnswerIsExplainedNotFatal) {
  const auto api = start_api();
  api->fail_with(403);
  const HopperRun status = hopper({"status", "--api-server", api->address()});
  ASSERT_EQ(status.exit_code, 0) << status.out << status.err;
  EXPECT_NE(status.out.find("HTTP 403"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("kubeadm init"), std::string::npos) << status.out;
}

TEST_F(StatusTest, AnApiWithAnotherCaIsNotTrusted) {
  // A server whose certificate the cluster CA did not sign: TLS verification fails.
  FakeKubeApi stranger(make_test_pki({"10.0.0.10"}));
  const HopperRun status = hopper({"status", "-o", "json", "--api-server", stranger.address()});
  ASSERT_EQ(status.exit_code, 0) << status.out << status.err;
  const nlohmann::json json = json_of(status);
  EXPECT_EQ(json["kubernetes"]["reach"], "failed");
  EXPECT_TRUE(stranger.paths().empty());
}

TEST_F(StatusTest, WithoutSpecByNameAndAfterDown) {
  const HopperRun by_name = hopper({"status", "-f", "missing.yaml", "--name", "hopper", "--region", "eu-west-1"});
  ASSERT_EQ(by_name.exit_code, 0) << by_name.out << by_name.err;
  EXPECT_NE(by_name.out.find("hopper-nodes"), std::string::npos) << by_name.out;
  const HopperRun down = hopper({"down", "--yes"});
  ASSERT_EQ(down.exit_code, 0) << down.out << down.err;
  const HopperRun after = hopper({"status"});
  ASSERT_EQ(after.exit_code, 0) << after.out << after.err;
  EXPECT_NE(after.out.find("Nothing of cluster hopper exists in eu-west-1"), std::string::npos) << after.out;
}

TEST_F(StatusTest, LiveDiagramShowsIdsAndAddresses) {
  const HopperRun diagram = hopper({"diagram", "--live", "--format", "svg"});
  ASSERT_EQ(diagram.exit_code, 0) << diagram.err;
  const nlohmann::json json = json_of(hopper({"status", "-o", "json"}));
  for (const auto& instance : json["instances"]) {
    if (instance["role"] == "worker") continue;
    EXPECT_NE(diagram.out.find(instance["id"].get<std::string>()), std::string::npos) << instance.dump();
    EXPECT_NE(diagram.out.find(instance["private_ip"].get<std::string>()), std::string::npos) << instance.dump();
  }
  EXPECT_NE(diagram.out.find(json["nat_gateways"][0]["public_ip"].get<std::string>()), std::string::npos);
  for (const char* expected : {"10.0.0.0/20", "10.0.16.0/20", "22/tcp, 6443/tcp", "53/tcp+udp, 6443/tcp", "vpc-", "igw-"}) {
    EXPECT_NE(diagram.out.find(expected), std::string::npos) << expected;
  }
}

}  // namespace
}  // namespace hopper::test

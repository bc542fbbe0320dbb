// `hopper up` waiting for the cluster, with stand-ins: the cluster's records on moto, a real sshd
// as the bastion, a TLS server with a certificate of the cluster's own CA as the API server (it
// requires the admin certificate `up` minted), and a proxy in front of moto that can answer
// GetConsoleOutput with what a failed boot prints.
#include <signal.h>

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "access_fixture.hpp"
#include "codec/base64.hpp"
#include "support/aws_proxy.hpp"
#include "support/fake_kube_api.hpp"

namespace hopper::test {
namespace {

std::string node_list(bool control_plane_ready, bool worker_registered, bool worker_ready) {
  std::vector<std::pair<std::string, bool>> nodes{{"ip-10-0-0-10", control_plane_ready}};
  if (worker_registered) nodes.emplace_back("ip-10-0-0-21", worker_ready);
  return FakeKubeApi::node_list(nodes);
}

// What EC2 answers to GetConsoleOutput, with `console` as the output.
CannedAnswer console_answer(const std::string& instance_id, const std::string& console) {
  return {200,
          "<GetConsoleOutputResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>proxy</requestId>"
          "<instanceId>" + instance_id + "</instanceId><timestamp>2026-01-01T00:00:00.000Z</timestamp><output>" +
              codec::base64_encode(console) + "</output></GetConsoleOutputResponse>",
          "text/xml"};
}

class UpWaitTest : public AccessTest {
 protected:
  void SetUp() override {
    AccessTest::SetUp();
    if (HasFatalFailure()) return;
    const HopperRun again = hopper({"up", "--yes", "--no-wait"});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    const std::string ca_cert = read_text(state_dir() / "ca.crt");
    const std::string ca_key = read_text(state_dir() / "ca.key");
    ASSERT_FALSE(ca_cert.empty() || ca_key.empty()) << "no cluster CA in " << state_dir();
    // admin.conf names the control plane's private address: the certificate must hold it.
    m_api = std::make_unique<FakeKubeApi>(make_server_pki(ca_cert, ca_key, {"10.0.0.10"}));
  }

  std::vector<std::string> up_args(std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = with_bastion({"up", "--yes", "--api", m_api->address()});
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }

  // The id of the instance with `role` ("control-plane", "worker"), from `hopper status`.
  std::string instance_of(const std::string& role) {
    const HopperRun status = hopper({"status", "-o", "json"});
    const nlohmann::json json = nlohmann::json::parse(status.out, nullptr, false);
    if (json.is_discarded()) return "";
    for (const auto& instance : json["instances"]) {
      if (instance["role"] == role) return instance["id"].get<std::string>();
    }
    return "";
  }

  std::unique_ptr<FakeKubeApi> m_api;
};

TEST_F(UpWaitTest, WaitsUntilTheApiAnswersAndEveryNodeIsReady) {
  // The worker registers late and turns Ready on the fourth look.
  m_api->set_nodes_sequence({node_list(false, false, false), node_list(true, false, false), node_list(true, true, false),
                             node_list(true, true, true)});
  const HopperRun up = hopper(up_args({"--wait-timeout", "2m"}));
  ASSERT_EQ(up.exit_code, 0) << up.out << up.err;
  EXPECT_NE(up.out.find("the Kubernetes API answers"), std::string::npos) << up.out;
  EXPECT_NE(up.out.find("1/2 nodes Ready"), std::string::npos) << up.out;
  EXPECT_NE(up.out.find("Cluster hopper is ready: 2/2 nodes Ready"), std::string::npos) << up.out;
  const auto paths = m_api->paths();
  EXPECT_GE(std::count(paths.begin(), paths.end(), "/api/v1/nodes"), 4);
  // The API was reached through the sshd.
  EXPECT_NE(m_bastion->log().find("Accepted publickey"), std::string::npos) << m_bastion->log();
}

TEST_F(UpWaitTest, NoWaitNeverDials) {
  const HopperRun up = hopper(up_args({"--no-wait"}));
  ASSERT_EQ(up.exit_code, 0) << up.out << up.err;
  EXPECT_TRUE(m_api->paths().empty());
  // (the fixture's own readiness probe connects once, without a key exchange)
  EXPECT_EQ(m_bastion->log().find("Accepted publickey"), std::string::npos) << m_bastion->log();
  EXPECT_EQ(up.out.find("Waiting for the cluster"), std::string::npos) << up.out;
}

TEST_F(UpWaitTest, WithoutStandInsALocalEndpointIsNotWaitedFor) {
  const HopperRun up = hopper({"up", "--yes", "--wait-timeout", "1s"});
  ASSERT_EQ(up.exit_code, 0) << up.out << up.err;
  EXPECT_NE(up.out.find("no machine booted"), std::string::npos) << up.out;
  EXPECT_EQ(up.out.find("Waiting for the cluster"), std::string::npos) << up.out;
}

TEST_F(UpWaitTest, ABootFailureOnTheConsoleStopsTheWaitWithItsTail) {
  const std::string control_plane = instance_of("control-plane");
  ASSERT_FALSE(control_plane.empty());
  std::string console;
  for (int i = 1; i <= 40; ++i) console += "[   " + std::to_string(i) + ".000000] boot line " + std::to_string(i) + "\r\n";
  console += "hopper: FAILED at step 5 (kubeadm init); see /var/log/hopper-boot.log\r\n";
  AwsProxy proxy(endpoint());
  proxy.respond_to("GetConsoleOutput", [&](const std::string& body) -> std::optional<CannedAnswer> {
    if (body.find("InstanceId=" + control_plane) == std::string::npos) return std::nullopt;
    return console_answer(control_plane, console);
  });
  m_api->set_nodes(node_list(false, false, false));
  std::map<std::string, std::string> environment = env();
  environment["AWS_ENDPOINT_URL"] = proxy.endpoint();
  const HopperRun up = run_hopper(up_args({"--wait-timeout", "10m"}), environment, dir().string());
  EXPECT_EQ(up.exit_code, 1) << up.out << up.err;
  EXPECT_NE(up.err.find("the boot of the control plane " + control_plane +
                        " failed: hopper: FAILED at step 5 (kubeadm init)"),
            std::string::npos)
      << up.err;
  EXPECT_NE(up.err.find("Console output of the control plane " + control_plane), std::string::npos) << up.err;
  // The tail: the last lines, not the whole console.
  EXPECT_NE(up.err.find("boot line 40\n"), std::string::npos) << up.err;
  EXPECT_NE(up.err.find("boot line 17\n"), std::string::npos) << up.err;
  EXPECT_EQ(up.err.find("boot line 15\n"), std::string::npos) << up.err;
  int console_reads = 0;
  for (const auto& call : proxy.calls()) console_reads += call.action == "GetConsoleOutput" ? 1 : 0;
  EXPECT_GE(console_reads, 1);
}

TEST_F(UpWaitTest, ATimeoutShowsTheConsoleOfTheNodesThatAreNotReady) {
  const std::string worker = instance_of("worker");
  ASSERT_FALSE(worker.empty());
  AwsProxy proxy(endpoint());
  proxy.respond_to("GetConsoleOutput", [&](const std::string& body) -> std::optional<CannedAnswer> {
    if (body.find("InstanceId=" + worker) == std::string::npos) return std::nullopt;
    return console_answer(worker, "[  OK  ] Started kubelet.\r\nhopper: step 4: kubeadm join\r\n");
  });
  m_api->set_nodes(node_list(true, true, false));
  std::map<std::string, std::string> environment = env();
  environment["AWS_ENDPOINT_URL"] = proxy.endpoint();
  const HopperRun up = run_hopper(up_args({"--wait-timeout", "5s"}), environment, dir().string());
  EXPECT_EQ(up.exit_code, 1) << up.out << up.err;
  EXPECT_NE(up.err.find("was not ready within 5.0s: 1/2 nodes Ready"), std::string::npos) << up.err;
  EXPECT_NE(up.err.find("Console output of the worker-1 " + worker), std::string::npos) << up.err;
  EXPECT_NE(up.err.find("hopper: step 4: kubeadm join"), std::string::npos) << up.err;
  // The control plane is Ready: its console is not shown.
  EXPECT_EQ(up.err.find("Console output of the control plane"), std::string::npos) << up.err;
}

TEST_F(UpWaitTest, ABadWaitTimeoutIsAUsageErrorBeforeAnythingChanges) {
  const HopperRun up = hopper({"up", "--yes", "--wait-timeout", "soon"});
  EXPECT_EQ(up.exit_code, 2) << up.err;
  EXPECT_NE(up.err.find("--wait-timeout"), std::string::npos) << up.err;
}

}  // namespace
}  // namespace hopper::test

// `hopper tunnel` through a real OpenSSH bastion on loopback to a TLS server that stands for the
// API server (its certificate issued by the cluster CA `hopper up` kept), and `hopper kubeconfig`
// for it: the Kubernetes API is read through the tunnel with a real mutual TLS handshake, the
// tunnel comes back after the bastion's sshd was killed and restarted, and Ctrl-C ends it cleanly.
#include <signal.h>
#include <sys/stat.h>

#include <filesystem>

#include "access_fixture.hpp"
#include "net/curl_transport.hpp"
#include "report/kube_api.hpp"
#include "support/fake_kube_api.hpp"

namespace hopper::test {
namespace {

namespace fs = std::filesystem;

class TunnelTest : public AccessTest {
 protected:
  void SetUp() override {
    AccessTest::SetUp();
    if (HasFatalFailure()) return;
    const std::string ca_cert = read_text(state_dir() / "ca.crt");
    const std::string ca_key = read_text(state_dir() / "ca.key");
    ASSERT_FALSE(ca_cert.empty() || ca_key.empty()) << "no cluster CA in " << state_dir();
    m_api = std::make_unique<FakeKubeApi>(make_server_pki(ca_cert, ca_key, {}));
    m_api->set_nodes(FakeKubeApi::node_list({{"ip-10-0-0-10", true}, {"ip-10-0-0-21", true}}));
    m_port = free_port();
  }

  std::unique_ptr<BackgroundHopper> start_tunnel() {
    return std::make_unique<BackgroundHopper>(
        with_bastion({"tunnel", "--port", std::to_string(m_port), "--api", m_api->address()}), env(), dir().string());
  }

  fs::path port_file() const { return state_dir() / "tunnel.port"; }

  // The node names read through the tunnel with the kubeconfig `hopper kubeconfig` wrote.
  util::Result<std::vector<std::string>> nodes_through(const fs::path& kubeconfig) {
    HOPPER_ASSIGN(const auto credentials, report::parse_kubeconfig(read_text(kubeconfig)));
    const std::string server = credentials.server;
    const std::string dial = server.substr(server.find("://") + 3);
    const report::KubeApiReader reader(m_transport, credentials, dial, std::chrono::seconds(10));
    HOPPER_ASSIGN(const auto nodes, reader.nodes());
    std::vector<std::string> names;
    for (const auto& node : nodes) names.push_back(node.name);
    return names;
  }

  net::CurlTransport m_transport;
  std::unique_ptr<FakeKubeApi> m_api;
  int m_port = 0;
};

TEST_F(TunnelTest, KubeconfigReachesTheApiThroughTheTunnelWithTheClusterCa) {
  auto tunnel = start_tunnel();
  ASSERT_TRUE(eventually([&] { return fs::exists(port_file()) || tunnel->finished(); }))
      << "the tunnel did not come up";
  ASSERT_FALSE(tunnel->finished()) << tunnel->wait().err;
  EXPECT_EQ(read_text(port_file()), std::to_string(m_port) + "\n");

  const HopperRun written = hopper({"kubeconfig"});
  ASSERT_EQ(written.exit_code, 0) << written.err;
  const fs::path kubeconfig = state_dir() / "kubeconfig";
  struct stat info {};
  ASSERT_EQ(::stat(kubeconfig.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  const std::string text = read_text(kubeconfig);
  EXPECT_NE(text.find("server: https://127.0.0.1:" + std::to_string(m_port)), std::string::npos) << text;
  EXPECT_NE(text.find("tls-server-name: kubernetes"), std::string::npos) << text;

  const auto nodes = nodes_through(kubeconfig);
  ASSERT_TRUE(nodes) << nodes.error().message();
  EXPECT_EQ(*nodes, (std::vector<std::string>{"ip-10-0-0-10", "ip-10-0-0-21"}));
  EXPECT_FALSE(m_api->paths().empty());

  tunnel->signal(SIGINT);
  const HopperRun ended = tunnel->wait();
  EXPECT_EQ(ended.exit_code, 0) << ended.err;
  EXPECT_NE(ended.err.find("Tunnel closed"), std::string::npos) << ended.err;
  EXPECT_FALSE(fs::exists(port_file()));
}

TEST_F(TunnelTest, AServerWithAnotherCaFailsTheHandshakeThroughTheTunnel) {
  // The same tunnel to an API whose certificate the cluster CA did not sign.
  FakeKubeApi stranger(make_test_pki());
  auto tunnel = std::make_unique<BackgroundHopper>(
      with_bastion({"tunnel", "--port", std::to_string(m_port), "--api", stranger.address()}), env(), dir().string());
  ASSERT_TRUE(eventually([&] { return fs::exists(port_file()) || tunnel->finished(); }));
  ASSERT_EQ(hopper({"kubeconfig"}).exit_code, 0);
  const auto nodes = nodes_through(state_dir() / "kubeconfig");
  EXPECT_FALSE(nodes) << "a server the cluster CA did not sign was trusted";
  EXPECT_TRUE(stranger.paths().empty());
}

TEST_F(TunnelTest, ReconnectsAfterTheBastionsSshdIsKilledAndRestarted) {
  auto tunnel = start_tunnel();
  ASSERT_TRUE(eventually([&] { return fs::exists(port_file()) || tunnel->finished(); }));
  ASSERT_FALSE(tunnel->finished()) << tunnel->wait().err;
  ASSERT_EQ(hopper({"kubeconfig"}).exit_code, 0);
  ASSERT_TRUE(nodes_through(state_dir() / "kubeconfig"));

  m_bastion->stop();
  // ssh sees its connection die and exits; the forward is gone, so is the port file.
  ASSERT_TRUE(eventually([&] { return !fs::exists(port_file()); })) << "the tunnel did not notice the bastion go";
  m_bastion->start();
  ASSERT_TRUE(m_bastion->running());
  ASSERT_TRUE(eventually([&] { return fs::exists(port_file()) || tunnel->finished(); }, std::chrono::seconds(60)))
      << "the tunnel did not come back";
  ASSERT_FALSE(tunnel->finished()) << tunnel->wait().err;
  const auto nodes = nodes_through(state_dir() / "kubeconfig");
  ASSERT_TRUE(nodes) << nodes.error().message();
  EXPECT_EQ(nodes->size(), 2u);

  tunnel->signal(SIGINT);
  const HopperRun ended = tunnel->wait();
  EXPECT_EQ(ended.exit_code, 0) << ended.err;
  EXPECT_NE(ended.err.find("reconnecting"), std::string::npos) << ended.err;
  EXPECT_FALSE(fs::exists(port_file()));
}

TEST_F(TunnelTest, APortInUseIsRefusedAtOnce) {
  FakeKubeApi occupying(make_test_pki());
  const HopperRun run = hopper(with_bastion({"tunnel", "--port", std::to_string(occupying.port()), "--api", m_api->address()}));
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.err.find("already in use"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace hopper::test

// `hopper ssh` against a real OpenSSH server on loopback standing in for the bastion and the
// control plane: the remote command's output and exit status come back, the control plane is
// reached through the bastion (ProxyJump), a host key that is not the expected one is refused,
// and without stand-ins nothing is dialled against a local endpoint.
#include <filesystem>

#include "access_fixture.hpp"

namespace hopper::test {
namespace {

TEST_F(AccessTest, SshRunsTheCommandOnTheBastionAndReturnsItsOutputAndExitStatus) {
  const HopperRun run = hopper(with_bastion({"ssh", "bastion", "--", "echo on-the-bastion-$((6*7)); exit 7"}));
  EXPECT_EQ(run.exit_code, 7) << run.out << run.err << m_bastion->log();
  EXPECT_EQ(run.out, "on-the-bastion-42\n") << run.err;
  // The host key hopper checked is the override, kept under the bastion instance's id.
  const std::string known = read_text(state_dir() / "known_hosts");
  EXPECT_NE(known.find(m_bastion->host_key()), std::string::npos) << known;
  EXPECT_NE(known.find("i-"), std::string::npos) << known;
}

TEST_F(AccessTest, SshReachesTheControlPlaneThroughTheBastion) {
  SshdServer control_plane(m_key.public_key);
  ASSERT_TRUE(control_plane.running());
  const HopperRun run = hopper(with_control_plane({"ssh", "control-plane", "--", "echo on-the-control-plane"}, control_plane));
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err << control_plane.log();
  EXPECT_EQ(run.out, "on-the-control-plane\n");
  const std::string config = read_text(state_dir() / "ssh_config");
  EXPECT_NE(config.find("ProxyJump hopper-bastion"), std::string::npos) << config;

  // The way in is the bastion: without it the control plane cannot be reached, although its own
  // sshd still listens.
  m_bastion->stop();
  const HopperRun without_bastion =
      hopper(with_control_plane({"ssh", "control-plane", "--", "echo on-the-control-plane"}, control_plane));
  EXPECT_EQ(without_bastion.exit_code, 255) << without_bastion.out << without_bastion.err;
  EXPECT_EQ(without_bastion.out, "");
}

TEST_F(AccessTest, AHostKeyThatIsNotTheExpectedOneIsRefused) {
  const SshKeyPair other = make_ssh_key_pair(dir(), "not_the_host_key");
  const std::string marker = (dir() / "ran").string();
  std::vector<std::string> args = with_bastion({"ssh", "bastion", "--", "touch " + marker});
  // The override names a key the server does not hold.
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == "--bastion-host-key") args[i + 1] = other.public_key;
  }
  const HopperRun run = hopper(args);
  EXPECT_EQ(run.exit_code, 255) << run.out << run.err;
  EXPECT_NE(run.err.find("Host key verification failed"), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(marker)) << "the command ran on a host with the wrong key";
  // Never trusted on first use: the key the server presented was not written down.
  const std::string known = read_text(state_dir() / "known_hosts");
  EXPECT_EQ(known.find(m_bastion->host_key()), std::string::npos) << known;
}

TEST_F(AccessTest, AWrongControlPlaneKeyIsRefusedToo) {
  SshdServer control_plane(m_key.public_key);
  const SshKeyPair other = make_ssh_key_pair(dir(), "not_the_host_key");
  std::vector<std::string> args = with_control_plane({"ssh", "control-plane", "--", "echo reached"}, control_plane);
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == "--control-plane-host-key") args[i + 1] = other.public_key;
  }
  const HopperRun run = hopper(args);
  EXPECT_EQ(run.exit_code, 255) << run.out << run.err;
  EXPECT_NE(run.err.find("Host key verification failed"), std::string::npos) << run.err;
  EXPECT_EQ(run.out.find("reached"), std::string::npos);
}

TEST_F(AccessTest, WithoutStandInsNothingIsDialledAgainstALocalEndpoint) {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"ssh", "bastion", "--", "true"},
                                              std::vector<std::string>{"ssh", "--", "true"},
                                              std::vector<std::string>{"ssh-config"},
                                              std::vector<std::string>{"tunnel"}}) {
    const HopperRun run = hopper(args);
    EXPECT_EQ(run.exit_code, 1) << args[0] << "\n" << run.out << run.err;
    EXPECT_NE(run.err.find("the cluster itself was not booted"), std::string::npos) << args[0] << "\n" << run.err;
  }
  // The bastion's stand-in alone does not make the control plane reachable.
  const HopperRun control_plane = hopper(with_bastion({"ssh", "control-plane", "--", "true"}));
  EXPECT_EQ(control_plane.exit_code, 1) << control_plane.err;
  EXPECT_NE(control_plane.err.find("--control-plane HOST:PORT"), std::string::npos) << control_plane.err;
  // Words after "--" are a remote command: only `hopper ssh` takes one.
  const HopperRun stray = hopper({"ssh-config", "--", "uptime"});
  EXPECT_EQ(stray.exit_code, 2) << stray.err;
  EXPECT_NE(stray.err.find("for `hopper ssh` only"), std::string::npos) << stray.err;
  // No connection reached the sshd.
  EXPECT_EQ(m_bastion->log().find("Accepted publickey"), std::string::npos) << m_bastion->log();
}

}  // namespace
}  // namespace hopper::test

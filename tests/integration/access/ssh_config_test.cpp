// `hopper ssh-config`'s output used by plain OpenSSH: ssh -F and scp -F reach the bastion and,
// through it, the control plane, with hopper's known_hosts.
#include <filesystem>
#include <fstream>

#include "access_fixture.hpp"
#include "util/process.hpp"

namespace hopper::test {
namespace {

util::ProcessResult run(const std::vector<std::string>& argv) {
  util::ProcessOptions options;
  options.env["SSH_AUTH_SOCK"] = std::nullopt;
  options.timeout = std::chrono::seconds(60);
  auto ran = util::run_process(argv, options);
  if (!ran) {
    ADD_FAILURE() << ran.error().message();
    return {};
  }
  return *ran;
}

TEST_F(AccessTest, SshConfigWorksWithPlainSshAndScp) {
  SshdServer control_plane(m_key.public_key);
  const HopperRun printed = hopper(with_control_plane({"ssh-config"}, control_plane));
  ASSERT_EQ(printed.exit_code, 0) << printed.err;
  // The worker has no stand-in: left out, and said so.
  EXPECT_EQ(printed.out.find("Host hopper-worker-1\n"), std::string::npos) << printed.out;
  EXPECT_NE(printed.err.find("left out hopper-worker-1"), std::string::npos) << printed.err;
  const std::filesystem::path config = dir() / "hopper.ssh_config";
  {
    std::ofstream(config) << printed.out;
  }

  const auto bastion = run({"ssh", "-F", config.string(), "hopper-bastion", "echo plain-ssh-$((1+1))"});
  EXPECT_EQ(bastion.exit_code, 0) << bastion.err;
  EXPECT_EQ(bastion.out, "plain-ssh-2\n");
  const auto cp = run({"ssh", "-F", config.string(), "hopper-control-plane", "echo through-the-bastion"});
  EXPECT_EQ(cp.exit_code, 0) << cp.err;
  EXPECT_EQ(cp.out, "through-the-bastion\n");

  const std::filesystem::path source = dir() / "payload.txt";
  {
    std::ofstream(source) << "copied by scp\n";
  }
  const std::filesystem::path target = dir() / "copied.txt";
  const auto scp = run({"scp", "-F", config.string(), source.string(), "hopper-control-plane:" + target.string()});
  ASSERT_EQ(scp.exit_code, 0) << scp.err;
  EXPECT_EQ(read_text(target), "copied by scp\n");
  const std::filesystem::path back = dir() / "back.txt";
  const auto scp_back = run({"scp", "-F", config.string(), "hopper-bastion:" + target.string(), back.string()});
  ASSERT_EQ(scp_back.exit_code, 0) << scp_back.err;
  EXPECT_EQ(read_text(back), "copied by scp\n");

  // The printed config is the one hopper keeps, and it checks host keys strictly.
  EXPECT_EQ(read_text(state_dir() / "ssh_config"), printed.out);
  EXPECT_NE(printed.out.find("StrictHostKeyChecking yes"), std::string::npos);
  EXPECT_NE(printed.out.find("User " + current_user()), std::string::npos);
}

TEST_F(AccessTest, PlainSshRefusesAServerWhoseKeyIsNotInHoppersKnownHosts) {
  const SshKeyPair other = make_ssh_key_pair(dir(), "not_the_host_key");
  std::vector<std::string> args = with_bastion({"ssh-config"});
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == "--bastion-host-key") args[i + 1] = other.public_key;
  }
  const HopperRun printed = hopper(args);
  ASSERT_EQ(printed.exit_code, 0) << printed.err;
  const std::filesystem::path config = dir() / "hopper.ssh_config";
  {
    std::ofstream(config) << printed.out;
  }
  const auto refused = run({"ssh", "-F", config.string(), "hopper-bastion", "echo reached"});
  EXPECT_EQ(refused.exit_code, 255);
  EXPECT_NE(refused.err.find("Host key verification failed"), std::string::npos) << refused.err;
  EXPECT_EQ(refused.out, "");
}

}  // namespace
}  // namespace hopper::test

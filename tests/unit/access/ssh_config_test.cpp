// The ssh_config hopper writes and prints, and HOST:PORT parsing.
#include "access/ssh_config.hpp"

#include <gtest/gtest.h>

namespace hopper::access {
namespace {

TEST(SshConfigTest, ParsesEndpoints) {
  EXPECT_EQ(*parse_endpoint("127.0.0.1:2222", 22), (Endpoint{"127.0.0.1", 2222}));
  EXPECT_EQ(*parse_endpoint("bastion.example", 22), (Endpoint{"bastion.example", 22}));
  EXPECT_EQ(*parse_endpoint("10.0.1.10", 6443), (Endpoint{"10.0.1.10", 6443}));
  EXPECT_EQ(*parse_endpoint("[::1]:2200", 22), (Endpoint{"::1", 2200}));
  EXPECT_EQ(*parse_endpoint("::1", 22), (Endpoint{"::1", 22}));
  EXPECT_EQ((Endpoint{"::1", 22}).str(), "[::1]:22");
  for (const char* bad : {"", ":22", "host:", "host:0", "host:65536", "host:22x", "[::1", "[::1]x"}) {
    const auto parsed = parse_endpoint(bad, 22);
    ASSERT_FALSE(parsed) << bad;
    EXPECT_EQ(parsed.error().exit_code(), util::ExitCode::usage);
  }
}

TEST(SshConfigTest, RendersHostsThroughTheBastion) {
  SshSettings settings;
  settings.identity_file = "/home/me/.ssh/id_ed25519";
  settings.known_hosts = "/home/me/.local/state/hopper/demo-eu-west-1/known_hosts";
  settings.header = "hopper: demo";
  const std::vector<SshHost> hosts{
      {"demo-bastion", "203.0.113.10", 22, "i-0b", "", "bastion i-0b"},
      {"demo-control-plane", "10.0.1.10", 22, "i-0c", "demo-bastion", ""},
  };
  const std::string text = render_ssh_config(hosts, settings);
  EXPECT_EQ(text,
            "# hopper: demo\n"
            "\n"
            "# bastion i-0b\n"
            "Host demo-bastion\n"
            "  HostName 203.0.113.10\n"
            "  Port 22\n"
            "  HostKeyAlias i-0b\n"
            "\n"
            "Host demo-control-plane\n"
            "  HostName 10.0.1.10\n"
            "  Port 22\n"
            "  HostKeyAlias i-0c\n"
            "  ProxyJump demo-bastion\n"
            "\n"
            "Host demo-bastion demo-control-plane\n"
            "  User ubuntu\n"
            "  IdentityFile /home/me/.ssh/id_ed25519\n"
            "  IdentitiesOnly yes\n"
            "  UserKnownHostsFile /home/me/.local/state/hopper/demo-eu-west-1/known_hosts\n"
            "  GlobalKnownHostsFile /dev/null\n"
            "  StrictHostKeyChecking yes\n"
            "  UpdateHostKeys no\n"
            "  CheckHostIP no\n"
            "  ConnectTimeout 20\n"
            "  ServerAliveInterval 15\n"
            "  ServerAliveCountMax 4\n");
}

TEST(SshConfigTest, QuotesPathsAndEscapesPercent) {
  SshSettings settings;
  settings.known_hosts = "/tmp/my state/100%/known_hosts";
  const std::string text = render_ssh_config({{"a-bastion", "1.2.3.4", 22, "i-1", "", ""}}, settings);
  EXPECT_NE(text.find("  UserKnownHostsFile \"/tmp/my state/100%%/known_hosts\"\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("IdentityFile"), std::string::npos);  // the agent
}

TEST(SshConfigTest, NothingToReachIsJustTheHeader) {
  SshSettings settings;
  settings.header = "x";
  EXPECT_EQ(render_ssh_config({}, settings), "# x\n");
}

TEST(SshConfigTest, TheLoginUserCanBeChanged) {
  SshSettings settings;
  settings.known_hosts = "/k";
  EXPECT_NE(render_ssh_config({{"a-bastion", "127.0.0.1", 2222, "i-0b", "", ""}}, settings).find("  User ubuntu\n"),
            std::string::npos);
  settings.user = "root";
  EXPECT_NE(render_ssh_config({{"a-bastion", "127.0.0.1", 2222, "i-0b", "", ""}}, settings).find("  User root\n"),
            std::string::npos);
}

}  // namespace
}  // namespace hopper::access

// The tunnel's ssh command line and the loopback port checks it relies on.
#include "access/tunnel.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

namespace hopper::access {
namespace {

TEST(TunnelTest, ForwardsLoopbackOnlyAndFailsWhenItCannotForward) {
  TunnelOptions options;
  options.ssh_config = "/state/ssh_config";
  options.bastion_alias = "demo-bastion";
  options.local_port = 16443;
  options.target = {"10.0.1.10", 6443};
  const auto argv = tunnel_argv(options);
  const std::vector<std::string> expected{
      "ssh", "-F", "/state/ssh_config", "-N", "-n", "-o", "ExitOnForwardFailure=yes", "-o", "ServerAliveInterval=15",
      "-o", "ServerAliveCountMax=3", "-o", "GatewayPorts=no", "-L", "127.0.0.1:16443:10.0.1.10:6443", "--", "demo-bastion"};
  EXPECT_EQ(argv, expected);
  options.batch_mode = true;
  options.target = {"::1", 6443};
  const auto batch = tunnel_argv(options);
  EXPECT_NE(std::find(batch.begin(), batch.end(), "BatchMode=yes"), batch.end());
  EXPECT_NE(std::find(batch.begin(), batch.end(), "127.0.0.1:16443:[::1]:6443"), batch.end());
}

TEST(TunnelTest, SeesWhetherALoopbackPortListens) {
  const auto port = pick_free_port();
  ASSERT_TRUE(port);
  EXPECT_TRUE(is_port_free(*port));
  EXPECT_FALSE(is_listening(*port));
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(*port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  EXPECT_FALSE(is_listening(*port));  // bound, not listening yet
  ASSERT_EQ(::listen(fd, 1), 0);
  EXPECT_TRUE(is_listening(*port));
  EXPECT_FALSE(is_port_free(*port));
  ::close(fd);
  EXPECT_FALSE(is_listening(*port));
}

}  // namespace
}  // namespace hopper::access

// Finding the boot script's failure line in an instance's console output.
#include "access/console.hpp"

#include <gtest/gtest.h>

namespace hopper::access {
namespace {

TEST(ConsoleTest, FindsTheBootFailureLine) {
  EXPECT_FALSE(find_boot_failure(""));
  EXPECT_FALSE(find_boot_failure("[  OK  ] Started kubelet.\nhopper: step 3: kubeadm init\n"));
  const std::string console =
      "[   12.1] cloud-init[811]: hopper: FAILED at step 2 (pull images); see /var/log/hopper-boot.log\r\n"
      "[   14.0] cloud-init[811]: hopper: FAILED at step 4 (kubeadm init); see /var/log/hopper-boot.log\r\n"
      "[   15.0] reboot: done\n";
  EXPECT_EQ(find_boot_failure(console), "hopper: FAILED at step 4 (kubeadm init); see /var/log/hopper-boot.log");
  EXPECT_EQ(find_boot_failure("hopper: FAILED at step 1 (start)"), "hopper: FAILED at step 1 (start)");
}

}  // namespace
}  // namespace hopper::access

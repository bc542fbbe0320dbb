// An `up` killed at any point converges when run again, with no duplicate resource; an `up`
// through throttling, server errors and dropped connections (some after AWS acted) converges
// too, and so does the `down` after it.
#include <signal.h>

#include <atomic>

#include "cluster_fixture.hpp"

namespace hopper::test {
namespace {

const std::map<std::string, int> k_one_cluster = {
    {"vpc", 1}, {"subnet", 2}, {"route_table", 2}, {"internet_gateway", 1}, {"elastic_ip", 1}, {"nat_gateway", 1},
    {"security_group", 3}, {"key_pair", 1}, {"launch_template", 1}, {"instance", 3}, {"auto_scaling_group", 1},
    {"iam_role", 2}, {"iam_instance_profile", 2}, {"ssm_parameter", 4}};

class ResumeTest : public ClusterTest {};

TEST_F(ResumeTest, KilledUpThenUpAgainConvergesWithoutDuplicates) {
  // How many requests a whole `up` makes, to spread the kill points over it.
  ASSERT_EQ(hopper({"up", "--yes"}).exit_code, 0);
  const int total = static_cast<int>(m_proxy->calls().size());
  ASSERT_GT(total, 40);
  ASSERT_EQ(hopper({"down", "--yes"}).exit_code, 0);

  constexpr int k_points = 24;
  for (int point = 0; point < k_points; ++point) {
    const int kill_at = 2 + point * (total - 4) / (k_points - 1);
    SCOPED_TRACE("SIGKILL at request " + std::to_string(kill_at) + " of " + std::to_string(total));
    m_moto->reset();
    m_proxy->clear();
    std::atomic<int> pid{0};
    m_proxy->on_request(kill_at, [&] {
      if (pid > 0) ::kill(pid, SIGKILL);
      // Let the kill land before the request goes on.
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    });
    const HopperRun killed = hopper({"up", "--yes"}, [&](int started) { pid = started; });
    EXPECT_EQ(killed.exit_code, 128 + SIGKILL) << killed.err;
    m_proxy->on_request(0, {});
    const HopperRun resumed = hopper({"up", "--yes"});
    ASSERT_EQ(resumed.exit_code, 0) << resumed.out << resumed.err;
    EXPECT_EQ(census(), k_one_cluster);
    const HopperRun plan = hopper({"plan", "--detailed-exitcode"});
    EXPECT_EQ(plan.exit_code, 0) << plan.out;
  }
}

TEST_F(ResumeTest, UpAndDownConvergeThroughThrottlingErrorsAndDroppedConnections) {
  m_proxy->set_faults({0.20, 0.05, 0.02, 7});
  // Every failure that outlasts the retries leaves a resumable state: run again, a few times at most.
  int runs = 0;
  HopperRun up;
  do {
    up = hopper({"up", "--yes"});
    ++runs;
  } while (up.exit_code != 0 && runs < 4);
  ASSERT_EQ(up.exit_code, 0) << up.out << up.err;
  int faults = 0;
  for (const auto& call : m_proxy->calls()) faults += call.fault.empty() ? 0 : 1;
  EXPECT_GT(faults, 10);
  m_proxy->set_faults({});
  EXPECT_EQ(census(), k_one_cluster);

  m_proxy->set_faults({0.20, 0.05, 0.02, 11});
  runs = 0;
  HopperRun down;
  do {
    down = hopper({"down", "--yes"});
    ++runs;
  } while (down.exit_code != 0 && runs < 4);
  ASSERT_EQ(down.exit_code, 0) << down.out << down.err;
  m_proxy->set_faults({});
  for (const auto& [kind, n] : census()) EXPECT_EQ(n, 0) << kind;
}

}  // namespace
}  // namespace hopper::test

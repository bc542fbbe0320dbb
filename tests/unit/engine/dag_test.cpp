#include "engine/dag.hpp"

#include <atomic>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>

namespace hopper::engine {
namespace {

TEST(DagTest, RunsEachNodeAfterItsDependencies) {
  // 0 <- 1 <- 3, 0 <- 2 <- 3
  const std::vector<std::vector<std::size_t>> deps = {{}, {0}, {0}, {1, 2}};
  std::mutex mutex;
  std::vector<std::size_t> order;
  const DagResult result = run_dag(deps, 4, [&](std::size_t i) -> util::Status {
    std::lock_guard lock(mutex);
    order.push_back(i);
    return {};
  });
  ASSERT_TRUE(result.all_ok());
  ASSERT_EQ(order.size(), 4u);
  EXPECT_EQ(order.front(), 0u);
  EXPECT_EQ(order.back(), 3u);
}

TEST(DagTest, RunsIndependentNodesAtOnceWithinTheBound) {
  const std::vector<std::vector<std::size_t>> deps(6);
  std::atomic<int> running{0}, peak{0};
  const DagResult result = run_dag(deps, 3, [&](std::size_t) -> util::Status {
    const int now = ++running;
    int seen = peak.load();
    while (now > seen && !peak.compare_exchange_weak(seen, now)) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    --running;
    return {};
  });
  EXPECT_TRUE(result.all_ok());
  EXPECT_EQ(peak.load(), 3);
}

TEST(DagTest, AFailureSkipsDependentsButNotIndependentNodes) {
  // 0 fails; 1 depends on 0; 2 depends on 1; 3 is independent.
  const std::vector<std::vector<std::size_t>> deps = {{}, {0}, {1}, {}};
  std::atomic<int> ran{0};
  const DagResult result = run_dag(deps, 2, [&](std::size_t i) -> util::Status {
    ++ran;
    if (i == 0) return util::Error::failed("boom");
    return {};
  });
  EXPECT_EQ(result.outcomes[0], NodeOutcome::failed);
  EXPECT_EQ(result.errors[0]->message(), "boom");
  EXPECT_EQ(result.outcomes[1], NodeOutcome::skipped);
  EXPECT_EQ(result.outcomes[2], NodeOutcome::skipped);
  EXPECT_EQ(result.outcomes[3], NodeOutcome::ok);
  EXPECT_EQ(ran.load(), 2);
}

TEST(DagTest, TopologicalOrderReportsTheCycle) {
  const TopoResult ok = topological_order({{}, {0}, {1}});
  EXPECT_EQ(ok.order, (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_TRUE(ok.cycle.empty());
  const TopoResult cyclic = topological_order({{2}, {0}, {1}});
  EXPECT_TRUE(cyclic.order.empty());
  EXPECT_EQ(cyclic.cycle.size(), 3u);
}

}  // namespace
}  // namespace hopper::engine

// retry_delay (full jitter, per-kind bases, the 20 s cap, x-amz-retry-after) and RetryQuota
// (the retry-token bucket), as pure functions of their inputs.
#include "aws/core/retry.hpp"

#include <atomic>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "support/fake_clock.hpp"

namespace hopper::aws {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;

milliseconds delay(RetryKind kind, int next_attempt, double rand, milliseconds hint = 0ms) {
  test::ScriptedRandom random({rand});
  return retry_delay(RetryOptions{}, kind, next_attempt, random, hint);
}

TEST(RetryTest, ThrottlingBackoffIsFullJitterOverOneSecondDoubling) {
  // rand x min(20 s, 1 s x 2^(n-1)) for retry n = next_attempt - 1.
  EXPECT_EQ(delay(RetryKind::throttling, 2, 0.5), 500ms);
  EXPECT_EQ(delay(RetryKind::throttling, 3, 0.5), 1000ms);
  EXPECT_EQ(delay(RetryKind::throttling, 4, 0.5), 2000ms);
  EXPECT_EQ(delay(RetryKind::throttling, 5, 0.5), 4000ms);
  EXPECT_EQ(delay(RetryKind::throttling, 6, 0.5), 8000ms);
  EXPECT_EQ(delay(RetryKind::throttling, 7, 0.5), 10000ms);  // 32 s capped at 20 s
  EXPECT_EQ(delay(RetryKind::throttling, 8, 0.5), 10000ms);
  EXPECT_EQ(delay(RetryKind::throttling, 2, 0.25), 250ms);
  EXPECT_EQ(delay(RetryKind::throttling, 4, 0.0), 0ms);
  EXPECT_EQ(delay(RetryKind::throttling, 4, 0.999), 3996ms);
}

TEST(RetryTest, TransientAndTimeoutBackoffUseFiftyMilliseconds) {
  for (RetryKind kind : {RetryKind::transient, RetryKind::timeout}) {
    EXPECT_EQ(delay(kind, 2, 1.0), 50ms);
    EXPECT_EQ(delay(kind, 3, 1.0), 100ms);
    EXPECT_EQ(delay(kind, 4, 1.0), 200ms);
    EXPECT_EQ(delay(kind, 5, 1.0), 400ms);
    EXPECT_EQ(delay(kind, 2, 0.5), 25ms);
    EXPECT_EQ(delay(kind, 10, 1.0), 12800ms);
    EXPECT_EQ(delay(kind, 11, 1.0), 20000ms);  // 25.6 s capped at 20 s
  }
}

TEST(RetryTest, HugeAttemptNumbersStayAtTheCap) {
  EXPECT_EQ(delay(RetryKind::throttling, 1000, 1.0), 20000ms);
  EXPECT_EQ(delay(RetryKind::transient, 1'000'000, 0.5), 10000ms);
  EXPECT_EQ(delay(RetryKind::transient, 0, 1.0), 50ms);  // nonsense input: no negative exponent
}

TEST(RetryTest, ServerRetryAfterIsHonouredWithinFiveSecondsOfTheComputedDelay) {
  // Computed: 0.5 x 50 ms = 25 ms.
  EXPECT_EQ(delay(RetryKind::transient, 2, 0.5, 3000ms), 3000ms);  // at least the hint
  EXPECT_EQ(delay(RetryKind::transient, 2, 0.5, 9000ms), 5025ms);  // at most computed + 5 s
  EXPECT_EQ(delay(RetryKind::transient, 2, 0.5, 10ms), 25ms);      // a shorter hint changes nothing
  EXPECT_EQ(delay(RetryKind::throttling, 3, 0.5, 0ms), 1000ms);    // no hint
  EXPECT_EQ(delay(RetryKind::throttling, 3, 0.5, 5500ms), 5500ms);
  EXPECT_EQ(delay(RetryKind::throttling, 3, 0.5, 7000ms), 6000ms);
}

TEST(RetryTest, CustomOptionsChangeBasesAndCap) {
  RetryOptions options;
  options.transient_base = 10ms;
  options.throttling_base = 100ms;
  options.max_backoff = 300ms;
  test::ScriptedRandom random({1.0});
  EXPECT_EQ(retry_delay(options, RetryKind::transient, 3, random), 20ms);
  EXPECT_EQ(retry_delay(options, RetryKind::throttling, 3, random), 200ms);
  EXPECT_EQ(retry_delay(options, RetryKind::throttling, 4, random), 300ms);
}

TEST(RetryQuotaTest, RetriesCostFiveOrTenAfterATimeout) {
  RetryQuota quota(RetryOptions{});
  EXPECT_EQ(quota.available(), 500);
  int taken = 0;
  ASSERT_TRUE(quota.acquire(RetryKind::transient, taken));
  EXPECT_EQ(quota.available(), 495);
  EXPECT_EQ(taken, 5);
  ASSERT_TRUE(quota.acquire(RetryKind::throttling, taken));
  EXPECT_EQ(quota.available(), 490);
  ASSERT_TRUE(quota.acquire(RetryKind::timeout, taken));
  EXPECT_EQ(quota.available(), 480);
}

TEST(RetryQuotaTest, AnEmptyBucketRefusesAndAFullOneStaysFull) {
  RetryOptions options;
  options.quota_capacity = 12;
  RetryQuota quota(options);
  int taken = 0;
  EXPECT_TRUE(quota.acquire(RetryKind::transient, taken));   // 7 left
  EXPECT_TRUE(quota.acquire(RetryKind::transient, taken));   // 2 left
  EXPECT_FALSE(quota.acquire(RetryKind::transient, taken));  // cannot pay 5
  EXPECT_FALSE(quota.acquire(RetryKind::timeout, taken));
  EXPECT_EQ(quota.available(), 2);

  // A first-try success adds one, up to the capacity.
  RetryQuota full(options);
  full.on_success(0);
  EXPECT_EQ(full.available(), 12);
}

TEST(RetryQuotaTest, ASuccessRefundsItsLastAcquisitionAsTheSdksDo) {
  // botocore quota.py: a retried call that ends in a 2xx returns the amount of its last
  // acquisition; a first-try success returns 1; a failure returns nothing.
  RetryQuota quota(RetryOptions{});
  int taken = 0;
  ASSERT_TRUE(quota.acquire(RetryKind::transient, taken));  // 495
  ASSERT_TRUE(quota.acquire(RetryKind::timeout, taken));    // 485
  quota.on_success(taken);
  EXPECT_EQ(quota.available(), 495);  // the last acquisition (10) came back

  int other = 0;
  ASSERT_TRUE(quota.acquire(RetryKind::throttling, other));  // 490
  quota.on_success(0);                                       // first-try success elsewhere: +1
  EXPECT_EQ(quota.available(), 491);
}

TEST(RetryQuotaTest, ConcurrentAcquiresNeverOverdraw) {
  RetryOptions options;
  options.quota_capacity = 1000;
  RetryQuota quota(options);
  std::atomic<int> granted{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) {
        int taken = 0;
        if (quota.acquire(RetryKind::transient, taken)) ++granted;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(granted.load(), 200);  // 1000 / 5
  EXPECT_EQ(quota.available(), 0);
}

}  // namespace
}  // namespace hopper::aws

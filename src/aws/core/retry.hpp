// Retries as the AWS SDKs' "standard" mode does them, with the 2026 timings:
//  - retried: throttling codes, transient codes, HTTP 500/502/503/504, connect failures,
//    timeouts and dropped connections; everything else surfaces at once;
//  - delay: full jitter, rand[0,1) x min(20 s, base x 2^(attempt-1)), base 1 s for throttling
//    and 50 ms for the rest (at least the server's x-amz-retry-after, at most computed + 5 s);
//  - bounded attempts (default 5 for a provisioning tool; AWS_MAX_ATTEMPTS overrides);
//  - a retry quota shared by all calls: 500 tokens, a retry costs 5 (10 after a timeout), a
//    success after retries refunds its last acquisition (1 when it succeeded at once), as
//    botocore's quota.py does. An empty bucket stops retries so an outage does not turn into a
//    retry storm.
//
// Thread-safety: RetryQuota is safe to share between threads; the rest is pure.
#pragma once

#include <chrono>
#include <mutex>

#include "util/clock.hpp"

namespace hopper::aws {

struct RetryOptions {
  int max_attempts = 5;
  std::chrono::milliseconds transient_base{50};
  std::chrono::milliseconds throttling_base{1000};
  std::chrono::milliseconds max_backoff{20'000};
  int quota_capacity = 500;
  int retry_cost = 5;
  int timeout_retry_cost = 10;
  int success_refund = 1;
};

enum class RetryKind { none, transient, throttling, timeout };

class RetryQuota {
 public:
  explicit RetryQuota(const RetryOptions& options)
      : m_options(options), m_available(options.quota_capacity) {}
  // Takes the cost of retrying after `kind` and records it in `taken` (the call's last
  // acquisition); false when the bucket cannot pay (do not retry; `taken` unchanged).
  bool acquire(RetryKind kind, int& taken);
  // After a success: refunds `taken` (the call's last acquisition), or success_refund when none.
  void on_success(int taken);
  int available() const;

 private:
  RetryOptions m_options;
  mutable std::mutex m_mutex;
  int m_available;
};

// The delay before attempt `next_attempt` (2, 3, ...) after a failure of `kind`.
std::chrono::milliseconds retry_delay(const RetryOptions& options, RetryKind kind, int next_attempt,
                                      util::Random& random,
                                      std::chrono::milliseconds server_hint = std::chrono::milliseconds(0));

}  // namespace hopper::aws

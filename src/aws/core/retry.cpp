#include "aws/core/retry.hpp"

#include <algorithm>
#include <cmath>

namespace hopper::aws {

bool RetryQuota::acquire(RetryKind kind, int& taken) {
  const int cost = kind == RetryKind::timeout ? m_options.timeout_retry_cost : m_options.retry_cost;
  std::lock_guard lock(m_mutex);
  if (m_available < cost) return false;
  m_available -= cost;
  taken = cost;  // the SDKs refund only the last acquisition on success (botocore quota.py)
  return true;
}

void RetryQuota::on_success(int taken) {
  std::lock_guard lock(m_mutex);
  m_available = std::min(m_options.quota_capacity, m_available + (taken > 0 ? taken : m_options.success_refund));
}

int RetryQuota::available() const {
  std::lock_guard lock(m_mutex);
  return m_available;
}

std::chrono::milliseconds retry_delay(const RetryOptions& options, RetryKind kind, int next_attempt,
                                      util::Random& random, std::chrono::milliseconds server_hint) {
  const auto base = kind == RetryKind::throttling ? options.throttling_base : options.transient_base;
  const int exponent = std::clamp(next_attempt - 2, 0, 30);
  const double ceiling = std::min(static_cast<double>(options.max_backoff.count()),
                                  static_cast<double>(base.count()) * std::pow(2.0, exponent));
  auto delay = std::chrono::milliseconds(static_cast<long long>(random.uniform() * ceiling));
  if (server_hint.count() > 0) {
    delay = std::max(delay, std::min(server_hint, delay + std::chrono::milliseconds(5000)));
  }
  return delay;
}

}  // namespace hopper::aws

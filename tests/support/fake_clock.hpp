// FakeClock: time that moves only when told to (or when code "sleeps" on it), so tests of
// retries, waiters and timeouts never sleep. Thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <vector>

#include "util/clock.hpp"

namespace hopper::test {

class FakeClock final : public util::Clock {
 public:
  FakeClock();
  WallTime wall_now() const override;
  Instant now() const override;
  // Advances both clocks by `duration` and records it.
  void sleep_for(std::chrono::milliseconds duration) override;
  void advance(std::chrono::milliseconds duration);
  // Every duration passed to sleep_for, in order.
  std::vector<std::chrono::milliseconds> sleeps() const;

 private:
  mutable std::mutex m_mutex;
  WallTime m_wall;
  Instant m_now;
  std::vector<std::chrono::milliseconds> m_sleeps;
};

// A Random that returns values from a script, cycling (default: always 0.5).
class ScriptedRandom final : public util::Random {
 public:
  explicit ScriptedRandom(std::vector<double> values = {0.5}) : m_values(std::move(values)) {}
  double uniform() override;
  std::string bytes(std::size_t n) override { return std::string(n, '\x42'); }

 private:
  std::mutex m_mutex;
  std::vector<double> m_values;
  std::size_t m_next = 0;
};

}  // namespace hopper::test

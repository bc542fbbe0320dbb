#include "support/fake_clock.hpp"

namespace hopper::test {

FakeClock::FakeClock()
    : m_wall(std::chrono::system_clock::from_time_t(1'767'225'600)),  // 2026-01-01T00:00:00Z
      m_now(std::chrono::steady_clock::time_point{} + std::chrono::hours(1)) {}

util::Clock::WallTime FakeClock::wall_now() const {
  std::lock_guard lock(m_mutex);
  return m_wall;
}

util::Clock::Instant FakeClock::now() const {
  std::lock_guard lock(m_mutex);
  return m_now;
}

void FakeClock::sleep_for(std::chrono::milliseconds duration) {
  std::lock_guard lock(m_mutex);
  m_sleeps.push_back(duration);
  m_wall += duration;
  m_now += duration;
}

void FakeClock::advance(std::chrono::milliseconds duration) {
  std::lock_guard lock(m_mutex);
  m_wall += duration;
  m_now += duration;
}

std::vector<std::chrono::milliseconds> FakeClock::sleeps() const {
  std::lock_guard lock(m_mutex);
  return m_sleeps;
}

double ScriptedRandom::uniform() {
  std::lock_guard lock(m_mutex);
  const double v = m_values[m_next % m_values.size()];
  ++m_next;
  return v;
}

}  // namespace hopper::test

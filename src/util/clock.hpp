// Clock and Random: the seams for time and chance, injected so that tests never sleep and every
// retry jitter is reproducible.
//
// Thread-safety: SystemClock and SystemRandom may be used from several threads at once; the test
// twins in tests/support document their own rules.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <random>

namespace hopper::util {

class Clock {
 public:
  using WallTime = std::chrono::system_clock::time_point;
  using Instant = std::chrono::steady_clock::time_point;
  virtual ~Clock() = default;
  // Wall-clock time (for signatures and timestamps).
  virtual WallTime wall_now() const = 0;
  // Monotonic time (for deadlines and elapsed times).
  virtual Instant now() const = 0;
  // Blocks the calling thread for `duration` (a fake clock advances instead).
  virtual void sleep_for(std::chrono::milliseconds duration) = 0;
};

class SystemClock final : public Clock {
 public:
  WallTime wall_now() const override { return std::chrono::system_clock::now(); }
  Instant now() const override { return std::chrono::steady_clock::now(); }
  void sleep_for(std::chrono::milliseconds duration) override;
  // The process-wide instance.
  static SystemClock& instance();
};

class Random {
 public:
  virtual ~Random() = default;
  // A uniformly distributed number in [0, 1).
  virtual double uniform() = 0;
  // `n` random bytes.
  virtual std::string bytes(std::size_t n) = 0;
};

// A seeded Mersenne Twister behind a mutex. Not for secrets (crypto::random_bytes is).
class SeededRandom final : public Random {
 public:
  explicit SeededRandom(std::uint64_t seed) : m_engine(seed) {}
  double uniform() override;
  std::string bytes(std::size_t n) override;

 private:
  std::mutex m_mutex;
  std::mt19937_64 m_engine;
};

// Formats a wall time as ISO 8601 UTC with seconds: 2015-08-30T12:36:00Z.
std::string format_iso8601(Clock::WallTime time);
// Parses "YYYY-MM-DDTHH:MM:SS[.fff]Z" (or +00:00); false on anything else.
bool parse_iso8601(std::string_view text, Clock::WallTime& out);
// Human duration: "850ms", "12.3s", "2m05s".
std::string format_duration(std::chrono::milliseconds duration);

}  // namespace hopper::util

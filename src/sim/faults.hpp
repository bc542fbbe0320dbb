// Fault injection, seeded and reproducible: the n-th request of a run meets the same fault for
// the same seed and rates. One draw per request decides between throttling, a server error, a
// dropped connection and (for mutating calls) an answer lost after the call took effect.
//
// Thread-safety: draw() may be called from several threads (one mutex).
#pragma once

#include <cstdint>
#include <mutex>
#include <random>

namespace hopper::sim {

struct FaultOptions {
  double throttle_rate = 0;     // RequestLimitExceeded / Throttling / ThrottlingException
  double error_rate = 0;        // InternalError 500 / ServiceUnavailable 503
  double drop_rate = 0;         // connection closed before the call runs
  double lost_answer_rate = 0;  // the call runs, then the connection is closed
  int consistency_delay_ms = 0; // a new id answers NotFound this long after its create
  std::uint64_t seed = 1;
};

enum class Fault { none, throttle, error, drop, lost_answer };

class Faults {
 public:
  explicit Faults(const FaultOptions& options) : m_options(options), m_rng(options.seed ^ 0x5eedfa17ULL) {}
  // The fault for the next request; `mutating` allows lost_answer.
  Fault draw(bool mutating);
  // A second draw for the kind of server error (false: 500, true: 503).
  bool unavailable();

 private:
  FaultOptions m_options;
  std::mutex m_mutex;
  std::mt19937_64 m_rng;
};

}  // namespace hopper::sim

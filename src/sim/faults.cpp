#include "sim/faults.hpp"

namespace hopper::sim {

Fault Faults::draw(bool mutating) {
  const double total = m_options.throttle_rate + m_options.error_rate + m_options.drop_rate + m_options.lost_answer_rate;
  if (total <= 0) return Fault::none;
  std::lock_guard lock(m_mutex);
  const double u = std::uniform_real_distribution<double>(0.0, 1.0)(m_rng);
  double edge = m_options.throttle_rate;
  if (u < edge) return Fault::throttle;
  edge += m_options.error_rate;
  if (u < edge) return Fault::error;
  edge += m_options.drop_rate;
  if (u < edge) return Fault::drop;
  edge += m_options.lost_answer_rate;
  if (u < edge && mutating) return Fault::lost_answer;
  return Fault::none;
}

bool Faults::unavailable() {
  std::lock_guard lock(m_mutex);
  return (m_rng() & 1U) != 0;
}

}  // namespace hopper::sim

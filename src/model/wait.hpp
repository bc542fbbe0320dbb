// Waiting for AWS: one generic poller with named budgets, and one retry helper for eventual
// consistency. Both run on the injected clock, so tests never sleep.
//
// Polls start short and back off gently (x1.05, capped at 5 s): a poll is late by at most 5% of
// what was waited for (on AWS a NAT gateway takes one to two minutes: about 60 cheap Describe
// calls, at most 5 s late); a fixed 15 s poll (the SDK waiters) would cost up to 15 s per wait on
// the critical path. bench/sim_up.sh measures the cost against the critical path.
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "util/clock.hpp"
#include "util/result.hpp"

namespace hopper::model {

using namespace std::chrono_literals;

// Budgets (terraform-provider-aws and the SDK waiters agree on these orders of magnitude).
inline constexpr std::chrono::milliseconds k_nat_gateway_create_timeout = 10min;
inline constexpr std::chrono::milliseconds k_nat_gateway_delete_timeout = 15min;
inline constexpr std::chrono::milliseconds k_instance_running_timeout = 10min;
inline constexpr std::chrono::milliseconds k_instance_terminated_timeout = 20min;
inline constexpr std::chrono::milliseconds k_asg_in_service_timeout = 15min;
inline constexpr std::chrono::milliseconds k_asg_delete_timeout = 20min;
inline constexpr std::chrono::milliseconds k_iam_propagation_timeout = 2min;
inline constexpr std::chrono::milliseconds k_ec2_propagation_timeout = 5min;
inline constexpr std::chrono::milliseconds k_dependency_violation_timeout = 15min;

struct PollOptions {
  std::chrono::milliseconds first_delay{200};
  double factor = 1.05;
  std::chrono::milliseconds max_delay{5000};
  std::chrono::milliseconds timeout{k_ec2_propagation_timeout};
};

// The outcome of one check of a poll: done (with a value), still pending (with the state seen,
// for the timeout message), or failed for good.
template <class T>
struct PollStep {
  std::optional<T> value;
  std::string pending_state;
  static PollStep done(T v) { return PollStep{std::move(v), {}}; }
  static PollStep pending(std::string state) { return PollStep{std::nullopt, std::move(state)}; }
};

// Calls `check` until it answers done, fails, or `options.timeout` passes ("waiting for `what`:
// still <state> after 10m0s").
template <class T>
util::Result<T> poll(util::Clock& clock, const std::string& what, const PollOptions& options,
                     const std::function<util::Result<PollStep<T>>()>& check);

// Runs `action` again while it fails with an error `retryable` accepts, until `timeout`; the last
// error is returned when time runs out. For "not visible yet" answers right after a create.
template <class T>
util::Result<T> retry_while(util::Clock& clock, std::chrono::milliseconds timeout,
                            const std::function<bool(const util::Error&)>& retryable,
                            const std::function<util::Result<T>()>& action);
util::Status retry_status_while(util::Clock& clock, std::chrono::milliseconds timeout,
                                const std::function<bool(const util::Error&)>& retryable,
                                const std::function<util::Status()>& action);

// --- Inline implementations ---

template <class T>
util::Result<T> poll(util::Clock& clock, const std::string& what, const PollOptions& options,
                     const std::function<util::Result<PollStep<T>>()>& check) {
  const auto deadline = clock.now() + options.timeout;
  auto delay = options.first_delay;
  std::string last_state;
  while (true) {
    HOPPER_ASSIGN(PollStep<T> step, check());
    if (step.value) return std::move(*step.value);
    last_state = step.pending_state;
    if (clock.now() >= deadline) {
      return util::Error::failed("waiting for " + what + ": still " + (last_state.empty() ? "pending" : last_state) +
                                 " after " + util::format_duration(options.timeout));
    }
    clock.sleep_for(delay);
    delay = std::min(options.max_delay,
                     std::chrono::milliseconds(static_cast<long long>(static_cast<double>(delay.count()) * options.factor) + 1));
  }
}

template <class T>
util::Result<T> retry_while(util::Clock& clock, std::chrono::milliseconds timeout,
                            const std::function<bool(const util::Error&)>& retryable,
                            const std::function<util::Result<T>()>& action) {
  const auto deadline = clock.now() + timeout;
  std::chrono::milliseconds delay{250};
  while (true) {
    auto result = action();
    if (result.ok() || !retryable(result.error()) || clock.now() >= deadline) return result;
    clock.sleep_for(delay);
    delay = std::min(std::chrono::milliseconds(5000), delay * 2);
  }
}

}  // namespace hopper::model

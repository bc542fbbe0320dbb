#include "model/wait.hpp"

namespace hopper::model {

util::Status retry_status_while(util::Clock& clock, std::chrono::milliseconds timeout,
                                const std::function<bool(const util::Error&)>& retryable,
                                const std::function<util::Status()>& action) {
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

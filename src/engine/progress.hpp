// Progress events from the engine, one per change of a resource's state, for the live view on a
// terminal or plain log lines otherwise (the sinks live in cli/).
//
// Thread-safety: event() is called from worker threads; sinks must serialise themselves.
#pragma once

#include <chrono>
#include <string>

#include "model/resource.hpp"

namespace hopper::engine {

enum class Phase { started, done, failed, skipped, retrying };

struct ProgressEvent {
  model::ResourceKey key;
  std::string display_name;
  std::string verb;    // "reading", "creating", "updating", "replacing", "deleting"
  Phase phase = Phase::started;
  std::string detail;  // an id when done, the error when failed, what blocks when retrying
  std::chrono::milliseconds elapsed{0};
};

class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  virtual void event(const ProgressEvent& event) = 0;
};

// A sink that ignores everything.
class NullProgress final : public ProgressSink {
 public:
  void event(const ProgressEvent&) override {}
};

}  // namespace hopper::engine

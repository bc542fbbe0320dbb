// Progress of up/down: on a terminal a live view (a line per resource with its state and elapsed
// time, redrawn in place); otherwise plain log lines, one per event.
//
// Thread-safety: event() may be called from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <ostream>
#include <thread>
#include <vector>

#include "engine/progress.hpp"

namespace hopper::cli {

class LogProgress final : public engine::ProgressSink {
 public:
  explicit LogProgress(std::ostream& out) : m_out(out) {}
  void event(const engine::ProgressEvent& event) override;

 private:
  std::mutex m_mutex;
  std::ostream& m_out;
};

class LiveProgress final : public engine::ProgressSink {
 public:
  explicit LiveProgress(std::ostream& out);
  ~LiveProgress() override;  // draws the final state
  void event(const engine::ProgressEvent& event) override;

 private:
  struct Row {
    std::string label;
    std::string verb;
    engine::Phase phase;
    std::string detail;
    std::chrono::steady_clock::time_point started;
    std::chrono::milliseconds elapsed{0};
  };
  void draw();

  std::ostream& m_out;
  std::mutex m_mutex;
  std::vector<std::string> m_order;
  std::map<std::string, Row> m_rows;
  std::size_t m_drawn = 0;
  std::atomic<bool> m_stop{false};
  std::thread m_ticker;
};

// The sink for this run's output stream: live on a terminal, plain otherwise.
std::unique_ptr<engine::ProgressSink> make_progress(std::ostream& out, bool terminal);

}  // namespace hopper::cli

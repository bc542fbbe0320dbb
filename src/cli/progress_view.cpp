#include "cli/progress_view.hpp"

#include <fmt/format.h>

#include "util/clock.hpp"
#include "util/terminal.hpp"

namespace hopper::cli {
namespace {

std::string past(const std::string& verb) {
  if (verb == "creating") return "created";
  if (verb == "updating") return "updated";
  if (verb == "replacing") return "replaced";
  if (verb == "deleting") return "deleted";
  return verb + " done";
}

}  // namespace

void LogProgress::event(const engine::ProgressEvent& e) {
  std::string line;
  const std::string label = e.key.str() + " (" + e.display_name + ")";
  switch (e.phase) {
    case engine::Phase::started: line = e.verb + " " + label; break;
    case engine::Phase::done:
      line = fmt::format("{} {} {} in {}", past(e.verb), label, e.detail, util::format_duration(e.elapsed));
      break;
    case engine::Phase::failed: line = "failed " + e.verb + " " + label + ": " + e.detail; break;
    case engine::Phase::skipped: line = "skipped " + label; break;
    case engine::Phase::retrying: line = "still " + e.verb + " " + label + ", retrying: " + e.detail; break;
  }
  std::lock_guard lock(m_mutex);
  m_out << line << "\n" << std::flush;
}

LiveProgress::LiveProgress(std::ostream& out) : m_out(out) {
  m_ticker = std::thread([this] {
    while (!m_stop) {
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
      std::lock_guard lock(m_mutex);
      draw();
    }
  });
}

LiveProgress::~LiveProgress() {
  m_stop = true;
  if (m_ticker.joinable()) m_ticker.join();
  std::lock_guard lock(m_mutex);
  draw();
}

void LiveProgress::event(const engine::ProgressEvent& e) {
  std::lock_guard lock(m_mutex);
  const std::string id = e.key.str();
  auto it = m_rows.find(id);
  if (it == m_rows.end()) {
    m_order.push_back(id);
    it = m_rows.emplace(id, Row{id + " (" + e.display_name + ")", e.verb, e.phase, "", std::chrono::steady_clock::now(), {}}).first;
  }
  it->second.phase = e.phase;
  it->second.detail = e.detail;
  it->second.elapsed = e.elapsed;
  draw();
}

void LiveProgress::draw() {
  // Move up over what was drawn last time, then rewrite every row.
  if (m_drawn > 0) m_out << "\033[" << m_drawn << "F";
  for (const auto& id : m_order) {
    const Row& row = m_rows.at(id);
    const bool running = row.phase == engine::Phase::started || row.phase == engine::Phase::retrying;
    const auto elapsed = running ? std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - row.started)
                                 : row.elapsed;
    std::string state;
    util::Color color = util::Color::none;
    switch (row.phase) {
      case engine::Phase::started: state = row.verb + "..."; color = util::Color::yellow; break;
      case engine::Phase::retrying: state = "waiting"; color = util::Color::yellow; break;
      case engine::Phase::done: state = past(row.verb) + " " + row.detail; color = util::Color::green; break;
      case engine::Phase::failed: state = "FAILED"; color = util::Color::red; break;
      case engine::Phase::skipped: state = "skipped"; color = util::Color::gray; break;
    }
    m_out << "\033[2K" << fmt::format("  {:<60} {:>7}  ", row.label, util::format_duration(elapsed))
          << util::paint(color, state) << "\n";
  }
  m_drawn = m_order.size();
  m_out << std::flush;
}

std::unique_ptr<engine::ProgressSink> make_progress(std::ostream& out, bool terminal) {
  if (terminal) return std::make_unique<LiveProgress>(out);
  return std::make_unique<LogProgress>(out);
}

}  // namespace hopper::cli

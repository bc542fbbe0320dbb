#include "util/log.hpp"

#include <atomic>
#include <cstdio>
#include <mutex>

namespace hopper::util {
namespace {

std::atomic<LogLevel> g_level{LogLevel::info};
std::mutex g_mutex;
std::function<void(LogLevel, std::string_view)>& sink() {
  static std::function<void(LogLevel, std::string_view)> s;
  return s;
}

}  // namespace

void set_log_level(LogLevel level) { g_level = level; }
bool debug_enabled() { return g_level.load() == LogLevel::debug; }

void set_log_sink(std::function<void(LogLevel, std::string_view)> s) {
  std::lock_guard lock(g_mutex);
  sink() = std::move(s);
}

void log_line(LogLevel level, std::string_view line) {
  if (level < g_level.load()) return;
  std::lock_guard lock(g_mutex);
  if (sink()) {
    sink()(level, line);
    return;
  }
  const char* prefix = level == LogLevel::debug  ? "debug: "
                       : level == LogLevel::warn  ? "warning: "
                       : level == LogLevel::error ? "error: "
                                                  : "";
  std::fprintf(stderr, "%s%.*s\n", prefix, static_cast<int>(line.size()), line.data());
  std::fflush(stderr);
}

}  // namespace hopper::util

// Diagnostic logging to stderr: `--debug` turns on debug lines; warnings always show.
// Callers must never pass secrets (the AWS layer redacts before it logs).
//
// Thread-safety: every function may be called from any thread; lines never interleave.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace hopper::util {

enum class LogLevel { debug, info, warn, error };

void set_log_level(LogLevel level);
bool debug_enabled();
// Replaces where lines go (default: stderr); an empty function restores stderr. For tests.
void set_log_sink(std::function<void(LogLevel, std::string_view)> sink);
void log_line(LogLevel level, std::string_view line);

template <class... Args>
void debug(fmt::format_string<Args...> format, Args&&... args) {
  if (debug_enabled()) log_line(LogLevel::debug, fmt::format(format, std::forward<Args>(args)...));
}
template <class... Args>
void info(fmt::format_string<Args...> format, Args&&... args) {
  log_line(LogLevel::info, fmt::format(format, std::forward<Args>(args)...));
}
template <class... Args>
void warn(fmt::format_string<Args...> format, Args&&... args) {
  log_line(LogLevel::warn, fmt::format(format, std::forward<Args>(args)...));
}

}  // namespace hopper::util

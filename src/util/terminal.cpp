#include "util/terminal.hpp"

#include <unistd.h>

#include <atomic>

#include "util/fs.hpp"

namespace hopper::util {
namespace {
std::atomic<bool> g_color{false};
}

bool stdin_is_terminal() { return ::isatty(STDIN_FILENO) == 1; }
bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }
bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

void configure_color(bool no_color_flag) {
  const auto no_color = env("NO_COLOR");
  g_color = !no_color_flag && !(no_color && !no_color->empty()) && stdout_is_terminal();
}

bool color_enabled() { return g_color.load(); }

std::string paint(Color color, std::string_view text) {
  if (!color_enabled() || color == Color::none) return std::string(text);
  const char* code = "";
  switch (color) {
    case Color::red: code = "\033[31m"; break;
    case Color::green: code = "\033[32m"; break;
    case Color::yellow: code = "\033[33m"; break;
    case Color::blue: code = "\033[34m"; break;
    case Color::gray: code = "\033[90m"; break;
    case Color::bold: code = "\033[1m"; break;
    case Color::none: break;
  }
  return std::string(code) + std::string(text) + "\033[0m";
}

}  // namespace hopper::util

// Terminal facts and styling: colour follows NO_COLOR, --no-color and isatty.
// Thread-safety: set_color_enabled is called once at start-up; the rest is read-only.
#pragma once

#include <string>
#include <string_view>

namespace hopper::util {

bool stdin_is_terminal();
bool stdout_is_terminal();
bool stderr_is_terminal();

// Colour is on when stdout is a terminal, NO_COLOR is unset or empty, and --no-color was not given.
void configure_color(bool no_color_flag);
bool color_enabled();

enum class Color { none, red, green, yellow, blue, gray, bold };
// `text` wrapped in the colour's escape codes when colour is enabled, else `text` unchanged.
std::string paint(Color color, std::string_view text);

}  // namespace hopper::util

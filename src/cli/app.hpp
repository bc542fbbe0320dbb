// The command-line application: builds the CLI11 tree of every command, parses, runs the chosen
// command and maps the outcome to an exit code. main() is a thin wrapper around run().
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace hopper::cli {

// Runs hopper with `args` (without the program name); returns the process exit code.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace hopper::cli

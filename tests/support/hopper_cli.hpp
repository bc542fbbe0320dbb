// Runs the real hopper executable (built by this tree) as a child process.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "util/process.hpp"

namespace hopper::test {

struct HopperRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `hopper args...` with `env` added to a clean, test-safe environment (HOME pointed at
// `home` when given, AWS_EC2_METADATA_DISABLED=true, no AWS config files) and `stdin_data`.
HopperRun run_hopper(const std::vector<std::string>& args,
                     const std::map<std::string, std::string>& env = {},
                     const std::string& cwd = "", const std::string& stdin_data = "",
                     std::function<void(int pid)> on_start = {});

}  // namespace hopper::test

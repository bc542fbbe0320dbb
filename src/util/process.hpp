// Running other programs: capture what they print, or hand them the terminal.
//
// Used for credential_process (AWS config), ssh/scp in the access layer, and by tests. Arguments
// are passed as argv (never through a shell unless the caller asks for "sh -c").
//
// Thread-safety: run() may be called from several threads at once.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "util/result.hpp"

namespace hopper::util {

struct ProcessOptions {
  // Variables to set (or, with nullopt, to remove) on top of the current environment.
  std::map<std::string, std::optional<std::string>> env;
  std::string stdin_data;               // written to the child's stdin, then closed
  std::optional<std::string> cwd;
  std::chrono::milliseconds timeout{0}; // 0 = none; on expiry the child is killed (SIGKILL)
  bool inherit_stdio = false;           // child uses our stdin/stdout/stderr; nothing captured
  std::function<void(int pid)> on_start;  // called in the parent once the child exists
};

struct ProcessResult {
  int exit_code = -1;      // exit status, or 128 + signal number when killed by a signal
  bool timed_out = false;
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] looked up on PATH) and waits for it. Error only when it cannot start.
Result<ProcessResult> run_process(const std::vector<std::string>& argv,
                                  const ProcessOptions& options = {});

// Looks `name` up on PATH; empty when not found.
std::string find_program(const std::string& name);

}  // namespace hopper::util

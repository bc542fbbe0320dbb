// What every command receives: the global options and where to write.
// Thread-safety: owned by main(); commands may hand references to worker threads.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "sim/simulator.hpp"
#include "util/result.hpp"

namespace hopper::cli {

enum class OutputFormat { table, json };

struct GlobalOptions {
  std::string spec_path = "cluster.yaml";
  std::string output = "table";
  bool debug = false;
  bool no_color = false;
  bool yes = false;
  // AWS (see docs/credentials.md for how each is resolved when not given).
  std::string region;
  std::string profile;
  std::string endpoint_url;
  // --sim: an embedded AWS simulator (see sim/simulator.hpp) instead of AWS.
  bool sim = false;
  std::string sim_state;        // default: util::state_root() / "sim" / "state.json"
  std::string sim_request_log;
  std::string sim_timing = "instant";
  sim::SimOptions sim_options;  // time scale, faults, seed
};

struct Context {
  GlobalOptions options;
  std::ostream* out = nullptr;  // command output (stdout)
  std::ostream* err = nullptr;  // diagnostics (stderr)
  // The words after a "--" on the command line (`hopper ssh worker 2 -- sudo crictl ps`), kept
  // away from CLI11: it ends a subcommand's parsing at "--" once its positionals have a value,
  // and would hand the rest to the parent as unexpected arguments.
  std::vector<std::string> after_dashes;

  OutputFormat format() const { return options.output == "json" ? OutputFormat::json : OutputFormat::table; }
};

// Asks `question` on the terminal and returns true on "y"/"yes". With --yes returns true at once.
// Without a terminal on stdin fails with ExitCode::usage ("pass --yes") instead of waiting.
util::Result<bool> confirm(const Context& context, const std::string& question);

}  // namespace hopper::cli

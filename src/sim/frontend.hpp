// Frontend: one HTTP request in, one HTTP response out — the simulator without its socket.
// It routes by service (SigV4 credential scope, X-Amz-Target, or the Version parameter of an
// unsigned request) and action, checks the signature, injects faults, runs the handler under
// the state mutex, persists the state when it changed, renders AWS's XML/JSON answers and
// errors, and writes the request log. Tests and the fuzzer drive it directly.
//
// Thread-safety: handle() may be called from several threads at once.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>

#include "sim/auth.hpp"
#include "sim/faults.hpp"
#include "sim/state/world.hpp"
#include "util/result.hpp"

namespace hopper::sim {

struct FrontendOptions {
  std::string access_key = "test";
  std::string secret_key = "test";
  std::string default_region = "us-east-1";  // for unsigned requests
  std::filesystem::path state_file;         // empty: in memory
  std::filesystem::path request_log;        // empty: none
  WorldOptions world;
  FaultOptions faults;
};

struct RawResponse {
  int status = 200;
  std::string content_type = "text/xml";
  std::string body;
  net::Headers headers;
  bool drop = false;  // close the connection without a complete response
};

class Frontend {
 public:
  // Loads the state file if there is one. Errors name the file (corrupt, unreadable) or the log.
  static util::Result<std::unique_ptr<Frontend>> create(FrontendOptions options);

  RawResponse handle(const RawRequest& request);
  // Runs `f(World&)` under the state mutex (tests, seeding).
  template <class F>
  auto with_world(F&& f) {
    std::lock_guard lock(m_mutex);
    return f(m_world);
  }
  // Writes the state file now (if there is one).
  util::Status persist();

 private:
  explicit Frontend(FrontendOptions options);
  struct LogEntry;
  RawResponse route(const RawRequest& request, LogEntry& entry);

  FrontendOptions m_options;
  std::mutex m_mutex;  // the World
  World m_world;
  Faults m_faults;
  std::mutex m_log_mutex;
  std::ofstream m_log;
};

}  // namespace hopper::sim

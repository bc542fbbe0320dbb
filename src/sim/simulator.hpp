// hopper::sim::Simulator: a local simulator of the AWS APIs hopper uses (EC2, IAM, STS, Auto
// Scaling, SSM, ELB, ELBv2), served over HTTP on 127.0.0.1 only, with SigV4 checks, AWS's
// timings (scaled), seeded faults, a request log and a persisted state. See docs/sim.md.
//
//   auto sim = sim::Simulator::start({});        // ephemeral port, in-memory state
//   sim.value()->endpoint()                       // "http://127.0.0.1:PORT"
//
// Thread-safety: endpoint() and stop() may be called from any thread; requests are served by
// cpp-httplib's thread pool under one state mutex.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "sim/faults.hpp"
#include "sim/state/world.hpp"
#include "util/result.hpp"

namespace httplib {
class Server;
}

namespace hopper::sim {

class Frontend;

struct SimOptions {
  int port = 0;                          // 0: an ephemeral port
  std::filesystem::path state_file;      // empty: in memory only
  std::string access_key = "test";
  std::string secret_key = "test";
  TimingMode timing = TimingMode::instant;
  double time_scale = 1.0;               // multiplies every AWS duration
  FaultOptions faults;
  std::filesystem::path request_log;     // JSON lines; empty: none
  std::string default_region = "us-east-1";  // for unsigned requests
};

class Simulator {
 public:
  // Binds 127.0.0.1:port, loads the state file and starts serving. Errors: the port is taken,
  // the state file is corrupt or unreadable (named), the request log cannot be opened.
  static util::Result<std::unique_ptr<Simulator>> start(const SimOptions& options);
  ~Simulator();
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;

  // "http://127.0.0.1:PORT"
  std::string endpoint() const;
  int port() const { return m_port; }
  // Stops serving and writes the state file; idempotent.
  void stop();
  // The request-level core (for tests that inspect or seed the state).
  Frontend& frontend() { return *m_frontend; }

 private:
  Simulator() = default;
  std::unique_ptr<Frontend> m_frontend;
  std::unique_ptr<httplib::Server> m_server;
  std::thread m_thread;
  int m_port = 0;
  bool m_stopped = false;
};

}  // namespace hopper::sim

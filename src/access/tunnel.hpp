// The tunnel to the API server: `ssh -N -L 127.0.0.1:PORT:<api>` through the bastion, bound to
// loopback only, with ExitOnForwardFailure (a port taken means ssh fails instead of running
// without its forward) and keep-alives (a dead path ends ssh instead of hanging).
//
// run_tunnel() is `hopper tunnel`: it keeps ssh running, starting it again with backoff when it
// exits, writes the port to <state>/tunnel.port while the forward is up, and stops cleanly on
// SIGINT/SIGTERM/SIGHUP (the child is ended and the port file removed). BackgroundTunnel is the
// same forward for hopper's own use while it waits for the cluster (`hopper up`).
//
// Thread-safety: run_tunnel() installs signal handlers (one per process at a time); a
// BackgroundTunnel is used by the thread that made it.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "access/ssh_config.hpp"
#include "util/clock.hpp"
#include "util/result.hpp"

namespace hopper::access {

using namespace std::chrono_literals;

inline constexpr int k_api_port = 6443;
inline constexpr const char* k_tunnel_port_file = "tunnel.port";
// Backoff between reconnections: doubles from the first to the cap; a tunnel that stayed up this
// long starts again from the first.
inline constexpr std::chrono::milliseconds k_reconnect_first_delay = 1s;
inline constexpr std::chrono::milliseconds k_reconnect_max_delay = 30s;
inline constexpr std::chrono::milliseconds k_reconnect_reset_after = 60s;
// Attempts in a row that never brought the forward up before run_tunnel gives up (a wrong key, a
// host key mismatch, a closed firewall do not heal by themselves).
inline constexpr int k_max_failed_attempts = 5;

struct TunnelOptions {
  std::filesystem::path ssh_config;  // written by prepare_ssh
  std::string bastion_alias;         // its Host in ssh_config
  int local_port = k_api_port;       // on 127.0.0.1
  Endpoint target;                   // the API server as the bastion sees it
  std::filesystem::path port_file;   // written while up; empty: none
  bool batch_mode = false;           // no prompts (hopper up's own tunnel)
  std::string ssh_program = "ssh";
};

// The port a running `hopper tunnel` keeps in <state_dir>/tunnel.port (up to five digits), or
// nullopt when there is none.
std::optional<int> read_tunnel_port(const std::filesystem::path& state_dir);

// ssh's argv for the forward. Pure.
std::vector<std::string> tunnel_argv(const TunnelOptions& options);

// True when something listens on 127.0.0.1:`port` (Linux: /proc/net/tcp; elsewhere a connect).
bool is_listening(int port);
// True when 127.0.0.1:`port` can be bound now.
bool is_port_free(int port);
// A port on 127.0.0.1 that was free a moment ago (the kernel's choice).
util::Result<int> pick_free_port();

// `hopper tunnel`: runs until a stop signal (returns 0) or until ssh failed
// k_max_failed_attempts times in a row without the forward coming up (error). ssh's own messages
// go to the terminal; `log` gets one line per state change. Error (failed) at once when the port
// is taken.
util::Result<int> run_tunnel(const TunnelOptions& options, util::Clock& clock, std::ostream& log);

class BackgroundTunnel {
 public:
  // Starts ssh (batch mode, its output captured) and waits up to `timeout` for the forward to
  // listen. Error: ssh exited (with what it printed) or the forward did not come up in time.
  static util::Result<std::unique_ptr<BackgroundTunnel>> start(TunnelOptions options, std::chrono::milliseconds timeout);
  ~BackgroundTunnel();  // ends ssh
  BackgroundTunnel(const BackgroundTunnel&) = delete;
  BackgroundTunnel& operator=(const BackgroundTunnel&) = delete;

  int port() const { return m_options.local_port; }
  // False once ssh has exited.
  bool alive() const { return !m_exited.load(); }
  // What ssh printed (complete once it exited).
  std::string output() const;

 private:
  explicit BackgroundTunnel(TunnelOptions options) : m_options(std::move(options)) {}
  TunnelOptions m_options;
  std::thread m_thread;
  std::atomic<int> m_pid{0};
  std::atomic<bool> m_exited{false};
  std::string m_output;  // written by the thread before m_exited
};

}  // namespace hopper::access

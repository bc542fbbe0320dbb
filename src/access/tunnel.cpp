#include "access/tunnel.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "access/child_signals.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

namespace hopper::access {
namespace fs = std::filesystem;
namespace {

constexpr auto k_listen_poll = 100ms;

// A TCP socket address 127.0.0.1:`port`.
sockaddr_in loopback(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

// /proc/net/tcp lists "sl local_address rem_address st ...", addresses as hex "0100007F:1A0B"
// (the IPv4 address in host byte order on little-endian machines, the port in big-endian hex),
// st 0A = LISTEN. nullopt when the file cannot be read.
std::optional<bool> listening_in_proc(int port) {
  std::ifstream in("/proc/net/tcp");
  if (!in) return std::nullopt;
  char wanted[16];
  std::snprintf(wanted, sizeof wanted, ":%04X", static_cast<unsigned>(port));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const auto words = util::split_words(line);
    if (words.size() < 4 || words[3] != "0A") continue;
    const std::string& local = words[1];
    if (local.size() < 5 || local.compare(local.size() - 5, 5, wanted) != 0) continue;
    const std::string ip = local.substr(0, local.size() - 5);
    if (ip == "0100007F" || ip == "00000000") return true;  // 127.0.0.1 or any address
  }
  return false;
}

void sleep_unless_stopped(util::Clock& clock, std::chrono::milliseconds total, const ChildSignals& signals) {
  const auto deadline = clock.now() + total;
  while (!signals.stop_requested() && clock.now() < deadline) {
    clock.sleep_for(std::min<std::chrono::milliseconds>(
        100ms, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock.now()) + 1ms));
  }
}

void remove_port_file(const fs::path& path) {
  if (path.empty()) return;
  std::error_code ec;
  fs::remove(path, ec);
}

}  // namespace

std::optional<int> read_tunnel_port(const fs::path& state_dir) {
  const auto text = util::read_file(state_dir / k_tunnel_port_file);
  if (!text) return std::nullopt;
  const std::string port(util::trim(*text));
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoi(port);
}

std::vector<std::string> tunnel_argv(const TunnelOptions& options) {
  std::vector<std::string> argv{options.ssh_program, "-F", options.ssh_config.string(), "-N", "-n"};
  for (const char* option : {"ExitOnForwardFailure=yes", "ServerAliveInterval=15", "ServerAliveCountMax=3", "GatewayPorts=no"}) {
    argv.insert(argv.end(), {"-o", option});
  }
  if (options.batch_mode) argv.insert(argv.end(), {"-o", "BatchMode=yes"});
  argv.insert(argv.end(), {"-L", "127.0.0.1:" + std::to_string(options.local_port) + ":" + options.target.str()});
  argv.insert(argv.end(), {"--", options.bastion_alias});
  return argv;
}

bool is_listening(int port) {
  if (const auto found = listening_in_proc(port)) return *found;
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  const sockaddr_in address = loopback(port);
  const bool connected = ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

bool is_port_free(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  const int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);  // as ssh binds its forwards
  const sockaddr_in address = loopback(port);
  const bool bound = ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return bound;
}

util::Result<int> pick_free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return util::Error::failed("cannot open a socket to pick a local port");
  sockaddr_in address = loopback(0);
  socklen_t length = sizeof address;
  const bool ok = ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0 &&
                  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  ::close(fd);
  if (!ok) return util::Error::failed("cannot pick a free local port");
  return static_cast<int>(ntohs(address.sin_port));
}

util::Result<int> run_tunnel(const TunnelOptions& options, util::Clock& clock, std::ostream& log) {
  if (!is_port_free(options.local_port)) {
    return util::Error::failed("127.0.0.1:" + std::to_string(options.local_port) +
                               " is already in use (another tunnel?): choose another with --port");
  }
  ChildSignals signals;
  const std::vector<std::string> argv = tunnel_argv(options);
  const std::string where = "127.0.0.1:" + std::to_string(options.local_port) + " -> " + options.target.str() +
                            " through " + options.bastion_alias;
  auto delay = k_reconnect_first_delay;
  int failed_in_a_row = 0;
  int last_exit = 0;
  while (!signals.stop_requested()) {
    std::atomic<bool> child_done{false};
    std::atomic<bool> came_up{false};
    const auto started = clock.now();
    std::thread watcher([&] {
      while (!child_done.load()) {
        if (is_listening(options.local_port)) {
          if (!options.port_file.empty()) {
            (void)util::write_file_atomic(options.port_file, std::to_string(options.local_port) + "\n");
          }
          came_up.store(true);
          log << "Tunnel up: " << where << " (Ctrl-C to close)\n" << std::flush;
          return;
        }
        std::this_thread::sleep_for(k_listen_poll);
      }
    });
    util::ProcessOptions process;
    process.inherit_stdio = true;
    process.on_start = [&](int pid) { signals.set_child(pid); };
    auto ran = util::run_process(argv, process);
    signals.set_child(0);
    child_done.store(true);
    watcher.join();
    remove_port_file(options.port_file);
    if (!ran) return std::move(ran).error().context("starting ssh");
    last_exit = ran->exit_code;
    if (signals.stop_requested()) break;
    const auto lasted = std::chrono::duration_cast<std::chrono::milliseconds>(clock.now() - started);
    if (came_up.load()) {
      failed_in_a_row = 0;
      if (lasted >= k_reconnect_reset_after) delay = k_reconnect_first_delay;
    } else if (++failed_in_a_row >= k_max_failed_attempts) {
      return util::Error::failed("ssh could not open the tunnel " + std::to_string(failed_in_a_row) +
                                 " times in a row (last exit code " + std::to_string(last_exit) +
                                 "): see its messages above");
    }
    log << "Tunnel down (ssh exited with " << last_exit << "); reconnecting in " << util::format_duration(delay)
        << "...\n"
        << std::flush;
    sleep_unless_stopped(clock, delay, signals);
    delay = std::min(k_reconnect_max_delay, delay * 2);
  }
  remove_port_file(options.port_file);
  log << "Tunnel closed.\n" << std::flush;
  return 0;
}

util::Result<std::unique_ptr<BackgroundTunnel>> BackgroundTunnel::start(TunnelOptions options,
                                                                        std::chrono::milliseconds timeout) {
  options.batch_mode = true;
  options.port_file.clear();
  if (!is_port_free(options.local_port)) {
    return util::Error::failed("127.0.0.1:" + std::to_string(options.local_port) + " is already in use");
  }
  std::unique_ptr<BackgroundTunnel> tunnel(new BackgroundTunnel(std::move(options)));
  BackgroundTunnel* self = tunnel.get();
  const std::vector<std::string> argv = tunnel_argv(self->m_options);
  self->m_thread = std::thread([self, argv] {
    util::ProcessOptions process;
    process.on_start = [self](int pid) { self->m_pid.store(pid); };
    auto ran = util::run_process(argv, process);
    self->m_output = ran ? ran->err + ran->out : ran.error().message();
    self->m_exited.store(true);
  });
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (self->m_exited.load()) {
      std::string said(util::trim(self->m_output));
      return util::Error::failed("ssh to the bastion failed" + (said.empty() ? std::string() : ": " + said));
    }
    if (is_listening(self->m_options.local_port)) return tunnel;
    std::this_thread::sleep_for(k_listen_poll);
  }
  return util::Error::failed("the tunnel through the bastion did not come up within " + util::format_duration(timeout));
}

BackgroundTunnel::~BackgroundTunnel() {
  // The child may be a moment from existing: wait for its pid (or its end) before ending it.
  for (int i = 0; i < 200 && m_pid.load() == 0 && !m_exited.load(); ++i) std::this_thread::sleep_for(10ms);
  if (const int pid = m_pid.load(); pid > 0 && !m_exited.load()) ::kill(pid, SIGTERM);
  if (m_thread.joinable()) m_thread.join();
}

std::string BackgroundTunnel::output() const { return m_exited.load() ? m_output : std::string(); }

}  // namespace hopper::access

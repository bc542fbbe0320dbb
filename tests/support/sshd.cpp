#include "support/sshd.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "support/moto.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

namespace hopper::test {
namespace fs = std::filesystem;
namespace {

constexpr const char* k_sshd = "/usr/sbin/sshd";

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool accepts_connections(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool connected = ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

// pid -> (parent pid, state letter) of every process, from /proc/<pid>/stat.
std::vector<std::tuple<pid_t, pid_t, char>> process_table() {
  std::vector<std::tuple<pid_t, pid_t, char>> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    const std::string stat = read_text(entry.path() / "stat");
    // "pid (comm) S ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
    const std::size_t close = stat.rfind(')');
    if (close == std::string::npos || close + 4 > stat.size()) continue;
    std::istringstream rest(stat.substr(close + 2));
    char state = '?';
    pid_t parent = 0;
    rest >> state >> parent;
    out.emplace_back(static_cast<pid_t>(std::stol(name)), parent, state);
  }
  return out;
}

// The live (not zombie) descendants of `root`.
std::vector<pid_t> live_descendants(pid_t root) {
  const auto table = process_table();
  std::set<pid_t> family{root};
  std::vector<pid_t> out;
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& [pid, parent, state] : table) {
      if (family.count(parent) != 0 && family.insert(pid).second) {
        grew = true;
        if (state != 'Z' && state != 'X') out.push_back(pid);
      }
    }
  }
  return out;
}

}  // namespace

SshKeyPair make_ssh_key_pair(const fs::path& dir, const std::string& name) {
  SshKeyPair pair;
  pair.private_key = dir / name;
  pair.public_key_path = dir / (name + ".pub");
  const auto ran = util::run_process(
      {"ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "hopper-test", "-f", pair.private_key.string()});
  if (!ran || ran->exit_code != 0) {
    ADD_FAILURE() << "ssh-keygen failed: " << (ran ? ran->err : ran.error().message());
    return pair;
  }
  pair.public_key = std::string(util::trim(read_text(pair.public_key_path)));
  return pair;
}

SshdServer::SshdServer(const std::string& authorized_key) {
  // sshd's privilege separation chroots its unprivileged child into /run/sshd (Debian's service
  // unit makes it; a test machine that never ran the service has none).
  std::error_code ec;
  fs::create_directories("/run/sshd", ec);
  ::chmod("/run/sshd", 0755);

  const fs::path host_key = m_dir.path() / "ssh_host_ed25519_key";
  const auto keygen = util::run_process({"ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "", "-f", host_key.string()});
  if (!keygen || keygen->exit_code != 0) {
    ADD_FAILURE() << "ssh-keygen (host key) failed: " << (keygen ? keygen->err : keygen.error().message());
    return;
  }
  const auto words = util::split_words(read_text(host_key.string() + ".pub"));
  if (words.size() >= 2) m_host_key = words[0] + " " + words[1];
  m_dir.write("authorized_keys", authorized_key + "\n");
  m_port = free_port();
  std::ostringstream config;
  config << "ListenAddress 127.0.0.1\n"
         << "Port " << m_port << "\n"
         << "HostKey " << host_key.string() << "\n"
         << "PidFile " << (m_dir.path() / "sshd.pid").string() << "\n"
         << "AuthorizedKeysFile " << (m_dir.path() / "authorized_keys").string() << "\n"
         << "StrictModes no\n"
         << "UsePAM no\n"
         << "PubkeyAuthentication yes\n"
         << "PasswordAuthentication no\n"
         << "KbdInteractiveAuthentication no\n"
         << "PermitRootLogin prohibit-password\n"
         << "AllowTcpForwarding yes\n"
         << "X11Forwarding no\n"
         << "PrintMotd no\n"
         << "PrintLastLog no\n"
         << "UseDNS no\n"
         << "LogLevel VERBOSE\n"
         // scp speaks SFTP since OpenSSH 9.0.
         << "Subsystem sftp internal-sftp\n";
  m_dir.write("sshd_config", config.str());
  start();
}

SshdServer::~SshdServer() { stop(); }

void SshdServer::start() {
  if (m_pid > 0 || m_port == 0) return;
  const std::string config = (m_dir.path() / "sshd_config").string();
  const std::string log = (m_dir.path() / "sshd.log").string();
  const int log_fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(log_fd, STDERR_FILENO);
    ::dup2(log_fd, STDOUT_FILENO);
    const int null_fd = ::open("/dev/null", O_RDONLY);
    ::dup2(null_fd, STDIN_FILENO);
    // sshd re-executes itself and so needs its absolute path.
    ::execl(k_sshd, k_sshd, "-D", "-e", "-f", config.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  ::close(log_fd);
  m_pid = pid;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (accepts_connections(m_port)) return;
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      m_pid = -1;
      ADD_FAILURE() << "sshd exited at start:\n" << this->log();
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ADD_FAILURE() << "sshd did not listen on " << address() << " within 10 s:\n" << this->log();
}

void SshdServer::stop() {
  if (m_pid <= 0) return;
  // Stopped, the daemon forks no new session while its family is ended; killed sessions stay
  // its zombies (so they are skipped) until it goes.
  ::kill(m_pid, SIGSTOP);
  for (int round = 0; round < 50; ++round) {
    const auto family = live_descendants(m_pid);
    if (family.empty()) break;
    for (const pid_t pid : family) ::kill(pid, SIGKILL);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ::kill(m_pid, SIGKILL);
  int status = 0;
  ::waitpid(m_pid, &status, 0);
  m_pid = -1;
}

std::string SshdServer::log() const { return read_text(m_dir.path() / "sshd.log"); }

}  // namespace hopper::test

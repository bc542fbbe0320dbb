#include "util/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "util/fs.hpp"
#include "util/strings.hpp"

extern char** environ;

namespace hopper::util {
namespace {

std::vector<std::string> build_env(const std::map<std::string, std::optional<std::string>>& changes) {
  std::map<std::string, std::string> merged;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string entry(*e);
    const std::size_t eq = entry.find('=');
    if (eq == std::string::npos) continue;
    merged[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  for (const auto& [name, value] : changes) {
    if (value) {
      merged[name] = *value;
    } else {
      merged.erase(name);
    }
  }
  std::vector<std::string> out;
  for (const auto& [name, value] : merged) out.push_back(name + "=" + value);
  return out;
}

void set_nonblocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

}  // namespace

std::string find_program(const std::string& name) {
  if (name.find('/') != std::string::npos) return ::access(name.c_str(), X_OK) == 0 ? name : "";
  const auto path = env("PATH").value_or("/usr/local/bin:/usr/bin:/bin");
  for (const auto& dir : split(path, ':')) {
    if (dir.empty()) continue;
    const std::string candidate = dir + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0 && !std::filesystem::is_directory(candidate)) {
      return candidate;
    }
  }
  return "";
}

Result<ProcessResult> run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
  if (argv.empty()) return Error::failed("run_process: empty command");
  const std::string program = find_program(argv[0]);
  if (program.empty()) return Error::failed("cannot run " + argv[0] + ": not found on PATH");

  const std::vector<std::string> env_strings = build_env(options.env);
  std::vector<char*> envp;
  for (const auto& e : env_strings) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  int in_pipe[2] = {-1, -1}, out_pipe[2] = {-1, -1}, err_pipe[2] = {-1, -1};
  if (!options.inherit_stdio) {
    if (::pipe2(in_pipe, O_CLOEXEC) != 0 || ::pipe2(out_pipe, O_CLOEXEC) != 0 ||
        ::pipe2(err_pipe, O_CLOEXEC) != 0) {
      return Error::failed(std::string("cannot run ") + argv[0] + ": pipe: " + std::strerror(errno));
    }
  }

  const pid_t pid = ::fork();
  if (pid < 0) return Error::failed(std::string("cannot run ") + argv[0] + ": fork: " + std::strerror(errno));
  if (pid == 0) {
    if (!options.inherit_stdio) {
      ::dup2(in_pipe[0], STDIN_FILENO);
      ::dup2(out_pipe[1], STDOUT_FILENO);
      ::dup2(err_pipe[1], STDERR_FILENO);
    }
    if (options.cwd && ::chdir(options.cwd->c_str()) != 0) _exit(127);
    ::signal(SIGPIPE, SIG_DFL);
    ::execve(program.c_str(), args.data(), envp.data());
    _exit(127);
  }

  if (options.on_start) options.on_start(static_cast<int>(pid));
  ProcessResult result;
  if (!options.inherit_stdio) {
    ::close(in_pipe[0]);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    set_nonblocking(in_pipe[1]);
    set_nonblocking(out_pipe[0]);
    set_nonblocking(err_pipe[0]);
    std::size_t written = 0;
    int in_fd = in_pipe[1];
    if (options.stdin_data.empty()) {
      ::close(in_fd);
      in_fd = -1;
    }
    const auto start = std::chrono::steady_clock::now();
    bool out_open = true, err_open = true;
    char buffer[65536];
    while (out_open || err_open || in_fd >= 0) {
      pollfd fds[3];
      int n = 0;
      int out_index = -1, err_index = -1, in_index = -1;
      if (out_open) { fds[n] = {out_pipe[0], POLLIN, 0}; out_index = n++; }
      if (err_open) { fds[n] = {err_pipe[0], POLLIN, 0}; err_index = n++; }
      if (in_fd >= 0) { fds[n] = {in_fd, POLLOUT, 0}; in_index = n++; }
      int wait_ms = 200;
      if (options.timeout.count() > 0) {
        const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - start);
        if (elapsed >= options.timeout) {
          ::kill(pid, SIGKILL);
          result.timed_out = true;
          break;
        }
        wait_ms = static_cast<int>(std::min<long long>(200, (options.timeout - elapsed).count()));
      }
      const int ready = ::poll(fds, static_cast<nfds_t>(n), wait_ms);
      if (ready < 0 && errno != EINTR) break;
      const auto drain = [&](int index, int fd, std::string& sink, bool& open) {
        if (index < 0 || !(fds[index].revents & (POLLIN | POLLHUP | POLLERR))) return;
        while (true) {
          const ssize_t got = ::read(fd, buffer, sizeof buffer);
          if (got > 0) { sink.append(buffer, static_cast<std::size_t>(got)); continue; }
          if (got == 0 || (errno != EAGAIN && errno != EINTR)) open = false;
          break;
        }
      };
      drain(out_index, out_pipe[0], result.out, out_open);
      drain(err_index, err_pipe[0], result.err, err_open);
      if (in_index >= 0 && (fds[in_index].revents & (POLLOUT | POLLERR | POLLHUP))) {
        const ssize_t put = ::write(in_fd, options.stdin_data.data() + written,
                                    options.stdin_data.size() - written);
        if (put > 0) written += static_cast<std::size_t>(put);
        if (put < 0 && errno != EAGAIN && errno != EINTR) written = options.stdin_data.size();
        if (written >= options.stdin_data.size()) { ::close(in_fd); in_fd = -1; }
      }
    }
    if (in_fd >= 0) ::close(in_fd);
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
  }

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.exit_code = 128 + WTERMSIG(status);
  }
  return result;
}

}  // namespace hopper::util

// `hopper sim serve` as a child process on a free loopback port, stopped with SIGTERM.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "net/curl_transport.hpp"
#include "support/moto.hpp"
#include "util/process.hpp"

namespace hopper::sim::test {

class SimServer {
 public:
  explicit SimServer(const std::vector<std::string>& extra = {}) {
    m_port = hopper::test::free_port();
    std::vector<std::string> args{HOPPER_EXE, "sim", "serve", "--port", std::to_string(m_port)};
    args.insert(args.end(), extra.begin(), extra.end());
    m_log = "/tmp/hopper-sim-serve-" + std::to_string(m_port) + ".log";
    m_pid = ::fork();
    if (m_pid == 0) {
      const int fd = ::open(m_log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      ::dup2(fd, STDOUT_FILENO);
      ::dup2(fd, STDERR_FILENO);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      _exit(127);
    }
    net::CurlTransport transport;
    for (int i = 0; i < 400; ++i) {
      net::HttpRequest request;
      request.url = endpoint() + "/_sim/";
      request.total_timeout = std::chrono::milliseconds(500);
      auto response = transport.send(request);
      if (response.ok() && response->status == 200) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "hopper sim serve did not answer on " << endpoint() << " (log " << m_log << ")";
  }
  ~SimServer() { (void)stop(); }
  SimServer(const SimServer&) = delete;
  SimServer& operator=(const SimServer&) = delete;

  std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(m_port); }
  // SIGTERM, then the exit code (-1 when it had to be killed).
  int stop() {
    if (m_pid <= 0) return m_exit;
    ::kill(m_pid, SIGTERM);
    int status = 0;
    for (int i = 0; i < 200; ++i) {
      if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_pid = -1;
        m_exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return m_exit;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    ::kill(m_pid, SIGKILL);
    ::waitpid(m_pid, &status, 0);
    m_pid = -1;
    return m_exit = -1;
  }
  // The environment the AWS CLI needs to talk to this server.
  std::map<std::string, std::string> cli_env() const {
    return {{"AWS_ACCESS_KEY_ID", "test"}, {"AWS_SECRET_ACCESS_KEY", "test"}, {"AWS_EC2_METADATA_DISABLED", "true"},
            {"AWS_CONFIG_FILE", "/dev/null"}, {"AWS_SHARED_CREDENTIALS_FILE", "/dev/null"}, {"AWS_PAGER", ""},
            {"AWS_DEFAULT_REGION", "eu-west-1"}};
  }

 private:
  pid_t m_pid = -1;
  int m_port = 0;
  int m_exit = -1;
  std::string m_log;
};

// The AWS CLI of the machine image.
inline std::string aws_cli() {
  const std::string pyenv = "/root/.pyenv/shims/aws";
  if (::access(pyenv.c_str(), X_OK) == 0) return pyenv;
  return util::find_program("aws");
}

}  // namespace hopper::sim::test

#include "support/moto.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "net/curl_transport.hpp"
#include "util/process.hpp"

namespace hopper::test {

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return 0;
  }
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

namespace {

bool answers(const std::string& endpoint) {
  static net::CurlTransport transport;
  net::HttpRequest request;
  request.url = endpoint + "/moto-api/";
  request.connect_timeout = std::chrono::milliseconds(500);
  request.total_timeout = std::chrono::milliseconds(2000);
  auto response = transport.send(request);
  return response.ok() && response->status == 200;
}

}  // namespace

bool peer_is_sim() {
  const char* peer = std::getenv("HOPPER_TEST_PEER");
  return peer != nullptr && std::string(peer) == "sim";
}

std::unique_ptr<MotoServer> MotoServer::start(const std::map<std::string, std::string>& env) {
  const bool sim = peer_is_sim();
  const std::string program = sim ? std::string(HOPPER_EXE) : util::find_program("moto_server");
  if (program.empty()) {
    ADD_FAILURE() << "moto_server is not on PATH: the integration tests need moto (the machine "
                     "image ships it in its Python; see ../shared/MOTO-NOTES.md)";
    return nullptr;
  }
  for (int attempt = 0; attempt < 5; ++attempt) {
    std::unique_ptr<MotoServer> server(new MotoServer());
    server->m_port = free_port();
    char log_template[] = "/tmp/hopper-moto-XXXXXX";
    const int log_fd = ::mkstemp(log_template);
    server->m_log_path = log_template;
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::dup2(log_fd, STDOUT_FILENO);
      ::dup2(log_fd, STDERR_FILENO);
      for (const auto& [name, value] : env) ::setenv(name.c_str(), value.c_str(), 1);
      const std::string port = std::to_string(server->m_port);
      if (sim) {
        // hopper's simulator in moto's place, with the key pair the tests sign with; it answers
        // moto's admin API (reset) too. It follows AWS where moto is lenient.
        ::execl(program.c_str(), "hopper", "sim", "serve", "--port", port.c_str(), "--access-key", "testing",
                "--secret-key", "testing", static_cast<char*>(nullptr));
      } else {
        ::execl(program.c_str(), "moto_server", "-H", "127.0.0.1", "-p", port.c_str(), static_cast<char*>(nullptr));
      }
      _exit(127);
    }
    ::close(log_fd);
    server->m_pid = pid;
    for (int i = 0; i < 300; ++i) {
      if (answers(server->endpoint())) return server;
      int status = 0;
      if (::waitpid(pid, &status, WNOHANG) == pid) {
        server->m_pid = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ADD_FAILURE() << (sim ? "hopper sim serve" : "moto_server") << " did not start on 127.0.0.1 (see /tmp/hopper-moto-* logs)";
  return nullptr;
}

MotoServer& MotoServer::shared() {
  static std::unique_ptr<MotoServer> server = [] {
    auto s = start();
    if (!s) {
      std::fprintf(stderr, "FATAL: moto_server is required for this test binary and did not start\n");
      std::exit(1);
    }
    return s;
  }();
  return *server;
}

MotoServer& MotoServer::shared_with_ubuntu() {
  static std::unique_ptr<MotoServer> server = [] {
    auto s = start({{"MOTO_AMIS_PATH", std::string(HOPPER_SOURCE_DIR) + "/tests/testdata/moto/amis.json"}});
    if (!s) {
      std::fprintf(stderr, "FATAL: moto_server is required for this test binary and did not start\n");
      std::exit(1);
    }
    return s;
  }();
  return *server;
}

MotoServer::~MotoServer() {
  if (m_pid > 0) {
    ::kill(m_pid, SIGTERM);
    int status = 0;
    for (int i = 0; i < 40; ++i) {
      if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_pid = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    if (m_pid > 0) {
      ::kill(m_pid, SIGKILL);
      ::waitpid(m_pid, &status, 0);
    }
  }
  if (!m_log_path.empty()) ::unlink(m_log_path.c_str());
}

std::string MotoServer::endpoint() const { return "http://127.0.0.1:" + std::to_string(m_port); }

void MotoServer::reset() {
  static net::CurlTransport transport;
  net::HttpRequest request;
  request.method = "POST";
  request.url = endpoint() + "/moto-api/reset";
  auto response = transport.send(request);
  ASSERT_TRUE(response.ok()) << response.error().message();
  ASSERT_EQ(response->status, 200) << response->body;
}

std::map<std::string, std::string> MotoServer::client_env(const std::string& region) const {
  return {
      {"AWS_ENDPOINT_URL", endpoint()},
      {"AWS_ACCESS_KEY_ID", "testing"},
      {"AWS_SECRET_ACCESS_KEY", "testing"},
      {"AWS_REGION", region},
      {"AWS_EC2_METADATA_DISABLED", "true"},
      {"AWS_CONFIG_FILE", "/dev/null"},
      {"AWS_SHARED_CREDENTIALS_FILE", "/dev/null"},
  };
}

}  // namespace hopper::test

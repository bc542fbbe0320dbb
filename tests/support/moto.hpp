// MotoServer: one moto_server per test binary, on a free 127.0.0.1 port, reset between tests.
//
//   auto& moto = test::MotoServer::shared();   // started on first use, stopped at exit
//   moto.reset();                              // POST /moto-api/reset
//   moto.endpoint()                            // "http://127.0.0.1:PORT"
//
// If moto_server is not on PATH the test fails with a message that says so (never skipped).
// With HOPPER_TEST_PEER=sim in the environment the server is `hopper sim serve` instead (it
// accepts the key pair testing/testing and answers moto's reset API): ctest runs the engine's
// integration suite once against each peer.
// A second, separate server (e.g. with INITIAL_NO_AUTH_ACTION_COUNT for signature and IAM
// checks) comes from MotoServer::start({{"INITIAL_NO_AUTH_ACTION_COUNT", "20"}}).
#pragma once

#include <sys/types.h>

#include <map>
#include <memory>
#include <string>

namespace hopper::test {

class MotoServer {
 public:
  // The binary-wide server (started on first call). Aborts the test run if it cannot start.
  static MotoServer& shared();
  // A binary-wide server that also knows an Ubuntu 24.04 image of Canonical's (owner
  // 099720109477, from tests/testdata/moto/amis.json), as hopper's image lookup needs.
  static MotoServer& shared_with_ubuntu();
  // A fresh server with extra environment; stopped when the pointer goes.
  static std::unique_ptr<MotoServer> start(const std::map<std::string, std::string>& env = {});

  ~MotoServer();
  MotoServer(const MotoServer&) = delete;
  MotoServer& operator=(const MotoServer&) = delete;

  std::string endpoint() const;
  int port() const { return m_port; }
  // Forgets every resource (POST /moto-api/reset). Fails the current test on error.
  void reset();
  // The environment a client needs to talk to this server like the AWS CLI would:
  // AWS_ENDPOINT_URL, dummy credentials, region, no IMDS, no config files.
  std::map<std::string, std::string> client_env(const std::string& region = "eu-west-1") const;

 private:
  MotoServer() = default;
  pid_t m_pid = -1;
  int m_port = 0;
  std::string m_log_path;
};

// True when HOPPER_TEST_PEER=sim: the "moto" servers are hopper's simulator.
bool peer_is_sim();

// A 127.0.0.1 TCP port that was free a moment ago.
int free_port();

}  // namespace hopper::test

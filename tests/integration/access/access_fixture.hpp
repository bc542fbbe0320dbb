// The access integration tests' fixture: a cluster brought up on moto (its instances are records
// with tags, never machines), a real key pair for the spec, a real OpenSSH server on loopback as
// the bastion (and the control plane's SSH), and the real hopper binary run with HOME and the
// state folder in a temporary folder. The stand-ins are given with the override flags; the login
// user is the one the tests run as (--ssh-user), so nothing is added to the host's accounts.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "support/hopper_cli.hpp"
#include "support/moto.hpp"
#include "support/sshd.hpp"
#include "support/temp_dir.hpp"

namespace hopper::test {

// True once `condition` holds, polling every 50 ms for at most `timeout` (a deadline for what
// must happen, not a timing assertion).
bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout = std::chrono::seconds(30));

// hopper running in the background (a tunnel): started at once, signalled, waited for.
class BackgroundHopper {
 public:
  BackgroundHopper(std::vector<std::string> args, std::map<std::string, std::string> env, std::string cwd);
  ~BackgroundHopper();  // SIGTERM if still running, then waits
  BackgroundHopper(const BackgroundHopper&) = delete;
  BackgroundHopper& operator=(const BackgroundHopper&) = delete;

  void signal(int signal_number);
  bool finished() const { return m_finished.load(); }
  // Waits for the end (at most 60 s, then SIGKILL) and returns what it printed.
  HopperRun wait();

 private:
  std::atomic<int> m_pid{0};
  std::atomic<bool> m_finished{false};
  HopperRun m_run;
  std::thread m_thread;
};

class AccessTest : public ::testing::Test {
 protected:
  // moto reset, key pair, `hopper init`, `hopper up` (moto: nothing booted), the bastion's sshd.
  void SetUp() override;

  HopperRun hopper(const std::vector<std::string>& args);
  std::map<std::string, std::string> env() const;
  // `args` (a verb first) with the flags, after the verb, that make the sshd the bastion (its address and key, the login user).
  std::vector<std::string> with_bastion(std::vector<std::string> args) const;
  // The same, and the control plane's SSH at `control_plane`.
  std::vector<std::string> with_control_plane(std::vector<std::string> args, const SshdServer& control_plane) const;
  std::filesystem::path state_dir() const;  // the cluster's local state folder
  std::filesystem::path dir() const { return m_dir.path(); }
  std::string endpoint() const { return m_endpoint; }

  TempDir m_dir;
  std::string m_endpoint;
  SshKeyPair m_key;
  std::unique_ptr<SshdServer> m_bastion;
};

// The name of the user this test runs as (the stand-ins' login user).
std::string current_user();
std::string read_text(const std::filesystem::path& path);

}  // namespace hopper::test

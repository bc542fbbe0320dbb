// SshdServer: a real OpenSSH server (/usr/sbin/sshd) on 127.0.0.1 for tests of hopper's access
// commands, standing in for the bastion (and the control plane's SSH). Everything it needs lives
// in its own temporary folder: a fresh ed25519 host key, sshd_config, the authorized_keys file,
// the pid file and its log. It accepts public keys only, for the user the test runs as (root in
// the test namespace: nothing is added to the host's accounts), and allows TCP forwarding (-W for
// ProxyJump, -L for the tunnel).
//
//   test::SshKeyPair key = test::make_ssh_key_pair(dir.path());
//   test::SshdServer sshd(key.public_key);
//   ... --bastion sshd.address() --bastion-host-key sshd.host_key() ...
//   sshd.stop();   // the daemon and every session it serves (as when the bastion goes away)
//   sshd.start();  // again, on the same port with the same host key
//
// Thread-safety: one thread drives it.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>

#include "support/temp_dir.hpp"

namespace hopper::test {

struct SshKeyPair {
  std::filesystem::path private_key;  // no passphrase
  std::filesystem::path public_key_path;
  std::string public_key;  // "ssh-ed25519 AAAA... comment"
};

// `ssh-keygen -t ed25519` into `dir`/`name` and `name`.pub. Fails the current test on error.
SshKeyPair make_ssh_key_pair(const std::filesystem::path& dir, const std::string& name = "id_ed25519");

class SshdServer {
 public:
  // Starts sshd on a free port, authorising `authorized_key` ("<type> <base64> [comment]").
  // Fails the current test (with sshd's log) when it does not listen within a few seconds.
  explicit SshdServer(const std::string& authorized_key);
  ~SshdServer();
  SshdServer(const SshdServer&) = delete;
  SshdServer& operator=(const SshdServer&) = delete;

  // Starts sshd again after stop(), on the same port and with the same host key.
  void start();
  // Ends the daemon and the sessions it forked (each runs in a session of its own, so they do
  // not go with the daemon by themselves), and waits until they are gone.
  void stop();
  bool running() const { return m_pid > 0; }

  int port() const { return m_port; }
  std::string address() const { return "127.0.0.1:" + std::to_string(m_port); }
  // The host key it presents, "ssh-ed25519 <base64>".
  const std::string& host_key() const { return m_host_key; }
  // What sshd logged (-e), for failure messages.
  std::string log() const;

 private:
  TempDir m_dir;
  int m_port = 0;
  pid_t m_pid = -1;
  std::string m_host_key;
};

}  // namespace hopper::test

// What the boot script tests run against: a fake instance metadata service (IMDSv2 only, on
// 127.0.0.1, also serving the files nodes would download), a scratch root that holds what
// cloud-init would have written, and recording stubs on PATH for every command that would change
// the machine (kubeadm, kubectl, systemctl, apt-get, apt-mark, modprobe, sysctl, hostnamectl,
// swapoff, ctr, gpg, udevadm, sleep, shutdown). curl, openssl, python3 and coreutils are real.
#pragma once

#include <httplib.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "bootstrap/render.hpp"
#include "support/temp_dir.hpp"

namespace hopper::test {

class FakeImds {
 public:
  struct Request {
    std::string method;
    std::string path;
    bool had_token = false;
  };

  FakeImds();
  ~FakeImds();
  FakeImds(const FakeImds&) = delete;
  FakeImds& operator=(const FakeImds&) = delete;

  std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(m_port); }
  // meta-data/<path> answers `body`.
  void set_metadata(const std::string& path, std::string body);
  // meta-data/iam/security-credentials/ and .../<role>.
  void set_credentials(const std::string& role, const std::string& access_key_id, const std::string& secret,
                       const std::string& token);
  // GET <path> (any path outside /latest/) answers `body`.
  void serve_file(const std::string& path, std::string body);
  std::vector<Request> requests() const;

  static constexpr const char* k_token = "imds-session-token-42";

 private:
  httplib::Server m_server;
  std::thread m_thread;
  int m_port = 0;
  mutable std::mutex m_mutex;
  std::map<std::string, std::string> m_metadata;
  std::map<std::string, std::string> m_files;
  std::vector<Request> m_requests;
};

struct BootRun {
  int exit_code = -1;
  std::string console;            // what the script left on stderr (cloud-init's output log)
  std::vector<std::string> calls;  // the stubs' calls, in order, with the scratch root removed
  std::string log;                // /var/log/hopper-boot.log (or the one named)
};

// A node: the files of `user_data` written under a scratch root as cloud-init would, plus
// /etc/fstab with a swap line and /sys/class/net/ens5/address.
class ScratchNode {
 public:
  explicit ScratchNode(const std::string& user_data);
  const std::filesystem::path& root() const { return m_root; }
  std::filesystem::path path(const std::string& node_path) const { return m_root / node_path.substr(1); }
  std::string read(const std::string& node_path) const;
  void write(const std::string& node_path, const std::string& content) const;

  // Runs `node_path` (an entry script) with HOPPER_ROOT and the endpoints set, the stubs first on
  // PATH, and `env` on top (STUB_FAIL="<glob of 'name args'>", STUB_FAIL_TIMES=N make a stub fail).
  BootRun run(const std::string& node_path, const std::map<std::string, std::string>& env,
              const std::string& log_path = "/var/log/hopper-boot.log") const;

  static constexpr const char* k_mac = "0a:1b:2c:3d:4e:5f";

 private:
  TempDir m_dir;
  std::filesystem::path m_root;
  std::filesystem::path m_bin;
};

// The context tests render with: the demo cluster's, its downloads served by `imds`.
bootstrap::RenderContext test_context(const spec::ClusterSpec& spec, FakeImds& imds,
                                      const std::string& manifest = "kind: List\nitems: []\n");

// The environment that points a script at `imds` and at `aws_endpoint` for SSM and ECR.
std::map<std::string, std::string> node_env(const FakeImds& imds, const std::string& aws_endpoint);

// Sets IMDS answers for an instance at `ip` in eu-west-1a.
void describe_instance(FakeImds& imds, const std::string& ip, const std::string& instance_id);

}  // namespace hopper::test

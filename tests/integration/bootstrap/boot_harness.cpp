#include "integration/bootstrap/boot_harness.hpp"

#include <gtest/gtest.h>

#include "crypto/digest.hpp"
#include "unit/bootstrap/bootstrap_test_support.hpp"
#include "util/strings.hpp"

namespace hopper::test {
namespace fs = std::filesystem;
namespace {

constexpr const char* k_stub = R"(#!/bin/bash
# A recording stub: logs "name args" (the scratch root removed), fails when asked to, answers the
# few questions the boot scripts ask.
name=${0##*/}
line="$name $*"
if [ -n "${HOPPER_ROOT:-}" ]; then line=${line//"$HOPPER_ROOT"/}; fi
printf '%s\n' "$line" >>"$STUB_LOG"
if [ -n "${STUB_FAIL:-}" ] && [[ $line == $STUB_FAIL ]]; then
  count=$(cat "$STUB_LOG.failures" 2>/dev/null || echo 0)
  if [ "$count" -lt "${STUB_FAIL_TIMES:-1000000}" ]; then
    echo $((count + 1)) >"$STUB_LOG.failures"
    echo "$name: simulated failure" >&2
    exit 1
  fi
fi
case "$line" in
  "kubeadm version -o short") echo v1.36.2 ;;
  "kubeadm token create"*) echo "${STUB_NEW_TOKEN:-zyxwvu.9876543210zyxwvu}" ;;
  gpg*) cat >"$STUB_LOG.gpg-input" ;;
esac
exit 0
)";

constexpr const char* k_stubbed[] = {"kubeadm", "kubectl", "systemctl", "apt-get", "apt-mark", "modprobe", "sysctl",
                                     "hostnamectl", "swapoff", "ctr", "gpg", "udevadm", "sleep", "shutdown"};

}  // namespace

FakeImds::FakeImds() {
  // The token PUT carries no body and no Content-Length (curl -X PUT, like the real IMDS client).
  // A handler with a ContentReader that never reads keeps Debian's cpp-httplib 0.11 from waiting
  // for a body until its read timeout and answering 400.
  m_server.Put("/latest/api/token", [this](const httplib::Request& req, httplib::Response& res,
                                           const httplib::ContentReader&) {
    {
      std::lock_guard lock(m_mutex);
      m_requests.push_back({"PUT", req.path, false});
    }
    if (!req.has_header("X-aws-ec2-metadata-token-ttl-seconds")) {
      res.status = 400;
      return;
    }
    res.set_content(k_token, "text/plain");
  });
  m_server.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(m_mutex);
    const bool had_token = req.get_header_value("X-aws-ec2-metadata-token") == k_token;
    m_requests.push_back({"GET", req.path, had_token});
    const std::string meta = "/latest/meta-data/";
    if (req.path.rfind(meta, 0) == 0) {
      if (!had_token) {  // IMDSv2 only: no token, no answer
        res.status = 401;
        return;
      }
      const auto it = m_metadata.find(req.path.substr(meta.size()));
      if (it == m_metadata.end()) {
        res.status = 404;
        return;
      }
      res.set_content(it->second, "text/plain");
      return;
    }
    const auto it = m_files.find(req.path);
    if (it == m_files.end()) {
      res.status = 404;
      return;
    }
    res.set_content(it->second, "application/octet-stream");
  });
  m_port = m_server.bind_to_any_port("127.0.0.1");
  m_thread = std::thread([this] { m_server.listen_after_bind(); });
  for (int i = 0; i < 200 && !m_server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

FakeImds::~FakeImds() {
  m_server.stop();
  if (m_thread.joinable()) m_thread.join();
}

void FakeImds::set_metadata(const std::string& path, std::string body) {
  std::lock_guard lock(m_mutex);
  m_metadata[path] = std::move(body);
}

void FakeImds::set_credentials(const std::string& role, const std::string& access_key_id, const std::string& secret,
                               const std::string& token) {
  set_metadata("iam/security-credentials/", role);
  set_metadata("iam/security-credentials/" + role,
               "{\n  \"Code\" : \"Success\",\n  \"LastUpdated\" : \"2026-01-01T00:00:00Z\",\n  \"Type\" : "
               "\"AWS-HMAC\",\n  \"AccessKeyId\" : \"" + access_key_id + "\",\n  \"SecretAccessKey\" : \"" + secret +
                   "\",\n  \"Token\" : \"" + token + "\",\n  \"Expiration\" : \"2099-01-01T00:00:00Z\"\n}");
}

void FakeImds::serve_file(const std::string& path, std::string body) {
  std::lock_guard lock(m_mutex);
  m_files[path] = std::move(body);
}

std::vector<FakeImds::Request> FakeImds::requests() const {
  std::lock_guard lock(m_mutex);
  return m_requests;
}

ScratchNode::ScratchNode(const std::string& user_data) : m_root(m_dir.path() / "root"), m_bin(m_dir.path() / "bin") {
  fs::create_directories(m_root);
  fs::create_directories(m_bin);
  // What cloud-init's write_files would have done.
  for (const auto& file : parse_user_data(user_data).files) {
    write(file.path, file.content);
    const auto mode = static_cast<fs::perms>(std::stoi(file.permissions, nullptr, 8));
    fs::permissions(path(file.path), mode, fs::perm_options::replace);
  }
  write("/etc/fstab", "LABEL=cloudimg-rootfs / ext4 discard,errors=remount-ro 0 1\n/swap.img none swap sw 0 0\n");
  write("/sys/class/net/ens5/address", std::string(k_mac) + "\n");
  write("/sys/class/net/lo/address", "00:00:00:00:00:00\n");
  for (const char* name : k_stubbed) {
    write_text(m_bin / name, k_stub);
    fs::permissions(m_bin / name, fs::perms::owner_all, fs::perm_options::replace);
  }
}

std::string ScratchNode::read(const std::string& node_path) const { return read_text(path(node_path)); }

void ScratchNode::write(const std::string& node_path, const std::string& content) const {
  write_text(path(node_path), content);
}

BootRun ScratchNode::run(const std::string& node_path, const std::map<std::string, std::string>& env,
                         const std::string& log_path) const {
  const fs::path calls = m_dir.path() / "calls.log";
  fs::remove(calls);
  fs::remove(fs::path(calls.string() + ".failures"));
  util::ProcessOptions options;
  for (const char* name : {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL",
                           "AWS_PROFILE", "HOPPER_LOG", "STUB_FAIL", "STUB_FAIL_TIMES", "BASH_ENV", "ENV"}) {
    options.env[name] = std::nullopt;
  }
  options.env["PATH"] = m_bin.string() + ":/usr/local/bin:/usr/bin:/bin";
  options.env["HOPPER_ROOT"] = m_root.string();
  options.env["STUB_LOG"] = calls.string();
  options.env["LC_ALL"] = "C";
  for (const auto& [name, value] : env) options.env[name] = value;
  options.timeout = std::chrono::minutes(3);
  const auto result = run_program({path(node_path).string()}, options);
  BootRun out;
  out.exit_code = result.exit_code;
  out.console = result.err + result.out;
  for (const auto& line : util::split(read_text(calls), '\n')) {
    if (!line.empty()) out.calls.push_back(line);
  }
  out.log = read(log_path);
  return out;
}

bootstrap::RenderContext test_context(const spec::ClusterSpec& spec, FakeImds& imds,
                                      const std::string& manifest) {
  bootstrap::RenderContext context = bootstrap::make_render_context(spec, "123456789012");
  context.sources.kubernetes_apt_base = imds.endpoint() + "/pkgs/core:/stable:";
  context.sources.vpc_cni_manifest_url = imds.endpoint() + "/cni/aws-k8s-cni.yaml";
  context.sources.vpc_cni_manifest_sha256 = crypto::sha256_hex(manifest);
  imds.serve_file("/cni/aws-k8s-cni.yaml", manifest);
  return context;
}

std::map<std::string, std::string> node_env(const FakeImds& imds, const std::string& aws_endpoint) {
  return {{"HOPPER_IMDS_ENDPOINT", imds.endpoint()},
          {"HOPPER_SSM_ENDPOINT", aws_endpoint},
          {"HOPPER_ECR_ENDPOINT", aws_endpoint}};
}

void describe_instance(FakeImds& imds, const std::string& ip, const std::string& instance_id) {
  imds.set_metadata("local-hostname", "ip-" + util::replace_all(ip, ".", "-") + ".eu-west-1.compute.internal");
  imds.set_metadata("local-ipv4", ip);
  imds.set_metadata("instance-id", instance_id);
  imds.set_metadata("placement/availability-zone", "eu-west-1a");
  imds.set_metadata("mac", ScratchNode::k_mac);
  imds.serve_file("/pkgs/core:/stable:/v1.36/deb/Release.key", "-----BEGIN PGP PUBLIC KEY BLOCK-----\nfake\n");
}

}  // namespace hopper::test

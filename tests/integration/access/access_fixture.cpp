#include "access_fixture.hpp"

#include <pwd.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace hopper::test {

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return condition();
}

std::string current_user() {
  const passwd* entry = ::getpwuid(::getuid());
  return entry != nullptr ? entry->pw_name : "root";
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

BackgroundHopper::BackgroundHopper(std::vector<std::string> args, std::map<std::string, std::string> env, std::string cwd) {
  m_thread = std::thread([this, args = std::move(args), env = std::move(env), cwd = std::move(cwd)] {
    m_run = run_hopper(args, env, cwd, "", [this](int pid) { m_pid.store(pid); });
    m_finished.store(true);
  });
  eventually([this] { return m_pid.load() > 0 || m_finished.load(); }, std::chrono::seconds(10));
}

BackgroundHopper::~BackgroundHopper() {
  if (!m_finished.load()) signal(SIGTERM);
  if (m_thread.joinable()) (void)wait();
}

void BackgroundHopper::signal(int signal_number) {
  if (const int pid = m_pid.load(); pid > 0 && !m_finished.load()) ::kill(pid, signal_number);
}

HopperRun BackgroundHopper::wait() {
  if (!eventually([this] { return m_finished.load(); }, std::chrono::seconds(60))) {
    ADD_FAILURE() << "hopper did not end within 60 s";
    signal(SIGKILL);
  }
  if (m_thread.joinable()) m_thread.join();
  return m_run;
}

void AccessTest::SetUp() {
  MotoServer& moto = MotoServer::shared_with_ubuntu();
  moto.reset();
  m_endpoint = moto.endpoint();
  m_key = make_ssh_key_pair(m_dir.path());
  ASSERT_FALSE(m_key.public_key.empty());
  const HopperRun init = hopper({"init", "--force", "--ssh-public-key", m_key.public_key_path.string(), "--admin-cidr",
                                 "203.0.113.7/32"});
  ASSERT_EQ(init.exit_code, 0) << init.err;
  const HopperRun up = hopper({"up", "--yes"});
  ASSERT_EQ(up.exit_code, 0) << up.out << up.err;
  m_bastion = std::make_unique<SshdServer>(m_key.public_key);
  ASSERT_TRUE(m_bastion->running());
}

std::map<std::string, std::string> AccessTest::env() const {
  return {{"AWS_ENDPOINT_URL", m_endpoint},
          {"AWS_ACCESS_KEY_ID", "testing"},
          {"AWS_SECRET_ACCESS_KEY", "testing"},
          {"HOME", m_dir.path().string()},
          {"XDG_STATE_HOME", (m_dir.path() / "state").string()},
          // ssh must offer the spec's key only, never a developer's agent.
          {"SSH_AUTH_SOCK", ""}};
}

HopperRun AccessTest::hopper(const std::vector<std::string>& args) { return run_hopper(args, env(), m_dir.path().string()); }

std::vector<std::string> AccessTest::with_bastion(std::vector<std::string> args) const {
  // After the verb: what follows a "--" is the remote command.
  args.insert(args.begin() + 1, {"--bastion", m_bastion->address(), "--bastion-host-key", m_bastion->host_key(),
                                 "--ssh-user", current_user()});
  return args;
}

std::vector<std::string> AccessTest::with_control_plane(std::vector<std::string> args,
                                                        const SshdServer& control_plane) const {
  args = with_bastion(std::move(args));
  args.insert(args.begin() + 1,
              {"--control-plane", control_plane.address(), "--control-plane-host-key", control_plane.host_key()});
  return args;
}

std::filesystem::path AccessTest::state_dir() const { return m_dir.path() / "state" / "hopper" / "hopper-eu-west-1"; }

}  // namespace hopper::test

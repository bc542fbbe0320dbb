#include "report_fixture.hpp"

namespace hopper::test {

void ReportTest::SetUp() {
  MotoServer& moto = MotoServer::shared_with_ubuntu();
  moto.reset();
  m_endpoint = moto.endpoint();
  m_dir.write("id_ed25519.pub", std::string(k_report_public_key) + "\n");
  init_spec();
}

std::map<std::string, std::string> ReportTest::env() const {
  return {{"AWS_ENDPOINT_URL", m_endpoint},
          {"AWS_ACCESS_KEY_ID", m_access_key},
          {"AWS_SECRET_ACCESS_KEY", m_secret_key},
          {"HOME", m_dir.path().string()},
          {"XDG_STATE_HOME", (m_dir.path() / "state").string()}};
}

HopperRun ReportTest::hopper(const std::vector<std::string>& args) {
  return run_hopper(args, env(), m_dir.path().string());
}

void ReportTest::init_spec(const std::vector<std::string>& extra) {
  std::vector<std::string> args{"init", "--force", "--ssh-public-key", (m_dir.path() / "id_ed25519.pub").string(),
                                "--admin-cidr", "203.0.113.7/32"};
  args.insert(args.end(), extra.begin(), extra.end());
  const HopperRun run = hopper(args);
  ASSERT_EQ(run.exit_code, 0) << run.err;
}

std::filesystem::path ReportTest::state_dir(const std::string& name, const std::string& region) const {
  return m_dir.path() / "state" / "hopper" / (name + "-" + region);
}

nlohmann::json ReportTest::json_of(const HopperRun& run) {
  nlohmann::json parsed = nlohmann::json::parse(run.out, nullptr, false);
  EXPECT_FALSE(parsed.is_discarded()) << "not JSON:\n" << run.out << run.err;
  return parsed;
}

}  // namespace hopper::test

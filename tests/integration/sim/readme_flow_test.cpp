// The README's first command: `hopper up --sim`, then `hopper plan --sim` (nothing left to do),
// then `hopper down --sim`, all on one simulated account kept under XDG_STATE_HOME.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "support/hopper_cli.hpp"
#include "support/temp_dir.hpp"
#include "util/process.hpp"

namespace hopper::sim::test {
namespace {

TEST(ReadmeFlowTest, UpPlanDownOnOneSimulatedAccount) {
  hopper::test::TempDir home;
  const auto key = home.path() / "id_ed25519";
  util::ProcessOptions quiet;
  auto keygen = util::run_process({"ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.string()}, quiet);
  ASSERT_TRUE(keygen.ok() && keygen->exit_code == 0);
  const std::map<std::string, std::string> env = {{"HOME", home.path().string()},
                                                  {"XDG_STATE_HOME", (home.path() / "state").string()}};
  const std::string spec = (home.path() / "cluster.yaml").string();
  auto init = hopper::test::run_hopper({"init", "-f", spec, "--name", "demo", "--region", "eu-west-1", "--ssh-public-key",
                                        key.string() + ".pub", "--admin-cidr", "203.0.113.7/32"}, env);
  ASSERT_EQ(init.exit_code, 0) << init.err;

  auto up = hopper::test::run_hopper({"up", "--sim", "--yes", "-f", spec, "--sim-request-log",
                                      (home.path() / "requests.jsonl").string()}, env);
  ASSERT_EQ(up.exit_code, 0) << up.out << up.err;
  EXPECT_TRUE(std::filesystem::exists(home.path() / "state" / "hopper" / "sim" / "state.json"));
  const auto perms = std::filesystem::status(home.path() / "state" / "hopper" / "sim").permissions();
  EXPECT_EQ(perms & std::filesystem::perms::group_all, std::filesystem::perms::none);

  auto plan = hopper::test::run_hopper({"plan", "--sim", "--detailed-exitcode", "-f", spec}, env);
  EXPECT_EQ(plan.exit_code, 0) << "a second plan should have nothing to do:\n" << plan.out << plan.err;

  auto down = hopper::test::run_hopper({"down", "--sim", "--yes", "-f", spec}, env);
  EXPECT_EQ(down.exit_code, 0) << down.out << down.err;
  auto after = hopper::test::run_hopper({"plan", "--sim", "--detailed-exitcode", "-f", spec}, env);
  EXPECT_EQ(after.exit_code, 4) << "after down, everything is to be created again:\n" << after.out << after.err;
}

}  // namespace
}  // namespace hopper::sim::test

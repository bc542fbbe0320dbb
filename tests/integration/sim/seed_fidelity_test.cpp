// Fidelity, proven by an independent client: the chapter's AWS CLI scripts against
// `hopper sim serve` — every call succeeds, seed-check sees the chapter's topology, and after
// seed-down nothing of it is left.
#include <filesystem>

#include "sim_server.hpp"
#include "util/process.hpp"

namespace hopper::sim::test {
namespace {

util::ProcessResult run_script(const std::string& script, const SimServer& server) {
  util::ProcessOptions options;
  for (const auto& [k, v] : server.cli_env()) options.env[k] = v;
  options.env["ENDPOINT"] = server.endpoint();
  options.env["AWS_BIN"] = aws_cli();
  options.env["POLL_S"] = "1";
  options.timeout = std::chrono::minutes(5);
  auto result = util::run_process({"bash", std::string(HOPPER_SOURCE_DIR) + "/tests/testdata/seed/" + script}, options);
  EXPECT_TRUE(result.ok());
  return result.ok() ? *result : util::ProcessResult{};
}

int count_of(const std::string& out, const std::string& label) {
  const auto at = out.find(label);
  if (at == std::string::npos) return -1;
  return std::atoi(out.c_str() + out.find_first_not_of(' ', at + label.size()));
}

TEST(SeedFidelityTest, ChapterScriptsBuildCheckAndTearDown) {
  ASSERT_FALSE(aws_cli().empty()) << "the AWS CLI is not installed";
  SimServer server;
  const auto up = run_script("seed-up.sh", server);
  ASSERT_EQ(up.exit_code, 0) << up.err.substr(up.err.size() > 6000 ? up.err.size() - 6000 : 0);
  EXPECT_NE(up.err.find("aws calls: "), std::string::npos);
  EXPECT_NE(up.err.find("(failed: 0)"), std::string::npos) << up.err;

  const auto check = run_script("seed-check.sh", server);
  EXPECT_EQ(check.exit_code, 1) << "something of the seed should be there";
  const std::string& topology = check.out;
  EXPECT_EQ(count_of(topology, "vpcs tagged hopper"), 1) << topology;
  EXPECT_EQ(count_of(topology, "vpcs 10.0.0.0/16 (non-default)"), 1);
  EXPECT_EQ(count_of(topology, "subnets 10.0.0.0/20,10.0.16.0/20"), 2);
  EXPECT_EQ(count_of(topology, "route tables hopper-*"), 2);
  EXPECT_EQ(count_of(topology, "igws not on the default vpc"), 1);
  EXPECT_EQ(count_of(topology, "nat gateways not deleted"), 1);
  EXPECT_EQ(count_of(topology, "elastic ips"), 1);
  EXPECT_EQ(count_of(topology, "security groups of the seed"), 4);
  // bastion, AMI builder (stopped), master; the ASG node carries no Name: the chapter's ASG tags
  // omit PropagateAtLaunch, which defaults to false.
  EXPECT_EQ(count_of(topology, "instances not terminated"), 3);
  EXPECT_EQ(count_of(topology, "images owned by self"), 1);
  EXPECT_EQ(count_of(topology, "CreateImage snapshots"), 1);
  EXPECT_EQ(count_of(topology, "key pair eds_laptop"), 1);
  EXPECT_EQ(count_of(topology, "iam roles K8s*"), 2);
  EXPECT_EQ(count_of(topology, "iam instance profiles K8s*"), 2);
  EXPECT_EQ(count_of(topology, "auto scaling groups hopper-*"), 1);
  EXPECT_EQ(count_of(topology, "launch configurations k8s-node-*"), 1);

  const auto down = run_script("seed-down.sh", server);
  ASSERT_EQ(down.exit_code, 0) << down.err.substr(down.err.size() > 6000 ? down.err.size() - 6000 : 0);
  EXPECT_NE(down.err.find("(failed: 0)"), std::string::npos) << down.err;

  const auto after = run_script("seed-check.sh", server);
  EXPECT_EQ(after.exit_code, 0) << after.out;
  EXPECT_NE(after.out.find("left: 0"), std::string::npos) << after.out;
  EXPECT_EQ(server.stop(), 0);
}

}  // namespace
}  // namespace hopper::sim::test

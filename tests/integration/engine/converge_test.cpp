// Idempotence and change planning: a second `up` makes no mutating call, a plan of an unchanged
// cluster is empty, an edited spec plans exactly the in-place update it implies, and bad input
// stops before any call.
#include <nlohmann/json.hpp>

#include "aws/autoscaling/groups.hpp"
#include "cluster_fixture.hpp"

namespace hopper::test {
namespace {

using ConvergeTest = ClusterTest;

std::string names(const std::vector<ProxiedCall>& calls) {
  std::string out;
  for (const auto& c : calls) out += c.service + ":" + c.action + " ";
  return out;
}

TEST_F(ConvergeTest, SecondUpMakesNoMutatingCall) {
  ASSERT_EQ(hopper({"up", "--yes"}).exit_code, 0);
  EXPECT_FALSE(m_proxy->mutating_calls().empty());
  m_proxy->clear();
  const HopperRun again = hopper({"up", "--yes"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(m_proxy->mutating_calls().empty()) << names(m_proxy->mutating_calls());
  EXPECT_NE(again.out.find("No changes"), std::string::npos) << again.out;
  // Discovery is batched: a small, fixed number of calls whatever the cluster holds.
  EXPECT_LT(m_proxy->calls().size(), 40u) << names(m_proxy->calls());
}

TEST_F(ConvergeTest, PlanDetailedExitCodeAndJson) {
  const HopperRun before = hopper({"plan", "--detailed-exitcode", "-o", "json"});
  ASSERT_EQ(before.exit_code, 4) << before.err;
  const auto plan = nlohmann::json::parse(before.out);
  EXPECT_EQ(plan["summary"]["create"], 31);  // 28 + the CA certificate, CA key and join token in SSM
  EXPECT_EQ(plan["summary"]["delete"], 0);
  EXPECT_TRUE(m_proxy->mutating_calls().empty()) << names(m_proxy->mutating_calls());

  ASSERT_EQ(hopper({"up", "--yes"}).exit_code, 0);
  const HopperRun after = hopper({"plan", "--detailed-exitcode"});
  EXPECT_EQ(after.exit_code, 0) << after.out << after.err;
  EXPECT_NE(after.out.find("No changes: the cluster matches the spec."), std::string::npos);
}

TEST_F(ConvergeTest, WorkerMaxChangePlansAnInPlaceUpdateOfTheGroupOnly) {
  ASSERT_EQ(hopper({"up", "--yes"}).exit_code, 0);
  edit_spec("  max: 1\n", "  max: 3\n");
  const HopperRun planned = hopper({"plan", "-o", "json"});
  ASSERT_EQ(planned.exit_code, 0) << planned.err;
  const auto plan = nlohmann::json::parse(planned.out);
  ASSERT_EQ(plan["changes"].size(), 1u) << plan.dump(2);
  const auto& change = plan["changes"][0];
  EXPECT_EQ(change["action"], "update");
  EXPECT_EQ(change["resource"], "auto_scaling_group/nodes");
  ASSERT_EQ(change["fields"].size(), 1u);
  EXPECT_EQ(change["fields"][0]["field"], "max_size");
  EXPECT_EQ(change["fields"][0]["from"], "1");
  EXPECT_EQ(change["fields"][0]["to"], "3");

  m_proxy->clear();
  ASSERT_EQ(hopper({"up", "--yes"}).exit_code, 0);
  const auto mutating = m_proxy->mutating_calls();
  ASSERT_EQ(mutating.size(), 1u) << names(mutating);
  EXPECT_EQ(mutating[0].action, "UpdateAutoScalingGroup");
  const aws::autoscaling::Client asg(*m_aws->session);
  EXPECT_EQ(aws::autoscaling::describe_auto_scaling_groups(asg, {"hopper-nodes"}, {})->front().max_size, 3);
}

TEST_F(ConvergeTest, ControlPlaneReplacementIsRefusedWithoutAllowReplace) {
  ASSERT_EQ(hopper({"up", "--yes"}).exit_code, 0);
  edit_spec("privateIP: 10.0.0.10", "privateIP: 10.0.0.20");
  m_proxy->clear();
  const HopperRun refused = hopper({"up", "--yes"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("refusing to replace the control plane"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("--allow-replace"), std::string::npos);
  EXPECT_TRUE(m_proxy->mutating_calls().empty()) << names(m_proxy->mutating_calls());
  EXPECT_NE(refused.out.find("private_ip: 10.0.0.10 -> 10.0.0.20  (forces replacement)"), std::string::npos) << refused.out;

  const HopperRun allowed = hopper({"up", "--yes", "--allow-replace"});
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_EQ(census()["instance"], 3);  // bastion, control plane, one worker
}

TEST_F(ConvergeTest, SpecErrorExitsTwoWithoutAnyCall) {
  edit_spec("vpcCIDR: 10.0.0.0/16", "vpcCIDR: 10.0.0.0/33");
  const HopperRun up = hopper({"up", "--yes"});
  EXPECT_EQ(up.exit_code, 2) << up.err;
  EXPECT_NE(up.err.find("network.vpcCIDR"), std::string::npos) << up.err;
  EXPECT_TRUE(m_proxy->calls().empty());
}

TEST_F(ConvergeTest, ConfirmationWithoutTerminalFailsAtOnce) {
  const HopperRun up = hopper({"up"});
  EXPECT_EQ(up.exit_code, 2);
  EXPECT_NE(up.err.find("pass --yes"), std::string::npos) << up.err;
  EXPECT_TRUE(m_proxy->mutating_calls().empty());
}

TEST_F(ConvergeTest, MissingCredentialsExitThreeAndSayWhereHopperLooked) {
  auto environment = env();
  environment.erase("AWS_ACCESS_KEY_ID");
  environment.erase("AWS_SECRET_ACCESS_KEY");
  const HopperRun plan = run_hopper({"plan"}, environment, m_dir.path().string());
  EXPECT_EQ(plan.exit_code, 3) << plan.err;
  EXPECT_NE(plan.err.find("no AWS credentials found"), std::string::npos) << plan.err;
  EXPECT_NE(plan.err.find("AWS_ACCESS_KEY_ID"), std::string::npos) << plan.err;
  EXPECT_NE(plan.err.find("instance metadata"), std::string::npos) << plan.err;
  EXPECT_TRUE(m_proxy->calls().empty());
}

}  // namespace
}  // namespace hopper::test

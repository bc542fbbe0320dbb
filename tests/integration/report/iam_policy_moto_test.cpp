// `up`, `status` and `down` run as a moto IAM user that holds the policy `hopper iam-policy`
// prints, with moto checking every call's signature and the user's policy
// (INITIAL_NO_AUTH_ACTION_COUNT); and the same with one needed action removed fails with exit code
// 3, naming the call.
//
// What moto checks, and so what this proves: the actions. moto evaluates a statement's Resource
// only for IAM and STS calls, and there only against a role that already exists; every other
// call is matched against "*", so a resource-scoped statement can never match there. The test
// therefore hands moto the printed policy with each Resource widened to "*" and Condition
// dropped (relaxed_for_moto below); the scoping itself is checked against hopper's real role,
// profile and parameter names in tests/unit/report/iam_policy_test.cpp.
#include "aws/iam/users_policies.hpp"
#include "report_fixture.hpp"
#include "support/aws_session.hpp"

namespace hopper::test {
namespace {

// The calls spent before moto starts checking: CreateUser, CreateAccessKey, PutUserPolicy.
constexpr int k_setup_calls = 3;

nlohmann::json relaxed_for_moto(nlohmann::json policy) {
  for (auto& statement : policy["Statement"]) {
    statement["Resource"] = "*";
    statement.erase("Condition");
  }
  return policy;
}

nlohmann::json without_action(nlohmann::json policy, const std::string& action) {
  for (auto& statement : policy["Statement"]) {
    auto& actions = statement["Action"];
    actions.erase(std::remove(actions.begin(), actions.end(), action), actions.end());
  }
  return policy;
}

class IamPolicyMotoTest : public ReportTest {
 protected:
  void SetUp() override {
    ReportTest::SetUp();
    m_checked = MotoServer::start({{"INITIAL_NO_AUTH_ACTION_COUNT", std::to_string(k_setup_calls)},
                                   {"MOTO_AMIS_PATH", std::string(HOPPER_SOURCE_DIR) + "/tests/testdata/moto/amis.json"}});
    ASSERT_TRUE(m_checked);
    m_endpoint = m_checked->endpoint();
  }

  // Makes the operator user with `policy` (the three unchecked calls) and runs as it from then on.
  void become_operator(const nlohmann::json& policy) {
    auto admin = make_test_aws(m_endpoint);
    const aws::iam::Client iam(*admin->session);
    ASSERT_TRUE(aws::iam::create_user(iam, "operator").ok());
    auto key = aws::iam::create_access_key(iam, "operator");
    ASSERT_TRUE(key.ok()) << key.error().message();
    auto put = aws::iam::put_user_policy(iam, "operator", "hopper", policy.dump());
    ASSERT_TRUE(put.ok()) << (put.ok() ? std::string() : put.error().message());
    m_access_key = key->access_key_id;
    m_secret_key = key->secret_access_key;
  }

  nlohmann::json printed_policy() {
    const HopperRun printed = hopper({"iam-policy"});
    EXPECT_EQ(printed.exit_code, 0) << printed.err;
    return json_of(printed);
  }

  std::unique_ptr<MotoServer> m_checked;
};

TEST_F(IamPolicyMotoTest, UpStatusAndDownSucceedWithThePrintedPolicy) {
  become_operator(relaxed_for_moto(printed_policy()));
  // Checks are on: a wrong secret is refused.
  const std::string secret = m_secret_key;
  m_secret_key = "not-the-secret";
  const HopperRun forged = hopper({"status"});
  EXPECT_EQ(forged.exit_code, 3) << forged.out << forged.err;
  m_secret_key = secret;

  const HopperRun up = hopper({"up", "--yes"});
  ASSERT_EQ(up.exit_code, 0) << up.out << up.err;
  const HopperRun status = hopper({"status", "-o", "json"});
  ASSERT_EQ(status.exit_code, 0) << status.out << status.err;
  EXPECT_EQ(json_of(status)["auto_scaling_groups"][0]["in_service"], 1);
  const HopperRun plan = hopper({"plan", "--detailed-exitcode"});
  EXPECT_EQ(plan.exit_code, 0) << plan.out << plan.err;
  const HopperRun diagram = hopper({"diagram", "--live"});
  EXPECT_EQ(diagram.exit_code, 0) << diagram.err;
  const HopperRun down = hopper({"down", "--yes"});
  ASSERT_EQ(down.exit_code, 0) << down.out << down.err;
  EXPECT_NE(down.out.find("is gone"), std::string::npos) << down.out;
}

TEST_F(IamPolicyMotoTest, UpFailsWithExitCode3NamingTheCallWhenAnActionIsMissing) {
  become_operator(without_action(relaxed_for_moto(printed_policy()), "ec2:CreateVpc"));
  const HopperRun up = hopper({"up", "--yes"});
  EXPECT_EQ(up.exit_code, 3) << up.out << up.err;
  EXPECT_NE(up.err.find("CreateVpc"), std::string::npos) << up.err;
  EXPECT_NE(up.err.find("AccessDenied"), std::string::npos) << up.err;
}

}  // namespace
}  // namespace hopper::test

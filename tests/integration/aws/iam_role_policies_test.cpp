#include "aws/iam/role_policies.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "aws/iam/roles.hpp"
#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::iam {
namespace {

constexpr const char* k_trust_policy =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},)"
    R"("Action":"sts:AssumeRole"}]})";
// Characters that need encoding on the wire: spaces, '+', '%', '/', '*', quotes.
constexpr const char* k_policy =
    R"({"Version": "2012-10-17", "Statement": [{"Sid": "ReadJoin+Token 100%", "Effect": "Allow",)"
    R"( "Action": ["ssm:GetParameter"], "Resource": "arn:aws:ssm:*:*:parameter/hopper/c1/*"}]})";

constexpr const char* k_other_policy =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*"}]})";

class IamRolePoliciesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
    ASSERT_TRUE(create_role(iam(), CreateRoleRequest{"c1-nodes", "/", k_trust_policy, "", {}}).ok());
  }
  Client iam() { return Client(*m_aws->session); }
  // A customer managed policy (no typed operation: hopper attaches AWS managed ones).
  std::string create_managed_policy(const std::string& name) {
    QueryParams params;
    params.set("PolicyName", name).set("PolicyDocument", k_policy);
    auto response = m_aws->session->query(Service::iam, "CreatePolicy", params);
    EXPECT_TRUE(response.ok()) << response.error().message();
    return response.ok() ? codec::text(codec::child(response->result(), "Policy"), "Arn") : "";
  }
  std::unique_ptr<test::TestAws> m_aws;
};

TEST_F(IamRolePoliciesTest, PutGetListDeleteInline) {
  ASSERT_TRUE(put_role_policy(iam(), "c1-nodes", "join", k_policy).ok());
  auto document = get_role_policy(iam(), "c1-nodes", "join");
  ASSERT_TRUE(document.ok()) << document.error().message();
  EXPECT_EQ(nlohmann::json::parse(*document), nlohmann::json::parse(k_policy)) << *document;

  // Replacing keeps one policy of that name.
  ASSERT_TRUE(put_role_policy(iam(), "c1-nodes", "join", k_other_policy).ok());
  document = get_role_policy(iam(), "c1-nodes", "join");
  ASSERT_TRUE(document.ok());
  EXPECT_EQ(nlohmann::json::parse(*document), nlohmann::json::parse(k_other_policy));
  auto names = list_role_policies(iam(), "c1-nodes");
  ASSERT_TRUE(names.ok()) << names.error().message();
  EXPECT_EQ(*names, std::vector<std::string>{"join"});

  // A role holding an inline policy cannot go.
  auto blocked = delete_role(iam(), "c1-nodes");
  ASSERT_FALSE(blocked.ok());
  EXPECT_TRUE(is_dependency_violation(blocked.error())) << blocked.error().message();

  ASSERT_TRUE(delete_role_policy(iam(), "c1-nodes", "join").ok());
  auto gone = get_role_policy(iam(), "c1-nodes", "join");
  ASSERT_FALSE(gone.ok());
  EXPECT_TRUE(is_not_found(gone.error())) << gone.error().message();
  names = list_role_policies(iam(), "c1-nodes");
  ASSERT_TRUE(names.ok());
  EXPECT_TRUE(names->empty());
  EXPECT_TRUE(delete_role(iam(), "c1-nodes").ok());
}

TEST_F(IamRolePoliciesTest, ListInlineGetsEveryName) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(put_role_policy(iam(), "c1-nodes", "p" + std::to_string(i), k_policy).ok());
  // moto ignores MaxItems on ListRolePolicies (one page, IsTruncated=false); AWS pages it like
  // ListAttachedRolePolicies below, which moto does page.
  auto names = list_role_policies(iam(), "c1-nodes", 2);
  ASSERT_TRUE(names.ok()) << names.error().message();
  std::sort(names->begin(), names->end());
  EXPECT_EQ(*names, (std::vector<std::string>{"p0", "p1", "p2", "p3", "p4"}));
}

TEST_F(IamRolePoliciesTest, AttachListDetachManaged) {
  const std::string a = create_managed_policy("hopper-a");
  const std::string b = create_managed_policy("hopper-b");
  const std::string c = create_managed_policy("hopper-c");
  for (const auto& arn : {a, b, c}) ASSERT_TRUE(attach_role_policy(iam(), "c1-nodes", arn).ok());
  int calls = 0;
  m_aws->session->set_observer([&](const CallRecord& r) { calls += r.action == "ListAttachedRolePolicies"; });
  auto attached = list_attached_role_policies(iam(), "c1-nodes", 2);
  ASSERT_TRUE(attached.ok()) << attached.error().message();
  EXPECT_EQ(calls, 2);  // 2 + 1
  ASSERT_EQ(attached->size(), 3u);
  std::vector<std::string> arns;
  for (const auto& policy : *attached) {
    arns.push_back(policy.arn);
    EXPECT_EQ(policy.name.rfind("hopper-", 0), 0u) << policy.name;
  }
  std::sort(arns.begin(), arns.end());
  EXPECT_EQ(arns, (std::vector<std::string>{a, b, c}));

  auto blocked = delete_role(iam(), "c1-nodes");
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(error_code(blocked.error()), "DeleteConflict");

  for (const auto& arn : {a, b, c}) ASSERT_TRUE(detach_role_policy(iam(), "c1-nodes", arn).ok());
  attached = list_attached_role_policies(iam(), "c1-nodes");
  ASSERT_TRUE(attached.ok());
  EXPECT_TRUE(attached->empty());
  auto again = detach_role_policy(iam(), "c1-nodes", a);
  ASSERT_FALSE(again.ok());
  EXPECT_TRUE(is_not_found(again.error())) << again.error().message();
  EXPECT_TRUE(delete_role(iam(), "c1-nodes").ok());
}

}  // namespace
}  // namespace hopper::aws::iam

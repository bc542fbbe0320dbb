#include "aws/iam/roles.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::iam {
namespace {

constexpr const char* k_trust_policy =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},)"
    R"("Action":"sts:AssumeRole"}]})";

class IamRolesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
  }
  Client iam() { return Client(*m_aws->session); }
  CreateRoleRequest request(const std::string& name, const std::string& path = "/hopper/c1/") {
    return CreateRoleRequest{name, path, k_trust_policy, "nodes of c1", {{"kubernetes.io/cluster/c1", "owned"}}};
  }
  std::unique_ptr<test::TestAws> m_aws;
};

TEST_F(IamRolesTest, CreateGetTagListDelete) {
  auto created = create_role(iam(), request("c1-nodes"));
  ASSERT_TRUE(created.ok()) << created.error().message();
  EXPECT_EQ(created->name, "c1-nodes");
  EXPECT_EQ(created->path, "/hopper/c1/");
  EXPECT_NE(created->arn.find(":role/hopper/c1/c1-nodes"), std::string::npos) << created->arn;
  EXPECT_FALSE(created->id.empty());
  EXPECT_EQ(created->tags.at("kubernetes.io/cluster/c1"), "owned");

  auto role = get_role(iam(), "c1-nodes");
  ASSERT_TRUE(role.ok()) << role.error().message();
  // The document comes back URL-encoded on the wire and decoded here: the same JSON we sent.
  EXPECT_EQ(nlohmann::json::parse(role->assume_role_policy_document), nlohmann::json::parse(k_trust_policy));
  EXPECT_EQ(role->description, "nodes of c1");
  EXPECT_EQ(role->tags.at("kubernetes.io/cluster/c1"), "owned");

  ASSERT_TRUE(tag_role(iam(), "c1-nodes", {{"team", "infra"}}).ok());
  role = get_role(iam(), "c1-nodes");
  ASSERT_TRUE(role.ok());
  EXPECT_EQ(role->tags.size(), 2u);
  EXPECT_EQ(role->tags.at("team"), "infra");
  ASSERT_TRUE(untag_role(iam(), "c1-nodes", {"team"}).ok());
  role = get_role(iam(), "c1-nodes");
  ASSERT_TRUE(role.ok());
  EXPECT_EQ(role->tags.count("team"), 0u);

  ASSERT_TRUE(create_role(iam(), request("elsewhere", "/other/")).ok());
  auto listed = list_roles(iam(), "/hopper/");
  ASSERT_TRUE(listed.ok()) << listed.error().message();
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().name, "c1-nodes");

  ASSERT_TRUE(delete_role(iam(), "c1-nodes").ok());
  auto gone = get_role(iam(), "c1-nodes");
  ASSERT_FALSE(gone.ok());
  EXPECT_TRUE(is_not_found(gone.error())) << gone.error().message();
  EXPECT_EQ(error_code(gone.error()), "NoSuchEntity");
  EXPECT_EQ(api_error(gone.error())->http_status, 404);
}

TEST_F(IamRolesTest, DuplicateCreateIsAlreadyExists) {
  ASSERT_TRUE(create_role(iam(), request("dup")).ok());
  auto again = create_role(iam(), request("dup"));
  ASSERT_FALSE(again.ok());
  EXPECT_TRUE(is_already_exists(again.error())) << again.error().message();
  EXPECT_EQ(error_code(again.error()), "EntityAlreadyExists");
}

TEST_F(IamRolesTest, DeleteMissingRoleIsNotFound) {
  auto deleted = delete_role(iam(), "never-was");
  ASSERT_FALSE(deleted.ok());
  EXPECT_TRUE(is_not_found(deleted.error())) << deleted.error().message();
}

TEST_F(IamRolesTest, ListPaginatesPastOnePage) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(create_role(iam(), request("r" + std::to_string(i), "/paged/")).ok());
  ASSERT_TRUE(create_role(iam(), request("outside", "/")).ok());
  int list_calls = 0;
  m_aws->session->set_observer([&](const CallRecord& record) { list_calls += record.action == "ListRoles"; });
  auto listed = list_roles(iam(), "/paged/", 2);
  ASSERT_TRUE(listed.ok()) << listed.error().message();
  EXPECT_EQ(listed->size(), 5u);
  EXPECT_EQ(list_calls, 3);  // 2 + 2 + 1
}

}  // namespace
}  // namespace hopper::aws::iam

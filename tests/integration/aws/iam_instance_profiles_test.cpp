#include "aws/iam/instance_profiles.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "aws/iam/roles.hpp"
#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::iam {
namespace {

constexpr const char* k_trust_policy =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},)"
    R"("Action":"sts:AssumeRole"}]})";

class IamInstanceProfilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
  }
  Client iam() { return Client(*m_aws->session); }
  std::unique_ptr<test::TestAws> m_aws;
};

TEST_F(IamInstanceProfilesTest, LifecycleInDependencyOrder) {
  ASSERT_TRUE(create_role(iam(), CreateRoleRequest{"c1-nodes", "/hopper/", k_trust_policy, "", {}}).ok());
  auto created = create_instance_profile(iam(), "c1-nodes", "/hopper/", {{"kubernetes.io/cluster/c1", "owned"}});
  ASSERT_TRUE(created.ok()) << created.error().message();
  EXPECT_EQ(created->name, "c1-nodes");
  EXPECT_EQ(created->path, "/hopper/");
  EXPECT_NE(created->arn.find(":instance-profile/hopper/c1-nodes"), std::string::npos) << created->arn;
  EXPECT_TRUE(created->role_names.empty());

  ASSERT_TRUE(add_role_to_instance_profile(iam(), "c1-nodes", "c1-nodes").ok());
  auto profile = get_instance_profile(iam(), "c1-nodes");
  ASSERT_TRUE(profile.ok()) << profile.error().message();
  EXPECT_EQ(profile->role_names, std::vector<std::string>{"c1-nodes"});
  EXPECT_EQ(profile->tags.at("kubernetes.io/cluster/c1"), "owned");
  EXPECT_EQ(profile->id, created->id);

  ASSERT_TRUE(create_instance_profile(iam(), "unrelated", "/other/").ok());
  auto listed = list_instance_profiles(iam(), "/hopper/");
  ASSERT_TRUE(listed.ok()) << listed.error().message();
  // moto ignores PathPrefix here and answers every profile; AWS answers only /hopper/ ones.
  const auto ours = std::find_if(listed->begin(), listed->end(), [](const auto& p) { return p.name == "c1-nodes"; });
  ASSERT_NE(ours, listed->end());
  EXPECT_EQ(ours->path, "/hopper/");
  EXPECT_EQ(ours->role_names, std::vector<std::string>{"c1-nodes"});
  auto for_role = list_instance_profiles_for_role(iam(), "c1-nodes");
  ASSERT_TRUE(for_role.ok()) << for_role.error().message();
  ASSERT_EQ(for_role->size(), 1u);
  EXPECT_EQ(for_role->front().name, "c1-nodes");

  // Wrong order: the role is still in the profile, the profile still holds the role.
  auto role_blocked = delete_role(iam(), "c1-nodes");
  ASSERT_FALSE(role_blocked.ok());
  EXPECT_TRUE(is_dependency_violation(role_blocked.error())) << role_blocked.error().message();
  EXPECT_EQ(error_code(role_blocked.error()), "DeleteConflict");
  EXPECT_EQ(api_error(role_blocked.error())->http_status, 409);
  auto profile_blocked = delete_instance_profile(iam(), "c1-nodes");
  ASSERT_FALSE(profile_blocked.ok());
  EXPECT_TRUE(is_dependency_violation(profile_blocked.error())) << profile_blocked.error().message();

  // Right order: remove the role, delete the profile, delete the role.
  ASSERT_TRUE(remove_role_from_instance_profile(iam(), "c1-nodes", "c1-nodes").ok());
  ASSERT_TRUE(delete_instance_profile(iam(), "c1-nodes").ok());
  ASSERT_TRUE(delete_role(iam(), "c1-nodes").ok());
  auto gone = get_instance_profile(iam(), "c1-nodes");
  ASSERT_FALSE(gone.ok());
  EXPECT_TRUE(is_not_found(gone.error())) << gone.error().message();
}

TEST_F(IamInstanceProfilesTest, TagAfterCreate) {
  ASSERT_TRUE(create_instance_profile(iam(), "p").ok());
  ASSERT_TRUE(tag_instance_profile(iam(), "p", {{"a", "1"}, {"b", "2"}}).ok());
  auto profile = get_instance_profile(iam(), "p");
  ASSERT_TRUE(profile.ok()) << profile.error().message();
  EXPECT_EQ(profile->tags, (Tags{{"a", "1"}, {"b", "2"}}));
}

TEST_F(IamInstanceProfilesTest, ListGetsEveryProfile) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(create_instance_profile(iam(), "p" + std::to_string(i), "/paged/").ok());
  // moto answers ListInstanceProfiles in one page whatever MaxItems says; the Marker loop is
  // the one of Client::paginate, proved over pages by ListRoles and ListAttachedRolePolicies.
  auto listed = list_instance_profiles(iam(), "/paged/", 2);
  ASSERT_TRUE(listed.ok()) << listed.error().message();
  EXPECT_EQ(listed->size(), 5u);
}

}  // namespace
}  // namespace hopper::aws::iam

// Tags over real HTTP against moto_server: add to several resources → describe → overwrite →
// delete by key; listings larger than one page.
#include <gtest/gtest.h>

#include <algorithm>

#include "aws/ec2/subnets.hpp"
#include "aws/ec2/tags.hpp"
#include "aws/ec2/vpcs.hpp"
#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::ec2 {
namespace {

class Ec2TagsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
    auto vpc = create_vpc(ec2(), "10.0.0.0/16", {{"Name", "hopper"}});
    ASSERT_TRUE(vpc.ok()) << vpc.error().message();
    m_vpc_id = vpc->id;
    auto subnet = create_subnet(ec2(), {m_vpc_id, "10.0.1.0/24", "eu-west-1a", {{"Name", "a"}}});
    ASSERT_TRUE(subnet.ok()) << subnet.error().message();
    m_subnet_id = subnet->id;
  }
  Client ec2() { return Client(*m_aws->session); }
  std::unique_ptr<test::TestAws> m_aws;
  std::string m_vpc_id;
  std::string m_subnet_id;
};

TEST_F(Ec2TagsTest, CreateDescribeOverwriteDelete) {
  ASSERT_TRUE(create_tags(ec2(), {m_vpc_id, m_subnet_id}, {{"kubernetes.io/cluster/hopper", "shared"}, {"env", "dev"}})
                  .ok());
  auto tags = describe_tags(ec2(), {{"key", {"kubernetes.io/cluster/hopper"}}});
  ASSERT_TRUE(tags.ok()) << tags.error().message();
  ASSERT_EQ(tags->size(), 2u);
  std::vector<std::string> types;
  for (const auto& t : *tags) {
    EXPECT_EQ(t.value, "shared");
    types.push_back(t.resource_type);
    EXPECT_TRUE(t.resource_id == m_vpc_id || t.resource_id == m_subnet_id) << t.resource_id;
  }
  std::sort(types.begin(), types.end());
  EXPECT_EQ(types, (std::vector<std::string>{"subnet", "vpc"}));

  // create_tags overwrites the value of an existing key.
  ASSERT_TRUE(create_tags(ec2(), {m_subnet_id}, {{"env", "prod"}}).ok());
  auto subnet = describe_subnets(ec2(), {}, {m_subnet_id});
  ASSERT_TRUE(subnet.ok()) << subnet.error().message();
  EXPECT_EQ(subnet->front().tags,
            (Tags{{"Name", "a"}, {"env", "prod"}, {"kubernetes.io/cluster/hopper", "shared"}}));

  ASSERT_TRUE(delete_tags(ec2(), {m_vpc_id, m_subnet_id}, {"kubernetes.io/cluster/hopper", "env"}).ok());
  auto left = describe_tags(ec2(), {{"resource-id", {m_vpc_id, m_subnet_id}}});
  ASSERT_TRUE(left.ok()) << left.error().message();
  ASSERT_EQ(left->size(), 2u);  // the Name tags set at creation stay
  for (const auto& t : *left) EXPECT_EQ(t.key, "Name");
}

TEST_F(Ec2TagsTest, UnknownResourceIsRefused) {
  auto refused = create_tags(ec2(), {"subnet-0123456789abcdef0"}, {{"a", "b"}});
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(is_not_found(refused.error())) << refused.error().message();
}

TEST_F(Ec2TagsTest, ListsMoreThanOnePage) {
  Tags many;
  for (int i = 0; i < 12; ++i) many["k" + std::to_string(i)] = "v";
  ASSERT_TRUE(create_tags(ec2(), {m_vpc_id}, many).ok());
  QueryParams params;
  params.filters({{"resource-id", {m_vpc_id}}});
  auto paged = ec2().paginate<TagDescription>("DescribeTags", params, "tagSet", decode_tag_description, 5);
  ASSERT_TRUE(paged.ok()) << paged.error().message();
  EXPECT_EQ(paged->size(), 13u);  // and Name
  auto all = describe_tags(ec2(), {{"resource-id", {m_vpc_id}}});
  ASSERT_TRUE(all.ok()) << all.error().message();
  EXPECT_EQ(all->size(), 13u);
}

}  // namespace
}  // namespace hopper::aws::ec2

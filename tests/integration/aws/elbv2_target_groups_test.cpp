#include "aws/elbv2/target_groups.hpp"

#include <gtest/gtest.h>

#include "aws/ec2/vpcs.hpp"
#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::elbv2 {
namespace {

class Elbv2TargetGroupsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
    auto vpc = ec2::create_vpc(ec2::Client(*m_aws->session), "10.0.0.0/16", {});
    ASSERT_TRUE(vpc.ok()) << vpc.error().message();
    m_vpc = vpc->id;
  }
  Client elbv2() { return Client(*m_aws->session); }
  std::unique_ptr<test::TestAws> m_aws;
  std::string m_vpc;
};

TEST_F(Elbv2TargetGroupsTest, CreateDescribeTagsDelete) {
  auto created = create_target_group(elbv2(), {"k8s-api", m_vpc, "TCP", 6443, "instance", {{"kubernetes.io/cluster/c1", "owned"}}});
  ASSERT_TRUE(created.ok()) << created.error().message();
  EXPECT_EQ(created->name, "k8s-api");
  EXPECT_EQ(created->protocol, "TCP");
  EXPECT_EQ(created->port, 6443);
  EXPECT_EQ(created->vpc_id, m_vpc);
  EXPECT_EQ(created->target_type, "instance");
  EXPECT_NE(created->arn.find(":targetgroup/k8s-api/"), std::string::npos) << created->arn;

  auto tags = describe_tags(elbv2(), {created->arn});
  ASSERT_TRUE(tags.ok()) << tags.error().message();
  EXPECT_EQ(tags->at(created->arn), (Tags{{"kubernetes.io/cluster/c1", "owned"}}));

  auto all = describe_target_groups(elbv2());
  ASSERT_TRUE(all.ok()) << all.error().message();
  ASSERT_EQ(all->size(), 1u);
  EXPECT_TRUE(all->front().load_balancer_arns.empty());

  ASSERT_TRUE(delete_target_group(elbv2(), created->arn).ok());
  all = describe_target_groups(elbv2());
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->empty());
}

TEST_F(Elbv2TargetGroupsTest, DescribeGetsEveryGroup) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(create_target_group(elbv2(), {"tg-" + std::to_string(i), m_vpc, "TCP", 30000 + i, "instance", {}}).ok());
  }
  // moto answers DescribeTargetGroups in one page whatever PageSize says; the Marker loop is
  // Client::paginate's, proved over pages by DescribeLoadBalancers.
  auto all = describe_target_groups(elbv2(), "", 2);
  ASSERT_TRUE(all.ok()) << all.error().message();
  EXPECT_EQ(all->size(), 5u);
}

}  // namespace
}  // namespace hopper::aws::elbv2

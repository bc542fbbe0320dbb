// Internet gateways over real HTTP against moto_server: create tagged → attach → describe →
// delete refused while attached → detach → delete → NotFound.
#include <gtest/gtest.h>

#include "aws/ec2/internet_gateways.hpp"
#include "aws/ec2/vpcs.hpp"
#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::ec2 {
namespace {

class Ec2InternetGatewaysTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
  }
  Client ec2() { return Client(*m_aws->session); }
  std::unique_ptr<test::TestAws> m_aws;
};

TEST_F(Ec2InternetGatewaysTest, Lifecycle) {
  auto vpc = create_vpc(ec2(), "10.0.0.0/16", {{"Name", "hopper"}});
  ASSERT_TRUE(vpc.ok()) << vpc.error().message();
  auto igw = create_internet_gateway(ec2(), {{"Name", "hopper-igw"}, {"kubernetes.io/cluster/hopper", "owned"}});
  ASSERT_TRUE(igw.ok()) << igw.error().message();
  EXPECT_TRUE(igw->id.starts_with("igw-"));
  EXPECT_TRUE(igw->attachments.empty());
  EXPECT_EQ(igw->tags.at("Name"), "hopper-igw");

  ASSERT_TRUE(attach_internet_gateway(ec2(), igw->id, vpc->id).ok());
  auto by_vpc = describe_internet_gateways(ec2(), {{"attachment.vpc-id", {vpc->id}}});
  ASSERT_TRUE(by_vpc.ok()) << by_vpc.error().message();
  ASSERT_EQ(by_vpc->size(), 1u);
  const InternetGateway& g = by_vpc->front();
  EXPECT_EQ(g.id, igw->id);
  ASSERT_EQ(g.attachments.size(), 1u);
  EXPECT_EQ(g.attachments[0].vpc_id, vpc->id);
  EXPECT_EQ(g.attachments[0].state, "available");
  EXPECT_EQ(g.tags, (Tags{{"Name", "hopper-igw"}, {"kubernetes.io/cluster/hopper", "owned"}}));

  auto twice = attach_internet_gateway(ec2(), igw->id, vpc->id);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(error_code(twice.error()), "Resource.AlreadyAssociated") << twice.error().message();

  auto refused = delete_internet_gateway(ec2(), igw->id);
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(is_dependency_violation(refused.error())) << refused.error().message();

  ASSERT_TRUE(detach_internet_gateway(ec2(), igw->id, vpc->id).ok());
  auto detached = describe_internet_gateways(ec2(), {}, {igw->id});
  ASSERT_TRUE(detached.ok()) << detached.error().message();
  ASSERT_EQ(detached->size(), 1u);
  EXPECT_TRUE(detached->front().attachments.empty());

  auto not_attached = detach_internet_gateway(ec2(), igw->id, vpc->id);
  ASSERT_FALSE(not_attached.ok());
  EXPECT_EQ(error_code(not_attached.error()), "Gateway.NotAttached") << not_attached.error().message();

  ASSERT_TRUE(delete_internet_gateway(ec2(), igw->id).ok());
  auto gone = describe_internet_gateways(ec2(), {}, {igw->id});
  ASSERT_FALSE(gone.ok());
  EXPECT_TRUE(is_not_found(gone.error())) << gone.error().message();
  EXPECT_EQ(error_code(gone.error()), "InvalidInternetGatewayID.NotFound");
}

TEST_F(Ec2InternetGatewaysTest, ListsMoreThanOnePage) {
  for (int i = 0; i < 7; ++i) ASSERT_TRUE(create_internet_gateway(ec2(), {{"batch", "p"}}).ok());
  QueryParams params;
  params.filters({{"tag:batch", {"p"}}});
  auto paged = ec2().paginate<InternetGateway>("DescribeInternetGateways", params, "internetGatewaySet",
                                               decode_internet_gateway, 5);
  ASSERT_TRUE(paged.ok()) << paged.error().message();
  EXPECT_EQ(paged->size(), 7u);
  auto all = describe_internet_gateways(ec2(), {{"tag:batch", {"p"}}});
  ASSERT_TRUE(all.ok()) << all.error().message();
  EXPECT_EQ(all->size(), 7u);
}

}  // namespace
}  // namespace hopper::aws::ec2

#include "aws/ec2/vpcs.hpp"

#include <gtest/gtest.h>

#include "aws/sts/caller_identity.hpp"
#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::ec2 {
namespace {

class Ec2VpcsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
  }
  Client ec2() { return Client(*m_aws->session); }
  std::unique_ptr<test::TestAws> m_aws;
};

TEST_F(Ec2VpcsTest, CallerIdentityAnswersAnAccount) {
  auto identity = sts::get_caller_identity(*m_aws->session);
  ASSERT_TRUE(identity.ok()) << identity.error().message();
  EXPECT_EQ(identity->account.size(), 12u);
  EXPECT_FALSE(identity->arn.empty());
}

TEST_F(Ec2VpcsTest, CreateTaggedDescribeByTagModifyDelete) {
  auto vpc = create_vpc(ec2(), "10.0.0.0/16", {{"Name", "hopper"}, {"kubernetes.io/cluster/hopper", "owned"}});
  ASSERT_TRUE(vpc.ok()) << vpc.error().message();
  EXPECT_EQ(vpc->cidr_block, "10.0.0.0/16");
  EXPECT_EQ(vpc->tags.at("Name"), "hopper");

  auto found = describe_vpcs(ec2(), {{"tag:kubernetes.io/cluster/hopper", {"owned", "shared"}}});
  ASSERT_TRUE(found.ok()) << found.error().message();
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().id, vpc->id);

  ASSERT_TRUE(modify_vpc_attribute(ec2(), vpc->id, VpcAttribute::enable_dns_hostnames, true).ok());
  auto hostnames = describe_vpc_attribute(ec2(), vpc->id, VpcAttribute::enable_dns_hostnames);
  ASSERT_TRUE(hostnames.ok()) << hostnames.error().message();
  EXPECT_TRUE(*hostnames);

  ASSERT_TRUE(delete_vpc(ec2(), vpc->id).ok());
  auto gone = describe_vpcs(ec2(), {}, {vpc->id});
  ASSERT_FALSE(gone.ok());
  EXPECT_TRUE(is_not_found(gone.error())) << gone.error().message();
  EXPECT_EQ(error_code(gone.error()), "InvalidVpcID.NotFound");
}

TEST_F(Ec2VpcsTest, PaginatesPastOnePage) {
  for (int i = 0; i < 7; ++i) {
    ASSERT_TRUE(create_vpc(ec2(), "10." + std::to_string(i + 1) + ".0.0/16", {{"batch", "p"}}).ok());
  }
  QueryParams params;
  params.filters({{"tag:batch", {"p"}}});
  // Page size 5 (EC2's minimum) forces two pages for seven VPCs.
  auto all = ec2().paginate<Vpc>("DescribeVpcs", params, "vpcSet", decode_vpc, 5);
  ASSERT_TRUE(all.ok()) << all.error().message();
  EXPECT_EQ(all->size(), 7u);
}

}  // namespace
}  // namespace hopper::aws::ec2

// The requests of the VPC and STS operations, checked against botocore's service models.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/ec2/vpcs.hpp"
#include "aws/sts/caller_identity.hpp"
#include "support/botocore_model.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws {
namespace {

struct Harness {
  test::RecordingTransport transport;
  test::FakeClock clock;
  test::ScriptedRandom random;
  Session session;
  Harness()
      : session(AwsConfig{}, "eu-west-1", static_credentials({"AKID", "SECRET", "", std::nullopt, "test"}), transport,
                clock, random) {}
};

using encoding::joined;

TEST(Ec2VpcsEncodingTest, MatchesTheModel) {
  Harness h;
  const test::BotocoreModel model("ec2");
  const ec2::Client client(h.session);
  (void)ec2::describe_vpcs(client, {{"tag:Name", {"a", "b"}}, {"state", {"available"}}});
  EXPECT_EQ(joined(model.check_query("DescribeVpcs", h.transport.params())), "");
  (void)ec2::describe_vpcs(client, {}, {"vpc-1", "vpc-2"});
  EXPECT_EQ(joined(model.check_query("DescribeVpcs", h.transport.params())), "");
  (void)ec2::create_vpc(client, "10.0.0.0/16", {{"Name", "x"}});
  EXPECT_EQ(joined(model.check_query("CreateVpc", h.transport.params())), "");
  (void)ec2::delete_vpc(client, "vpc-1");
  EXPECT_EQ(joined(model.check_query("DeleteVpc", h.transport.params())), "");
  (void)ec2::modify_vpc_attribute(client, "vpc-1", ec2::VpcAttribute::enable_dns_hostnames, true);
  EXPECT_EQ(joined(model.check_query("ModifyVpcAttribute", h.transport.params())), "");
  (void)ec2::describe_vpc_attribute(client, "vpc-1", ec2::VpcAttribute::enable_dns_support);
  EXPECT_EQ(joined(model.check_query("DescribeVpcAttribute", h.transport.params())), "");
}

TEST(Ec2VpcsEncodingTest, CheckerCatchesWrongEncodings) {
  const test::BotocoreModel model("ec2");
  EXPECT_NE(joined(model.check_query("DescribeVpcs", {{"Filter.member.1.Name", "x"}})), "");
  EXPECT_NE(joined(model.check_query("DescribeVpcs", {{"Filters.1.Name", "x"}})), "");
  EXPECT_NE(joined(model.check_query("CreateVpc", {{"CidrBlock", "10.0.0.0/16"}, {"TagSpecification.1.ResourceType", "vpcx"}})), "");
  EXPECT_NE(joined(model.check_query("DeleteVpc", {})), "");  // VpcId is required
  const test::BotocoreModel asg("autoscaling");
  EXPECT_NE(joined(asg.check_query("DescribeAutoScalingGroups", {{"AutoScalingGroupNames.1", "g"}})), "");
  EXPECT_EQ(joined(asg.check_query("DescribeAutoScalingGroups", {{"AutoScalingGroupNames.member.1", "g"}})), "");
}

TEST(StsEncodingTest, GetCallerIdentityMatchesTheModel) {
  Harness h;
  const test::BotocoreModel model("sts");
  (void)sts::get_caller_identity(h.session);
  const auto params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("GetCallerIdentity", params)), "");
  ASSERT_EQ(params.size(), 2u);
  EXPECT_EQ(params[1], (std::pair<std::string, std::string>{"Version", "2011-06-15"}));
}

}  // namespace
}  // namespace hopper::aws

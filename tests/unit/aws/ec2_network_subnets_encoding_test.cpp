// Subnet requests checked against botocore's EC2 model; subnet answers in AWS's shape decoded.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/ec2/subnets.hpp"
#include "support/botocore_model.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws::ec2 {
namespace {

using encoding::Params;
using Answer = test::RecordingTransport::Answer;

using Harness = encoding::Harness<Client>;

// Every problem botocore's EC2 model finds with `params` (the model is parsed once: it is large).
std::string problems(const std::string& operation, const Params& params) {
  static const test::BotocoreModel model("ec2");
  std::string out;
  for (const auto& p : model.check_query(operation, params)) out += p + "\n";
  return out;
}

std::optional<std::string> param(const Params& params, const std::string& name) {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  return std::nullopt;
}

// The fields of one subnet, as in the EC2 API reference's DescribeSubnets example.
constexpr const char* k_subnet_fields = R"(
        <subnetId>subnet-9d4a7b6c</subnetId>
        <subnetArn>arn:aws:ec2:us-east-1:111122223333:subnet/subnet-9d4a7b6c</subnetArn>
        <state>available</state>
        <ownerId>111122223333</ownerId>
        <vpcId>vpc-1a2b3c4d</vpcId>
        <cidrBlock>10.0.1.0/24</cidrBlock>
        <ipv6CidrBlockAssociationSet/>
        <availableIpAddressCount>251</availableIpAddressCount>
        <availabilityZone>us-east-1a</availabilityZone>
        <availabilityZoneId>use1-az2</availabilityZoneId>
        <defaultForAz>false</defaultForAz>
        <mapPublicIpOnLaunch>true</mapPublicIpOnLaunch>
        <assignIpv6AddressOnCreation>false</assignIpv6AddressOnCreation>
        <tagSet>
          <item><key>Name</key><value>hopper-public-a</value></item>
          <item><key>kubernetes.io/role/elb</key><value>1</value></item>
        </tagSet>)";

const std::string k_subnet_item = std::string("<item>") + k_subnet_fields + "</item>";

std::string describe_page(const std::string& items, const std::string& token) {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<DescribeSubnetsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>
  <subnetSet>)") + items + "</subnetSet>" + (token.empty() ? "" : "<nextToken>" + token + "</nextToken>") +
         "</DescribeSubnetsResponse>";
}

TEST(Ec2SubnetsEncodingTest, MatchesTheModel) {
  Harness h;
  (void)describe_subnets(h.client, {{"vpc-id", {"vpc-1"}}, {"tag:Name", {"a", "b"}}});
  EXPECT_EQ(problems("DescribeSubnets", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "Filter.2.Value.2"), "b");
  (void)describe_subnets(h.client, {}, {"subnet-1", "subnet-2"});
  EXPECT_EQ(problems("DescribeSubnets", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "SubnetId.2"), "subnet-2");
  EXPECT_EQ(param(h.transport.params(), "MaxResults"), std::nullopt);  // not with ids

  (void)create_subnet(h.client, {"vpc-1", "10.0.1.0/24", "eu-west-1a", {{"Name", "a"}, {"k", "v"}}});
  const auto create = h.transport.params();
  EXPECT_EQ(problems("CreateSubnet", create), "");
  EXPECT_EQ(param(create, "AvailabilityZone"), "eu-west-1a");
  EXPECT_EQ(param(create, "TagSpecification.1.ResourceType"), "subnet");
  EXPECT_EQ(param(create, "TagSpecification.1.Tag.2.Key"), "k");
  (void)create_subnet(h.client, {"vpc-1", "10.0.2.0/24", "", {}});
  EXPECT_EQ(problems("CreateSubnet", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "AvailabilityZone"), std::nullopt);
  EXPECT_EQ(param(h.transport.params(), "TagSpecification.1.ResourceType"), std::nullopt);

  (void)delete_subnet(h.client, "subnet-1");
  EXPECT_EQ(problems("DeleteSubnet", h.transport.params()), "");
  (void)modify_subnet_map_public_ip(h.client, "subnet-1", true);
  EXPECT_EQ(problems("ModifySubnetAttribute", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "MapPublicIpOnLaunch.Value"), "true");
  (void)modify_subnet_map_public_ip(h.client, "subnet-1", false);
  EXPECT_EQ(param(h.transport.params(), "MapPublicIpOnLaunch.Value"), "false");
}

TEST(Ec2SubnetsEncodingTest, DecodesAwsShapedDescribeAnswer) {
  Harness h;
  h.transport.push(Answer::ok(describe_page(k_subnet_item, "")));
  auto subnets = describe_subnets(h.client);
  ASSERT_TRUE(subnets.ok()) << subnets.error().message();
  ASSERT_EQ(subnets->size(), 1u);
  const Subnet& s = subnets->front();
  EXPECT_EQ(s.id, "subnet-9d4a7b6c");
  EXPECT_EQ(s.vpc_id, "vpc-1a2b3c4d");
  EXPECT_EQ(s.cidr_block, "10.0.1.0/24");
  EXPECT_EQ(s.availability_zone, "us-east-1a");
  EXPECT_EQ(s.availability_zone_id, "use1-az2");
  EXPECT_EQ(s.state, "available");
  EXPECT_TRUE(s.map_public_ip_on_launch);
  EXPECT_EQ(s.available_ip_address_count, 251);
  EXPECT_FALSE(s.default_for_az);
  EXPECT_EQ(s.owner_id, "111122223333");
  EXPECT_EQ(s.arn, "arn:aws:ec2:us-east-1:111122223333:subnet/subnet-9d4a7b6c");
  EXPECT_EQ(s.tags, (Tags{{"Name", "hopper-public-a"}, {"kubernetes.io/role/elb", "1"}}));
}

TEST(Ec2SubnetsEncodingTest, FollowsNextTokenAcrossPages) {
  Harness h;
  h.transport.push(Answer::ok(describe_page(k_subnet_item, "token-2")));
  h.transport.push(Answer::ok(describe_page("", "token-3")));  // an empty page may still carry a token
  h.transport.push(Answer::ok(describe_page(k_subnet_item, "")));
  auto subnets = describe_subnets(h.client, {{"vpc-id", {"vpc-1a2b3c4d"}}});
  ASSERT_TRUE(subnets.ok()) << subnets.error().message();
  EXPECT_EQ(subnets->size(), 2u);
  ASSERT_EQ(h.transport.requests().size(), 3u);
  EXPECT_EQ(param(h.transport.params(0), "NextToken"), std::nullopt);
  EXPECT_EQ(param(h.transport.params(0), "MaxResults"), "1000");
  EXPECT_EQ(param(h.transport.params(1), "NextToken"), "token-2");
  EXPECT_EQ(param(h.transport.params(2), "NextToken"), "token-3");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(problems("DescribeSubnets", h.transport.params(i)), "");
}

TEST(Ec2SubnetsEncodingTest, DecodesCreateAnswer) {
  Harness h;
  h.transport.push(Answer::ok(std::string(R"(<CreateSubnetResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>r-1</requestId><subnet>)") + k_subnet_fields + "</subnet></CreateSubnetResponse>"));
  auto subnet = create_subnet(h.client, {"vpc-1a2b3c4d", "10.0.1.0/24", "us-east-1a", {{"Name", "hopper-public-a"}}});
  ASSERT_TRUE(subnet.ok()) << subnet.error().message();
  EXPECT_EQ(subnet->id, "subnet-9d4a7b6c");
  EXPECT_EQ(subnet->tags.at("Name"), "hopper-public-a");
}

}  // namespace
}  // namespace hopper::aws::ec2

// Route table, route and association requests checked against botocore's EC2 model; route
// table answers in AWS's shape decoded.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/ec2/route_tables.hpp"
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

// As in the EC2 API reference's DescribeRouteTables example, plus a NAT route and tags.
constexpr const char* k_describe = R"(<?xml version="1.0" encoding="UTF-8"?>
<DescribeRouteTablesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>6f570b0b-9c18-4b07-bdec-73740dcf861aEXAMPLE</requestId>
  <routeTableSet>
    <item>
      <routeTableId>rtb-1122334455667788a</routeTableId>
      <vpcId>vpc-1122334455667788a</vpcId>
      <ownerId>111122223333</ownerId>
      <routeSet>
        <item>
          <destinationCidrBlock>10.0.0.0/16</destinationCidrBlock>
          <gatewayId>local</gatewayId>
          <state>active</state>
          <origin>CreateRouteTable</origin>
        </item>
        <item>
          <destinationCidrBlock>0.0.0.0/0</destinationCidrBlock>
          <natGatewayId>nat-0a1b2c3d4e5f67890</natGatewayId>
          <state>blackhole</state>
          <origin>CreateRoute</origin>
        </item>
        <item>
          <destinationIpv6CidrBlock>::/0</destinationIpv6CidrBlock>
          <gatewayId>igw-0a1b2c3d</gatewayId>
          <state>active</state>
          <origin>CreateRoute</origin>
        </item>
      </routeSet>
      <associationSet>
        <item>
          <routeTableAssociationId>rtbassoc-0fc6d3a3e4f5a6b7c</routeTableAssociationId>
          <routeTableId>rtb-1122334455667788a</routeTableId>
          <subnetId>subnet-0a1b2c3d4e5f67890</subnetId>
          <main>false</main>
          <associationState><state>associated</state></associationState>
        </item>
        <item>
          <routeTableAssociationId>rtbassoc-main</routeTableAssociationId>
          <routeTableId>rtb-1122334455667788a</routeTableId>
          <main>true</main>
          <associationState><state>associated</state></associationState>
        </item>
      </associationSet>
      <propagatingVgwSet/>
      <tagSet><item><key>Name</key><value>hopper-private-a</value></item></tagSet>
    </item>
  </routeTableSet>
</DescribeRouteTablesResponse>)";

TEST(Ec2RouteTablesEncodingTest, MatchesTheModel) {
  Harness h;
  (void)describe_route_tables(h.client, {{"vpc-id", {"vpc-1"}}, {"association.subnet-id", {"subnet-1"}}});
  EXPECT_EQ(problems("DescribeRouteTables", h.transport.params()), "");
  // DescribeRouteTables allows at most 100 a page.
  EXPECT_EQ(param(h.transport.params(), "MaxResults"), "100");
  (void)describe_route_tables(h.client, {}, {"rtb-1", "rtb-2"});
  EXPECT_EQ(problems("DescribeRouteTables", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "RouteTableId.2"), "rtb-2");

  (void)create_route_table(h.client, "vpc-1", {{"Name", "rt"}});
  EXPECT_EQ(problems("CreateRouteTable", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "TagSpecification.1.ResourceType"), "route-table");
  (void)delete_route_table(h.client, "rtb-1");
  EXPECT_EQ(problems("DeleteRouteTable", h.transport.params()), "");

  (void)create_route(h.client, "rtb-1", "0.0.0.0/0", RouteTarget::gateway("igw-1"));
  EXPECT_EQ(problems("CreateRoute", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "GatewayId"), "igw-1");
  EXPECT_EQ(param(h.transport.params(), "DestinationCidrBlock"), "0.0.0.0/0");
  (void)create_route(h.client, "rtb-1", "0.0.0.0/0", RouteTarget::nat_gateway("nat-1"));
  EXPECT_EQ(problems("CreateRoute", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "NatGatewayId"), "nat-1");
  (void)create_route(h.client, "rtb-1", "::/0", RouteTarget::gateway("igw-1"));
  EXPECT_EQ(problems("CreateRoute", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "DestinationIpv6CidrBlock"), "::/0");
  (void)replace_route(h.client, "rtb-1", "10.1.0.0/16", RouteTarget::instance("i-1"));
  EXPECT_EQ(problems("ReplaceRoute", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "InstanceId"), "i-1");
  (void)replace_route(h.client, "rtb-1", "10.1.0.0/16", RouteTarget::network_interface("eni-1"));
  EXPECT_EQ(problems("ReplaceRoute", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "NetworkInterfaceId"), "eni-1");
  (void)delete_route(h.client, "rtb-1", "10.1.0.0/16");
  EXPECT_EQ(problems("DeleteRoute", h.transport.params()), "");

  (void)associate_route_table(h.client, "rtb-1", "subnet-1");
  EXPECT_EQ(problems("AssociateRouteTable", h.transport.params()), "");
  (void)disassociate_route_table(h.client, "rtbassoc-1");
  EXPECT_EQ(problems("DisassociateRouteTable", h.transport.params()), "");
  (void)replace_route_table_association(h.client, "rtbassoc-1", "rtb-2");
  EXPECT_EQ(problems("ReplaceRouteTableAssociation", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "RouteTableId"), "rtb-2");
}

TEST(Ec2RouteTablesEncodingTest, RouteTargetMustNameExactlyOneTarget) {
  Harness h;
  EXPECT_FALSE(create_route(h.client, "rtb-1", "0.0.0.0/0", RouteTarget{}).ok());
  RouteTarget two = RouteTarget::gateway("igw-1");
  two.nat_gateway_id = "nat-1";
  EXPECT_FALSE(replace_route(h.client, "rtb-1", "0.0.0.0/0", two).ok());
  EXPECT_TRUE(h.transport.requests().empty());  // nothing was sent
}

TEST(Ec2RouteTablesEncodingTest, DecodesAwsShapedDescribeAnswer) {
  Harness h;
  h.transport.push(Answer::ok(k_describe));
  auto tables = describe_route_tables(h.client);
  ASSERT_TRUE(tables.ok()) << tables.error().message();
  ASSERT_EQ(tables->size(), 1u);
  const RouteTable& t = tables->front();
  EXPECT_EQ(t.id, "rtb-1122334455667788a");
  EXPECT_EQ(t.vpc_id, "vpc-1122334455667788a");
  EXPECT_EQ(t.owner_id, "111122223333");
  EXPECT_EQ(t.tags.at("Name"), "hopper-private-a");
  ASSERT_EQ(t.routes.size(), 3u);
  EXPECT_EQ(t.routes[0].destination_cidr_block, "10.0.0.0/16");
  EXPECT_EQ(t.routes[0].gateway_id, "local");
  EXPECT_EQ(t.routes[0].origin, "CreateRouteTable");
  EXPECT_EQ(t.routes[1].nat_gateway_id, "nat-0a1b2c3d4e5f67890");
  EXPECT_EQ(t.routes[1].state, "blackhole");
  EXPECT_EQ(t.routes[1].gateway_id, "");
  EXPECT_EQ(t.routes[2].destination_ipv6_cidr_block, "::/0");
  EXPECT_EQ(t.routes[2].destination_cidr_block, "");
  ASSERT_EQ(t.associations.size(), 2u);
  EXPECT_EQ(t.associations[0].id, "rtbassoc-0fc6d3a3e4f5a6b7c");
  EXPECT_EQ(t.associations[0].subnet_id, "subnet-0a1b2c3d4e5f67890");
  EXPECT_FALSE(t.associations[0].main);
  EXPECT_EQ(t.associations[0].state, "associated");
  EXPECT_TRUE(t.associations[1].main);
  EXPECT_EQ(t.associations[1].subnet_id, "");
}

TEST(Ec2RouteTablesEncodingTest, DecodesAssociateAndReplaceAnswers) {
  Harness h;
  h.transport.push(Answer::ok(R"(<AssociateRouteTableResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
  <associationId>rtbassoc-f8ad4891</associationId>
  <associationState><state>associated</state></associationState>
</AssociateRouteTableResponse>)"));
  auto id = associate_route_table(h.client, "rtb-1", "subnet-1");
  ASSERT_TRUE(id.ok()) << id.error().message();
  EXPECT_EQ(*id, "rtbassoc-f8ad4891");
  h.transport.push(Answer::ok(R"(<ReplaceRouteTableAssociationResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
   <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
   <newAssociationId>rtbassoc-faad4893</newAssociationId>
   <associationState><state>associated</state></associationState>
</ReplaceRouteTableAssociationResponse>)"));
  auto moved = replace_route_table_association(h.client, "rtbassoc-f8ad4891", "rtb-2");
  ASSERT_TRUE(moved.ok()) << moved.error().message();
  EXPECT_EQ(*moved, "rtbassoc-faad4893");
}

// A route to a NAT gateway that is not visible yet: AWS's code differs from DescribeNatGateways'
// NatGatewayNotFound, and both are is_not_found.
TEST(Ec2RouteTablesEncodingTest, RouteToUnknownNatGatewayIsNotFound) {
  Harness h;
  h.transport.push(Answer::ok(R"(<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>InvalidNatGatewayID.NotFound</Code><Message>The natGateway ID 'nat-0123456789abcdef0' does not exist</Message></Error></Errors><RequestID>5d6e7f80-example</RequestID></Response>)",
                              400));
  auto created = create_route(h.client, "rtb-1", "0.0.0.0/0", RouteTarget::nat_gateway("nat-0123456789abcdef0"));
  ASSERT_FALSE(created.ok());
  EXPECT_TRUE(is_not_found(created.error())) << created.error().message();
  EXPECT_EQ(error_code(created.error()), "InvalidNatGatewayID.NotFound");
}

}  // namespace
}  // namespace hopper::aws::ec2

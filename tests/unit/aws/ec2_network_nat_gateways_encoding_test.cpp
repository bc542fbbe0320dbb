// NAT gateway requests checked against botocore's EC2 model; answers in AWS's shape decoded.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/ec2/nat_gateways.hpp"
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

constexpr const char* k_nat_fields = R"(
      <createTime>2019-11-25T14:00:55.000Z</createTime>
      <natGatewayAddressSet>
        <item>
          <allocationId>eipalloc-000ddf33d2EXAMPLE</allocationId>
          <networkInterfaceId>eni-0fb2fcf3b5EXAMPLE</networkInterfaceId>
          <privateIp>10.0.0.180</privateIp>
          <publicIp>198.51.100.201</publicIp>
        </item>
      </natGatewayAddressSet>
      <natGatewayId>nat-0cd0e1d2dEXAMPLE</natGatewayId>
      <state>failed</state>
      <failureCode>Gateway.NotAttached</failureCode>
      <failureMessage>Network vpc-0d2d8ba5 has no Internet gateway attached</failureMessage>
      <subnetId>subnet-0e2d97b8e8EXAMPLE</subnetId>
      <vpcId>vpc-01f2bd7e8aEXAMPLE</vpcId>
      <connectivityType>public</connectivityType>
      <tagSet><item><key>Name</key><value>nat-a</value></item></tagSet>)";

TEST(Ec2NatGatewaysEncodingTest, MatchesTheModel) {
  Harness h;
  (void)describe_nat_gateways(h.client, {{"vpc-id", {"vpc-1"}}, {"state", {"pending", "available"}}});
  const auto describe = h.transport.params();
  EXPECT_EQ(problems("DescribeNatGateways", describe), "");
  // The model names this operation's filter member "Filter" (no queryName): wire Filter.N.
  EXPECT_EQ(param(describe, "Filter.2.Value.2"), "available");
  (void)describe_nat_gateways(h.client, {}, {"nat-1", "nat-2"});
  EXPECT_EQ(problems("DescribeNatGateways", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "NatGatewayId.2"), "nat-2");

  (void)create_nat_gateway(h.client, {"subnet-1", "eipalloc-1", "hopper-run-1-nat-a", {{"Name", "nat-a"}}});
  const auto create = h.transport.params();
  EXPECT_EQ(problems("CreateNatGateway", create), "");
  EXPECT_EQ(param(create, "ClientToken"), "hopper-run-1-nat-a");
  EXPECT_EQ(param(create, "AllocationId"), "eipalloc-1");
  EXPECT_EQ(param(create, "TagSpecification.1.ResourceType"), "natgateway");
  EXPECT_EQ(param(create, "ConnectivityType"), "public");
  (void)create_nat_gateway(h.client, {"subnet-1", "", "", {}, "private"});
  EXPECT_EQ(problems("CreateNatGateway", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "ClientToken"), std::nullopt);
  (void)delete_nat_gateway(h.client, "nat-1");
  EXPECT_EQ(problems("DeleteNatGateway", h.transport.params()), "");
}

TEST(Ec2NatGatewaysEncodingTest, DecodesAwsShapedAnswers) {
  Harness h;
  h.transport.push(Answer::ok(std::string(R"(<DescribeNatGatewaysResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>bfed02c6-dae9-47c0-86a2-example</requestId>
  <natGatewaySet><item>)") + k_nat_fields + "</item></natGatewaySet></DescribeNatGatewaysResponse>"));
  auto gateways = describe_nat_gateways(h.client);
  ASSERT_TRUE(gateways.ok()) << gateways.error().message();
  ASSERT_EQ(gateways->size(), 1u);
  const NatGateway& g = gateways->front();
  EXPECT_EQ(g.id, "nat-0cd0e1d2dEXAMPLE");
  EXPECT_EQ(g.vpc_id, "vpc-01f2bd7e8aEXAMPLE");
  EXPECT_EQ(g.subnet_id, "subnet-0e2d97b8e8EXAMPLE");
  EXPECT_EQ(g.state, "failed");
  EXPECT_EQ(g.failure_code, "Gateway.NotAttached");
  EXPECT_EQ(g.failure_message, "Network vpc-0d2d8ba5 has no Internet gateway attached");
  EXPECT_EQ(g.connectivity_type, "public");
  EXPECT_EQ(g.create_time, "2019-11-25T14:00:55.000Z");
  EXPECT_EQ(g.delete_time, "");
  ASSERT_EQ(g.addresses.size(), 1u);
  EXPECT_EQ(g.addresses[0].allocation_id, "eipalloc-000ddf33d2EXAMPLE");
  EXPECT_EQ(g.addresses[0].public_ip, "198.51.100.201");
  EXPECT_EQ(g.addresses[0].private_ip, "10.0.0.180");
  EXPECT_EQ(g.addresses[0].network_interface_id, "eni-0fb2fcf3b5EXAMPLE");
  EXPECT_EQ(g.tags.at("Name"), "nat-a");

  h.transport.push(Answer::ok(std::string(R"(<CreateNatGatewayResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>1b74dc5c-bcda-403f-867d-example</requestId>
  <clientToken>hopper-run-1-nat-a</clientToken>
  <natGateway>)") + k_nat_fields + "</natGateway></CreateNatGatewayResponse>"));
  auto created = create_nat_gateway(h.client, {"subnet-0e2d97b8e8EXAMPLE", "eipalloc-000ddf33d2EXAMPLE", "t", {}});
  ASSERT_TRUE(created.ok()) << created.error().message();
  EXPECT_EQ(created->id, "nat-0cd0e1d2dEXAMPLE");
  EXPECT_EQ(created->addresses.size(), 1u);
}

// AWS's answer for an unknown NAT gateway id (DescribeNatGateways, DeleteNatGateway) is
// NatGatewayNotFound, not InvalidNatGatewayID.NotFound; moto never sends it.
TEST(Ec2NatGatewaysEncodingTest, NatGatewayNotFoundIsNotFound) {
  const std::string body = R"(<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>NatGatewayNotFound</Code><Message>NAT gateway nat-0123456789abcdef0 was not found</Message></Error></Errors><RequestID>3b1c3e5e-example</RequestID></Response>)";
  Harness h;
  h.transport.push(Answer::ok(body, 400));
  auto described = describe_nat_gateways(h.client, {}, {"nat-0123456789abcdef0"});
  ASSERT_FALSE(described.ok());
  EXPECT_TRUE(is_not_found(described.error())) << described.error().message();
  EXPECT_EQ(error_code(described.error()), "NatGatewayNotFound");
  h.transport.push(Answer::ok(body, 400));
  auto deleted = delete_nat_gateway(h.client, "nat-0123456789abcdef0");
  ASSERT_FALSE(deleted.ok());
  EXPECT_TRUE(is_not_found(deleted.error())) << deleted.error().message();
  EXPECT_EQ(h.transport.requests().size(), 2u);  // a 400 is not retried
}

}  // namespace
}  // namespace hopper::aws::ec2

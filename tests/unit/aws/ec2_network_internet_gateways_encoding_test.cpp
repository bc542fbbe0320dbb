// Internet gateway requests checked against botocore's EC2 model; answers in AWS's shape decoded.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/ec2/internet_gateways.hpp"
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

TEST(Ec2InternetGatewaysEncodingTest, MatchesTheModel) {
  Harness h;
  (void)describe_internet_gateways(h.client, {{"attachment.vpc-id", {"vpc-1"}}});
  EXPECT_EQ(problems("DescribeInternetGateways", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "MaxResults"), "1000");
  (void)describe_internet_gateways(h.client, {}, {"igw-1", "igw-2"});
  EXPECT_EQ(problems("DescribeInternetGateways", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "InternetGatewayId.2"), "igw-2");
  (void)create_internet_gateway(h.client, {{"Name", "igw"}});
  EXPECT_EQ(problems("CreateInternetGateway", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "TagSpecification.1.ResourceType"), "internet-gateway");
  (void)attach_internet_gateway(h.client, "igw-1", "vpc-1");
  EXPECT_EQ(problems("AttachInternetGateway", h.transport.params()), "");
  (void)detach_internet_gateway(h.client, "igw-1", "vpc-1");
  EXPECT_EQ(problems("DetachInternetGateway", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "VpcId"), "vpc-1");
  (void)delete_internet_gateway(h.client, "igw-1");
  EXPECT_EQ(problems("DeleteInternetGateway", h.transport.params()), "");
}

TEST(Ec2InternetGatewaysEncodingTest, DecodesAwsShapedAnswers) {
  Harness h;
  h.transport.push(Answer::ok(R"(<DescribeInternetGatewaysResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
  <internetGatewaySet>
    <item>
      <internetGatewayId>igw-036dde5c85EXAMPLE</internetGatewayId>
      <ownerId>111122223333</ownerId>
      <attachmentSet>
        <item><vpcId>vpc-0a60eb65b4EXAMPLE</vpcId><state>available</state></item>
      </attachmentSet>
      <tagSet><item><key>Name</key><value>hopper</value></item></tagSet>
    </item>
  </internetGatewaySet>
</DescribeInternetGatewaysResponse>)"));
  auto gateways = describe_internet_gateways(h.client);
  ASSERT_TRUE(gateways.ok()) << gateways.error().message();
  ASSERT_EQ(gateways->size(), 1u);
  const InternetGateway& g = gateways->front();
  EXPECT_EQ(g.id, "igw-036dde5c85EXAMPLE");
  EXPECT_EQ(g.owner_id, "111122223333");
  ASSERT_EQ(g.attachments.size(), 1u);
  EXPECT_EQ(g.attachments[0].vpc_id, "vpc-0a60eb65b4EXAMPLE");
  EXPECT_EQ(g.attachments[0].state, "available");
  EXPECT_EQ(g.tags.at("Name"), "hopper");

  h.transport.push(Answer::ok(R"(<CreateInternetGatewayResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
  <internetGateway>
    <internetGatewayId>igw-eaad4883</internetGatewayId>
    <attachmentSet/>
    <tagSet><item><key>Name</key><value>hopper</value></item></tagSet>
  </internetGateway>
</CreateInternetGatewayResponse>)"));
  auto created = create_internet_gateway(h.client, {{"Name", "hopper"}});
  ASSERT_TRUE(created.ok()) << created.error().message();
  EXPECT_EQ(created->id, "igw-eaad4883");
  EXPECT_TRUE(created->attachments.empty());
  EXPECT_EQ(created->tags.at("Name"), "hopper");
}

}  // namespace
}  // namespace hopper::aws::ec2

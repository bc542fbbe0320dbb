// Network interface requests checked against botocore's EC2 model; answers in AWS's shape decoded.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/ec2/network_interfaces.hpp"
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

// As in the EC2 API reference's DescribeNetworkInterfaces example: one attached interface, one
// requester-managed NAT gateway interface with no attachment.
constexpr const char* k_describe = R"(<DescribeNetworkInterfacesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
    <requestId>fc45294c-006b-457b-bab9-012f5b3b0e40</requestId>
     <networkInterfaceSet>
       <item>
         <networkInterfaceId>eni-0f782d5e</networkInterfaceId>
         <subnetId>subnet-c53c87ac</subnetId>
         <vpcId>vpc-cc3c87a5</vpcId>
         <availabilityZone>ap-southeast-1b</availabilityZone>
         <description>Primary network interface</description>
         <ownerId>053230519467</ownerId>
         <requesterManaged>false</requesterManaged>
         <status>in-use</status>
         <macAddress>02:81:60:cb:27:37</macAddress>
         <privateIpAddress>10.0.0.146</privateIpAddress>
         <sourceDestCheck>true</sourceDestCheck>
         <interfaceType>interface</interfaceType>
         <groupSet>
           <item><groupId>sg-3f4b5653</groupId><groupName>default</groupName></item>
           <item><groupId>sg-nodes</groupId><groupName>nodes</groupName></item>
         </groupSet>
         <attachment>
           <attachmentId>eni-attach-6537fc0c</attachmentId>
           <instanceId>i-1234567890abcdef0</instanceId>
           <instanceOwnerId>053230519467</instanceOwnerId>
           <deviceIndex>1</deviceIndex>
           <status>attached</status>
           <attachTime>2012-07-01T21:45:27.000Z</attachTime>
           <deleteOnTermination>true</deleteOnTermination>
         </attachment>
         <tagSet><item><key>cluster.k8s.amazonaws.com/name</key><value>hopper</value></item></tagSet>
         <privateIpAddressesSet/>
         <ipv6AddressesSet/>
       </item>
       <item>
         <networkInterfaceId>eni-a66ed5cf</networkInterfaceId>
         <subnetId>subnet-cd8a35a4</subnetId>
         <vpcId>vpc-f28a359b</vpcId>
         <description>Interface for NAT Gateway nat-0a1b2c3d</description>
         <requesterId>AKIAIOSFODNN7EXAMPLE</requesterId>
         <requesterManaged>true</requesterManaged>
         <status>available</status>
         <privateIpAddress>10.0.1.17</privateIpAddress>
         <interfaceType>nat_gateway</interfaceType>
         <groupSet/>
         <tagSet/>
       </item>
     </networkInterfaceSet>
</DescribeNetworkInterfacesResponse>)";

TEST(Ec2NetworkInterfacesEncodingTest, MatchesTheModel) {
  Harness h;
  (void)describe_network_interfaces(h.client, {{"vpc-id", {"vpc-1"}}, {"status", {"available"}}});
  EXPECT_EQ(problems("DescribeNetworkInterfaces", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "Filter.1.Name"), "vpc-id");
  (void)describe_network_interfaces(h.client, {}, {"eni-1", "eni-2"});
  EXPECT_EQ(problems("DescribeNetworkInterfaces", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "NetworkInterfaceId.2"), "eni-2");
  (void)delete_network_interface(h.client, "eni-1");
  EXPECT_EQ(problems("DeleteNetworkInterface", h.transport.params()), "");
  (void)detach_network_interface(h.client, "eni-attach-1", true);
  EXPECT_EQ(problems("DetachNetworkInterface", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "Force"), "true");
  (void)detach_network_interface(h.client, "eni-attach-1", false);
  EXPECT_EQ(problems("DetachNetworkInterface", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "Force"), std::nullopt);
}

TEST(Ec2NetworkInterfacesEncodingTest, DecodesAwsShapedAnswer) {
  Harness h;
  h.transport.push(Answer::ok(k_describe));
  auto enis = describe_network_interfaces(h.client);
  ASSERT_TRUE(enis.ok()) << enis.error().message();
  ASSERT_EQ(enis->size(), 2u);
  const NetworkInterface& a = enis->at(0);
  EXPECT_EQ(a.id, "eni-0f782d5e");
  EXPECT_EQ(a.vpc_id, "vpc-cc3c87a5");
  EXPECT_EQ(a.subnet_id, "subnet-c53c87ac");
  EXPECT_EQ(a.availability_zone, "ap-southeast-1b");
  EXPECT_EQ(a.status, "in-use");
  EXPECT_EQ(a.description, "Primary network interface");
  EXPECT_EQ(a.interface_type, "interface");
  EXPECT_EQ(a.private_ip_address, "10.0.0.146");
  EXPECT_FALSE(a.requester_managed);
  EXPECT_EQ(a.group_ids, (std::vector<std::string>{"sg-3f4b5653", "sg-nodes"}));
  ASSERT_TRUE(a.attachment.has_value());
  EXPECT_EQ(a.attachment->id, "eni-attach-6537fc0c");
  EXPECT_EQ(a.attachment->instance_id, "i-1234567890abcdef0");
  EXPECT_EQ(a.attachment->status, "attached");
  EXPECT_TRUE(a.attachment->delete_on_termination);
  EXPECT_EQ(a.attachment->device_index, 1);
  EXPECT_EQ(a.tags.at("cluster.k8s.amazonaws.com/name"), "hopper");
  const NetworkInterface& b = enis->at(1);
  EXPECT_TRUE(b.requester_managed);
  EXPECT_EQ(b.requester_id, "AKIAIOSFODNN7EXAMPLE");
  EXPECT_EQ(b.interface_type, "nat_gateway");
  EXPECT_FALSE(b.attachment.has_value());
  EXPECT_TRUE(b.group_ids.empty());
  EXPECT_TRUE(b.tags.empty());
}

}  // namespace
}  // namespace hopper::aws::ec2

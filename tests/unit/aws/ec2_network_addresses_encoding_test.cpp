// Elastic IP requests checked against botocore's EC2 model; answers in AWS's shape decoded.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/ec2/addresses.hpp"
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

TEST(Ec2AddressesEncodingTest, MatchesTheModel) {
  Harness h;
  (void)describe_addresses(h.client, {{"tag:Name", {"nat-a"}}});
  EXPECT_EQ(problems("DescribeAddresses", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "MaxResults"), std::nullopt);  // not paginated
  (void)describe_addresses(h.client, {}, {"eipalloc-1", "eipalloc-2"});
  EXPECT_EQ(problems("DescribeAddresses", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "AllocationId.2"), "eipalloc-2");
  (void)allocate_address(h.client, {{"Name", "nat-a"}});
  EXPECT_EQ(problems("AllocateAddress", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "Domain"), "vpc");
  EXPECT_EQ(param(h.transport.params(), "TagSpecification.1.ResourceType"), "elastic-ip");
  (void)release_address(h.client, "eipalloc-1");
  EXPECT_EQ(problems("ReleaseAddress", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "AllocationId"), "eipalloc-1");
  (void)disassociate_address(h.client, "eipassoc-1");
  EXPECT_EQ(problems("DisassociateAddress", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "AssociationId"), "eipassoc-1");
}

TEST(Ec2AddressesEncodingTest, DecodesAwsShapedAnswers) {
  Harness h;
  h.transport.push(Answer::ok(R"(<DescribeAddressesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>f7de5e98-491a-4c19-a92d-908d6EXAMPLE</requestId>
  <addressesSet>
    <item>
      <publicIp>203.0.113.41</publicIp>
      <allocationId>eipalloc-08229861</allocationId>
      <domain>vpc</domain>
      <instanceId>i-0598c7d356eba48d7</instanceId>
      <associationId>eipassoc-f0229899</associationId>
      <networkInterfaceId>eni-ef229886</networkInterfaceId>
      <networkInterfaceOwnerId>053230519467</networkInterfaceOwnerId>
      <privateIpAddress>10.0.0.228</privateIpAddress>
      <publicIpv4Pool>amazon</publicIpv4Pool>
      <networkBorderGroup>us-east-1</networkBorderGroup>
      <tagSet><item><key>Name</key><value>nat-a</value></item></tagSet>
    </item>
    <item>
      <publicIp>198.51.100.2</publicIp>
      <allocationId>eipalloc-free</allocationId>
      <domain>vpc</domain>
    </item>
  </addressesSet>
</DescribeAddressesResponse>)"));
  auto addresses = describe_addresses(h.client);
  ASSERT_TRUE(addresses.ok()) << addresses.error().message();
  ASSERT_EQ(addresses->size(), 2u);
  const Address& a = addresses->front();
  EXPECT_EQ(a.allocation_id, "eipalloc-08229861");
  EXPECT_EQ(a.public_ip, "203.0.113.41");
  EXPECT_EQ(a.association_id, "eipassoc-f0229899");
  EXPECT_EQ(a.domain, "vpc");
  EXPECT_EQ(a.network_interface_id, "eni-ef229886");
  EXPECT_EQ(a.instance_id, "i-0598c7d356eba48d7");
  EXPECT_EQ(a.private_ip_address, "10.0.0.228");
  EXPECT_EQ(a.network_border_group, "us-east-1");
  EXPECT_EQ(a.public_ipv4_pool, "amazon");
  EXPECT_EQ(a.tags.at("Name"), "nat-a");
  EXPECT_EQ(addresses->back().association_id, "");
  EXPECT_TRUE(addresses->back().tags.empty());
  ASSERT_EQ(h.transport.requests().size(), 1u);  // one call, no paging

  h.transport.push(Answer::ok(R"(<AllocateAddressResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
   <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
   <publicIp>198.51.100.0</publicIp>
   <domain>vpc</domain>
   <allocationId>eipalloc-5723d13e</allocationId>
   <publicIpv4Pool>amazon</publicIpv4Pool>
   <networkBorderGroup>us-west-2</networkBorderGroup>
</AllocateAddressResponse>)"));
  auto allocated = allocate_address(h.client, {{"Name", "nat-b"}});
  ASSERT_TRUE(allocated.ok()) << allocated.error().message();
  EXPECT_EQ(allocated->allocation_id, "eipalloc-5723d13e");
  EXPECT_EQ(allocated->public_ip, "198.51.100.0");
  EXPECT_EQ(allocated->domain, "vpc");
  EXPECT_EQ(allocated->tags, (Tags{{"Name", "nat-b"}}));  // as sent: AWS does not echo them
}

}  // namespace
}  // namespace hopper::aws::ec2

// Elastic IPs over real HTTP against moto_server: allocate tagged → describe by id and tag →
// associate (raw call, to an ENI) → disassociate → release → NotFound.
#include <gtest/gtest.h>

#include "aws/ec2/addresses.hpp"
#include "aws/ec2/subnets.hpp"
#include "aws/ec2/vpcs.hpp"
#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::ec2 {
namespace {

class Ec2AddressesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
  }
  Client ec2() { return Client(*m_aws->session); }
  std::unique_ptr<test::TestAws> m_aws;
};

TEST_F(Ec2AddressesTest, AllocateTaggedDescribeRelease) {
  auto address = allocate_address(ec2(), {{"Name", "nat-a"}, {"kubernetes.io/cluster/hopper", "owned"}});
  ASSERT_TRUE(address.ok()) << address.error().message();
  EXPECT_TRUE(address->allocation_id.starts_with("eipalloc-"));
  EXPECT_FALSE(address->public_ip.empty());
  EXPECT_EQ(address->domain, "vpc");

  auto by_tag = describe_addresses(ec2(), {{"tag:kubernetes.io/cluster/hopper", {"owned"}}});
  ASSERT_TRUE(by_tag.ok()) << by_tag.error().message();
  ASSERT_EQ(by_tag->size(), 1u);
  const Address& a = by_tag->front();
  EXPECT_EQ(a.allocation_id, address->allocation_id);
  EXPECT_EQ(a.public_ip, address->public_ip);
  EXPECT_EQ(a.domain, "vpc");
  EXPECT_EQ(a.association_id, "");
  EXPECT_EQ(a.tags, (Tags{{"Name", "nat-a"}, {"kubernetes.io/cluster/hopper", "owned"}}));

  auto by_id = describe_addresses(ec2(), {}, {address->allocation_id});
  ASSERT_TRUE(by_id.ok()) << by_id.error().message();
  ASSERT_EQ(by_id->size(), 1u);

  ASSERT_TRUE(release_address(ec2(), address->allocation_id).ok());
  auto gone = describe_addresses(ec2(), {}, {address->allocation_id});
  ASSERT_FALSE(gone.ok());
  EXPECT_TRUE(is_not_found(gone.error())) << gone.error().message();
  EXPECT_EQ(error_code(gone.error()), "InvalidAllocationID.NotFound");
  auto twice = release_address(ec2(), address->allocation_id);
  ASSERT_FALSE(twice.ok());
  EXPECT_TRUE(is_not_found(twice.error())) << twice.error().message();
}

TEST_F(Ec2AddressesTest, DisassociateFromNetworkInterface) {
  auto vpc = create_vpc(ec2(), "10.0.0.0/16", {{"Name", "v"}});
  ASSERT_TRUE(vpc.ok()) << vpc.error().message();
  auto subnet = create_subnet(ec2(), {vpc->id, "10.0.1.0/24", "eu-west-1a", {{"Name", "s"}}});
  ASSERT_TRUE(subnet.ok()) << subnet.error().message();
  // hopper never creates ENIs or associates addresses itself: set that up with raw calls.
  QueryParams eni_params;
  eni_params.set("SubnetId", subnet->id);
  auto eni = ec2().call("CreateNetworkInterface", eni_params);
  ASSERT_TRUE(eni.ok()) << eni.error().message();
  const std::string eni_id = codec::text(codec::child(eni->result(), "networkInterface"), "networkInterfaceId");
  auto address = allocate_address(ec2(), {{"Name", "a"}});
  ASSERT_TRUE(address.ok()) << address.error().message();
  QueryParams associate;
  associate.set("AllocationId", address->allocation_id).set("NetworkInterfaceId", eni_id);
  ASSERT_TRUE(ec2().call("AssociateAddress", associate).ok());

  auto associated = describe_addresses(ec2(), {}, {address->allocation_id});
  ASSERT_TRUE(associated.ok()) << associated.error().message();
  ASSERT_EQ(associated->size(), 1u);
  const Address& a = associated->front();
  EXPECT_TRUE(a.association_id.starts_with("eipassoc-")) << a.association_id;
  EXPECT_EQ(a.network_interface_id, eni_id);
  EXPECT_FALSE(a.private_ip_address.empty());
  auto by_association = describe_addresses(ec2(), {{"association-id", {a.association_id}}});
  ASSERT_TRUE(by_association.ok()) << by_association.error().message();
  EXPECT_EQ(by_association->size(), 1u);

  ASSERT_TRUE(disassociate_address(ec2(), a.association_id).ok());
  auto unassociated = describe_addresses(ec2(), {}, {address->allocation_id});
  ASSERT_TRUE(unassociated.ok()) << unassociated.error().message();
  EXPECT_EQ(unassociated->front().association_id, "");
  EXPECT_EQ(unassociated->front().network_interface_id, "");
  ASSERT_TRUE(release_address(ec2(), address->allocation_id).ok());
}

TEST_F(Ec2AddressesTest, DescribeAnswersEverythingInOneCall) {
  for (int i = 0; i < 7; ++i) ASSERT_TRUE(allocate_address(ec2(), {{"batch", "p"}}).ok());
  int calls = 0;
  m_aws->session->set_observer([&](const CallRecord& record) { calls += record.action == "DescribeAddresses"; });
  auto all = describe_addresses(ec2(), {{"tag:batch", {"p"}}});
  ASSERT_TRUE(all.ok()) << all.error().message();
  EXPECT_EQ(all->size(), 7u);
  EXPECT_EQ(calls, 1);  // DescribeAddresses has no paging
}

}  // namespace
}  // namespace hopper::aws::ec2

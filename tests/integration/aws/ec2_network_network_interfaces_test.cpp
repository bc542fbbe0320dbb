// Network interfaces over real HTTP against moto_server. hopper creates no ENIs; the test makes
// them (and an instance to attach one to) with raw calls, then describes, detaches and deletes.
#include <gtest/gtest.h>

#include "aws/ec2/network_interfaces.hpp"
#include "aws/ec2/security_groups.hpp"
#include "aws/ec2/subnets.hpp"
#include "aws/ec2/vpcs.hpp"
#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::ec2 {
namespace {

class Ec2NetworkInterfacesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
    auto vpc = create_vpc(ec2(), "10.0.0.0/16", {{"Name", "hopper"}});
    ASSERT_TRUE(vpc.ok()) << vpc.error().message();
    m_vpc_id = vpc->id;
    auto subnet = create_subnet(ec2(), {m_vpc_id, "10.0.1.0/24", "eu-west-1a", {{"Name", "a"}}});
    ASSERT_TRUE(subnet.ok()) << subnet.error().message();
    m_subnet_id = subnet->id;
    auto group = create_security_group(ec2(), {"nodes", "nodes", m_vpc_id, {{"Name", "nodes"}}});
    ASSERT_TRUE(group.ok()) << group.error().message();
    m_group_id = *group;
  }
  Client ec2() { return Client(*m_aws->session); }

  // What Kubernetes' CNI or a load balancer would leave: an ENI made outside hopper.
  std::string raw_eni(const Tags& tags) {
    QueryParams params;
    params.set("SubnetId", m_subnet_id)
        .set("Description", "aws-K8S-i-0abc")
        .set("SecurityGroupId.1", m_group_id)
        .tag_specification("network-interface", tags);
    auto answer = ec2().call("CreateNetworkInterface", params);
    EXPECT_TRUE(answer.ok()) << answer.error().message();
    return answer.ok() ? codec::text(codec::child(answer->result(), "networkInterface"), "networkInterfaceId") : "";
  }
  std::string raw_instance() {
    QueryParams params;
    params.set("ImageId", "ami-03cf127a").set("MinCount", 1).set("MaxCount", 1).set("SubnetId", m_subnet_id);
    auto answer = ec2().call("RunInstances", params);
    EXPECT_TRUE(answer.ok()) << answer.error().message();
    if (!answer.ok()) return "";
    return codec::text(codec::items(answer->result(), "instancesSet").at(0), "instanceId");
  }

  std::unique_ptr<test::TestAws> m_aws;
  std::string m_vpc_id;
  std::string m_subnet_id;
  std::string m_group_id;
};

TEST_F(Ec2NetworkInterfacesTest, DescribeDetachDelete) {
  const std::string eni_id = raw_eni({{"cluster.k8s.amazonaws.com/name", "hopper"}});
  const std::string instance_id = raw_instance();
  QueryParams attach;
  attach.set("NetworkInterfaceId", eni_id).set("InstanceId", instance_id).set("DeviceIndex", 1);
  ASSERT_TRUE(ec2().call("AttachNetworkInterface", attach).ok());

  auto found = describe_network_interfaces(ec2(), {{"vpc-id", {m_vpc_id}}, {"group-id", {m_group_id}}});
  ASSERT_TRUE(found.ok()) << found.error().message();
  ASSERT_EQ(found->size(), 1u);
  const NetworkInterface& eni = found->front();
  EXPECT_EQ(eni.id, eni_id);
  EXPECT_EQ(eni.vpc_id, m_vpc_id);
  EXPECT_EQ(eni.subnet_id, m_subnet_id);
  EXPECT_EQ(eni.availability_zone, "eu-west-1a");
  EXPECT_EQ(eni.description, "aws-K8S-i-0abc");
  EXPECT_EQ(eni.status, "in-use");
  EXPECT_EQ(eni.group_ids, (std::vector<std::string>{m_group_id}));
  EXPECT_FALSE(eni.private_ip_address.empty());
  EXPECT_FALSE(eni.requester_managed);
  EXPECT_EQ(eni.tags.at("cluster.k8s.amazonaws.com/name"), "hopper");
  ASSERT_TRUE(eni.attachment.has_value());
  EXPECT_EQ(eni.attachment->instance_id, instance_id);
  EXPECT_EQ(eni.attachment->status, "attached");
  EXPECT_EQ(eni.attachment->device_index, 1);
  EXPECT_FALSE(eni.attachment->id.empty());

  ASSERT_TRUE(detach_network_interface(ec2(), eni.attachment->id, false).ok());
  auto detached = describe_network_interfaces(ec2(), {}, {eni_id});
  ASSERT_TRUE(detached.ok()) << detached.error().message();
  ASSERT_EQ(detached->size(), 1u);
  EXPECT_EQ(detached->front().status, "available");
  EXPECT_FALSE(detached->front().attachment.has_value());
  auto unknown_attachment = detach_network_interface(ec2(), eni.attachment->id, true);
  ASSERT_FALSE(unknown_attachment.ok());
  EXPECT_TRUE(is_not_found(unknown_attachment.error())) << unknown_attachment.error().message();

  ASSERT_TRUE(delete_network_interface(ec2(), eni_id).ok());
  auto gone = describe_network_interfaces(ec2(), {}, {eni_id});
  ASSERT_FALSE(gone.ok());
  EXPECT_TRUE(is_not_found(gone.error())) << gone.error().message();
  EXPECT_EQ(error_code(gone.error()), "InvalidNetworkInterfaceID.NotFound");
  auto twice = delete_network_interface(ec2(), eni_id);
  ASSERT_FALSE(twice.ok());
  EXPECT_TRUE(is_not_found(twice.error())) << twice.error().message();
}

TEST_F(Ec2NetworkInterfacesTest, ListsMoreThanOnePage) {
  for (int i = 0; i < 7; ++i) raw_eni({{"batch", "p"}});
  QueryParams params;
  params.filters({{"tag:batch", {"p"}}});
  auto paged = ec2().paginate<NetworkInterface>("DescribeNetworkInterfaces", params, "networkInterfaceSet",
                                                decode_network_interface, 5);
  ASSERT_TRUE(paged.ok()) << paged.error().message();
  EXPECT_EQ(paged->size(), 7u);
  auto all = describe_network_interfaces(ec2(), {{"tag:batch", {"p"}}});
  ASSERT_TRUE(all.ok()) << all.error().message();
  EXPECT_EQ(all->size(), 7u);
}

}  // namespace
}  // namespace hopper::aws::ec2

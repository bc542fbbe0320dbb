#include "aws/elb/load_balancers.hpp"

#include <gtest/gtest.h>

#include "aws/ec2/vpcs.hpp"
#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::elb {
namespace {

class ElbLoadBalancersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
    auto vpc = ec2::create_vpc(ec2::Client(*m_aws->session), "10.0.0.0/16", {});
    ASSERT_TRUE(vpc.ok()) << vpc.error().message();
    m_vpc = vpc->id;
    QueryParams subnet;
    subnet.set("VpcId", m_vpc).set("CidrBlock", "10.0.1.0/24").set("AvailabilityZone", "eu-west-1a");
    auto created = m_aws->session->query(Service::ec2, "CreateSubnet", subnet);
    ASSERT_TRUE(created.ok()) << created.error().message();
    m_subnet = codec::text(codec::child(created->result(), "subnet"), "subnetId");
    QueryParams sg;
    sg.set("GroupName", "k8s-elb").set("GroupDescription", "lb").set("VpcId", m_vpc);
    auto group = m_aws->session->query(Service::ec2, "CreateSecurityGroup", sg);
    ASSERT_TRUE(group.ok()) << group.error().message();
    m_group = codec::text(group->result(), "groupId");
  }
  Client elb() { return Client(*m_aws->session); }
  CreateLoadBalancerRequest request(const std::string& name, const std::string& cluster) {
    return CreateLoadBalancerRequest{name, {{"TCP", 80, 30080, ""}}, {m_subnet}, {m_group}, "",
                                     {{"kubernetes.io/cluster/" + cluster, "owned"}}};
  }
  std::unique_ptr<test::TestAws> m_aws;
  std::string m_vpc;
  std::string m_subnet;
  std::string m_group;
};

TEST_F(ElbLoadBalancersTest, CreateDescribeTagsDelete) {
  auto dns = create_load_balancer(elb(), request("a1b2c3", "c1"));
  ASSERT_TRUE(dns.ok()) << dns.error().message();
  EXPECT_FALSE(dns->empty());

  auto described = describe_load_balancers(elb(), {"a1b2c3"});
  ASSERT_TRUE(described.ok()) << described.error().message();
  ASSERT_EQ(described->size(), 1u);
  const ClassicLoadBalancer& lb = described->front();
  EXPECT_EQ(lb.name, "a1b2c3");
  EXPECT_EQ(lb.dns_name, *dns);
  EXPECT_EQ(lb.vpc_id, m_vpc);
  EXPECT_EQ(lb.subnets, std::vector<std::string>{m_subnet});
  EXPECT_EQ(lb.security_groups, std::vector<std::string>{m_group});
  EXPECT_FALSE(lb.source_security_group_name.empty());

  auto tags = describe_tags(elb(), {"a1b2c3"});
  ASSERT_TRUE(tags.ok()) << tags.error().message();
  EXPECT_EQ(tags->at("a1b2c3"), (Tags{{"kubernetes.io/cluster/c1", "owned"}}));

  ASSERT_TRUE(delete_load_balancer(elb(), "a1b2c3").ok());
  auto gone = describe_load_balancers(elb(), {"a1b2c3"});
  ASSERT_FALSE(gone.ok());
  EXPECT_TRUE(is_not_found(gone.error())) << gone.error().message();
}

TEST_F(ElbLoadBalancersTest, DescribeAllPagesAndTagsInBatches) {
  std::vector<std::string> names;
  for (int i = 0; i < 23; ++i) {
    names.push_back("lb-" + std::to_string(i));
    ASSERT_TRUE(create_load_balancer(elb(), request(names.back(), i % 2 == 0 ? "c1" : "c2")).ok());
  }
  int describe_calls = 0;
  int tag_calls = 0;
  m_aws->session->set_observer([&](const CallRecord& r) {
    describe_calls += r.action == "DescribeLoadBalancers";
    tag_calls += r.action == "DescribeTags";
  });
  auto all = describe_load_balancers(elb(), {}, 10);
  ASSERT_TRUE(all.ok()) << all.error().message();
  EXPECT_EQ(all->size(), 23u);
  EXPECT_EQ(describe_calls, 3);
  auto tags = describe_tags(elb(), names);
  ASSERT_TRUE(tags.ok()) << tags.error().message();
  EXPECT_EQ(tag_calls, 2);
  ASSERT_EQ(tags->size(), 23u);
  EXPECT_EQ(tags->at("lb-22").at("kubernetes.io/cluster/c1"), "owned");
  EXPECT_EQ(tags->at("lb-21").at("kubernetes.io/cluster/c2"), "owned");
}

}  // namespace
}  // namespace hopper::aws::elb

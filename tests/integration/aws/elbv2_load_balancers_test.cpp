#include "aws/elbv2/load_balancers.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "aws/ec2/vpcs.hpp"
#include "aws/elbv2/target_groups.hpp"
#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::elbv2 {
namespace {

// What the Kubernetes cloud controller leaves behind, planted here: load balancers in a VPC
// with two subnets and a security group.
class Elbv2LoadBalancersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
    auto vpc = ec2::create_vpc(ec2::Client(*m_aws->session), "10.0.0.0/16", {});
    ASSERT_TRUE(vpc.ok()) << vpc.error().message();
    m_vpc = vpc->id;
    int n = 0;
    for (const char* zone : {"eu-west-1a", "eu-west-1b"}) {
      QueryParams subnet;
      subnet.set("VpcId", m_vpc).set("CidrBlock", "10.0." + std::to_string(++n) + ".0/24").set("AvailabilityZone", zone);
      auto created = m_aws->session->query(Service::ec2, "CreateSubnet", subnet);
      ASSERT_TRUE(created.ok()) << created.error().message();
      m_subnets.push_back(codec::text(codec::child(created->result(), "subnet"), "subnetId"));
    }
    QueryParams sg;
    sg.set("GroupName", "k8s-elb").set("GroupDescription", "lb").set("VpcId", m_vpc);
    auto group = m_aws->session->query(Service::ec2, "CreateSecurityGroup", sg);
    ASSERT_TRUE(group.ok()) << group.error().message();
    m_group = codec::text(group->result(), "groupId");
  }
  Client elbv2() { return Client(*m_aws->session); }
  CreateLoadBalancerRequest request(const std::string& name, const std::string& cluster) {
    return CreateLoadBalancerRequest{name, m_subnets, {m_group}, "internet-facing", "application",
                                     {{"kubernetes.io/cluster/" + cluster, "owned"}, {"kubernetes.io/service-name", "default/web"}}};
  }
  std::unique_ptr<test::TestAws> m_aws;
  std::string m_vpc;
  std::vector<std::string> m_subnets;
  std::string m_group;
};

TEST_F(Elbv2LoadBalancersTest, CreateDescribeTagsDelete) {
  auto created = create_load_balancer(elbv2(), request("k8s-web", "c1"));
  ASSERT_TRUE(created.ok()) << created.error().message();
  EXPECT_EQ(created->name, "k8s-web");
  EXPECT_NE(created->arn.find(":loadbalancer/app/k8s-web/"), std::string::npos) << created->arn;
  EXPECT_FALSE(created->dns_name.empty());

  auto by_arn = describe_load_balancers(elbv2(), {created->arn});
  ASSERT_TRUE(by_arn.ok()) << by_arn.error().message();
  ASSERT_EQ(by_arn->size(), 1u);
  const LoadBalancer& lb = by_arn->front();
  EXPECT_EQ(lb.type, "application");
  EXPECT_EQ(lb.scheme, "internet-facing");
  EXPECT_EQ(lb.vpc_id, m_vpc);
  EXPECT_FALSE(lb.state.empty());
  EXPECT_EQ(lb.security_groups, std::vector<std::string>{m_group});
  auto subnets = lb.subnet_ids;
  std::sort(subnets.begin(), subnets.end());
  auto expected = m_subnets;
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(subnets, expected);
  auto by_name = describe_load_balancers(elbv2(), {}, {"k8s-web"});
  ASSERT_TRUE(by_name.ok()) << by_name.error().message();
  ASSERT_EQ(by_name->size(), 1u);
  EXPECT_EQ(by_name->front().arn, created->arn);

  auto tags = describe_tags(elbv2(), {created->arn});
  ASSERT_TRUE(tags.ok()) << tags.error().message();
  EXPECT_EQ(tags->at(created->arn).at("kubernetes.io/cluster/c1"), "owned");
  ASSERT_TRUE(add_tags(elbv2(), {created->arn}, {{"extra", "1"}}).ok());
  tags = describe_tags(elbv2(), {created->arn});
  ASSERT_TRUE(tags.ok());
  EXPECT_EQ(tags->at(created->arn).size(), 3u);

  ASSERT_TRUE(delete_load_balancer(elbv2(), created->arn).ok());
  auto gone = describe_load_balancers(elbv2(), {created->arn});
  ASSERT_FALSE(gone.ok());
  EXPECT_TRUE(is_not_found(gone.error())) << gone.error().message();
  EXPECT_EQ(error_code(gone.error()), "LoadBalancerNotFound");
}

TEST_F(Elbv2LoadBalancersTest, DescribeAllPagesAndTagsInBatches) {
  std::vector<std::string> arns;
  for (int i = 0; i < 23; ++i) {
    auto lb = create_load_balancer(elbv2(), request("lb-" + std::to_string(i), i % 2 == 0 ? "c1" : "c2"));
    ASSERT_TRUE(lb.ok()) << lb.error().message();
    arns.push_back(lb->arn);
  }
  int describe_calls = 0;
  int tag_calls = 0;
  m_aws->session->set_observer([&](const CallRecord& r) {
    describe_calls += r.action == "DescribeLoadBalancers";
    tag_calls += r.action == "DescribeTags";
  });
  auto all = describe_load_balancers(elbv2(), {}, {}, 10);
  ASSERT_TRUE(all.ok()) << all.error().message();
  EXPECT_EQ(all->size(), 23u);
  EXPECT_EQ(describe_calls, 3);

  std::vector<std::string> listed;
  for (const auto& lb : *all) listed.push_back(lb.arn);
  auto tags = describe_tags(elbv2(), listed);
  ASSERT_TRUE(tags.ok()) << tags.error().message();
  EXPECT_EQ(tag_calls, 2);  // 20 + 3
  ASSERT_EQ(tags->size(), 23u);
  int owned_by_c1 = 0;
  for (const auto& [arn, t] : *tags) owned_by_c1 += t.count("kubernetes.io/cluster/c1") > 0;
  EXPECT_EQ(owned_by_c1, 12);
}

TEST_F(Elbv2LoadBalancersTest, TargetGroupsOfOneLoadBalancer) {
  auto lb = create_load_balancer(elbv2(), request("k8s-web", "c1"));
  ASSERT_TRUE(lb.ok()) << lb.error().message();
  auto tg = create_target_group(elbv2(), {"k8s-web-80", m_vpc, "HTTP", 30080, "instance", {{"kubernetes.io/cluster/c1", "owned"}}});
  ASSERT_TRUE(tg.ok()) << tg.error().message();
  QueryParams listener;
  listener.set("LoadBalancerArn", lb->arn).set("Protocol", "HTTP").set("Port", 80)
      .set("DefaultActions.member.1.Type", "forward").set("DefaultActions.member.1.TargetGroupArn", tg->arn);
  ASSERT_TRUE(m_aws->session->query(Service::elbv2, "CreateListener", listener).ok());

  auto used = describe_target_groups(elbv2(), lb->arn);
  ASSERT_TRUE(used.ok()) << used.error().message();
  ASSERT_EQ(used->size(), 1u);
  EXPECT_EQ(used->front().arn, tg->arn);
  EXPECT_EQ(used->front().load_balancer_arns, std::vector<std::string>{lb->arn});

  // In use by the listener: the target group cannot go before the load balancer.
  auto blocked = delete_target_group(elbv2(), tg->arn);
  ASSERT_FALSE(blocked.ok());
  EXPECT_TRUE(is_dependency_violation(blocked.error())) << blocked.error().message();
  ASSERT_TRUE(delete_load_balancer(elbv2(), lb->arn).ok());
  ASSERT_TRUE(delete_target_group(elbv2(), tg->arn).ok());
}

}  // namespace
}  // namespace hopper::aws::elbv2

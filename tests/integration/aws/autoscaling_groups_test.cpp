#include "aws/autoscaling/groups.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "aws/ec2/vpcs.hpp"
#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::autoscaling {
namespace {

class AutoscalingGroupsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
    // The group's prerequisites, made with raw EC2 calls: a VPC, a subnet, a launch template.
    auto vpc = ec2::create_vpc(ec2::Client(*m_aws->session), "10.0.0.0/16", {});
    ASSERT_TRUE(vpc.ok()) << vpc.error().message();
    int n = 0;
    for (const char* zone : {"eu-west-1a", "eu-west-1b"}) {
      QueryParams subnet;
      subnet.set("VpcId", vpc->id).set("CidrBlock", "10.0." + std::to_string(++n) + ".0/24").set("AvailabilityZone", zone);
      auto created = m_aws->session->query(Service::ec2, "CreateSubnet", subnet);
      ASSERT_TRUE(created.ok()) << created.error().message();
      m_subnets.push_back(codec::text(codec::child(created->result(), "subnet"), "subnetId"));
    }
    QueryParams lt;
    lt.set("LaunchTemplateName", "c1-nodes")
        .set("LaunchTemplateData.ImageId", "ami-12c6146b")
        .set("LaunchTemplateData.InstanceType", "t3.micro");
    auto template_created = m_aws->session->query(Service::ec2, "CreateLaunchTemplate", lt);
    ASSERT_TRUE(template_created.ok()) << template_created.error().message();
    m_template_id = codec::text(codec::child(template_created->result(), "launchTemplate"), "launchTemplateId");
    ASSERT_FALSE(m_template_id.empty());
  }
  Client asg() { return Client(*m_aws->session); }
  CreateAutoScalingGroupRequest request(const std::string& name, int desired) {
    CreateAutoScalingGroupRequest r;
    r.name = name;
    r.launch_template = LaunchTemplateSpec{m_template_id, "", "$Latest"};
    r.min_size = 0;
    r.max_size = 3;
    r.desired_capacity = desired;
    r.subnet_ids = m_subnets;
    r.tags = {{"kubernetes.io/cluster/c1", "owned", true}, {"Name", name, true}, {"internal", "x", false}};
    r.health_check_grace_period = 120;
    return r;
  }
  std::unique_ptr<test::TestAws> m_aws;
  std::vector<std::string> m_subnets;
  std::string m_template_id;
};

const AsgTag* find_tag(const AutoScalingGroup& group, const std::string& key) {
  for (const auto& tag : group.tags) {
    if (tag.key == key) return &tag;
  }
  return nullptr;
}

TEST_F(AutoscalingGroupsTest, CreateDescribeUpdateDeleteForced) {
  ASSERT_TRUE(create_auto_scaling_group(asg(), request("c1-nodes", 2)).ok());
  auto groups = describe_auto_scaling_groups(asg(), {"c1-nodes"});
  ASSERT_TRUE(groups.ok()) << groups.error().message();
  ASSERT_EQ(groups->size(), 1u);
  const AutoScalingGroup& group = groups->front();
  EXPECT_EQ(group.name, "c1-nodes");
  EXPECT_NE(group.arn.find(":autoScalingGroup:"), std::string::npos) << group.arn;
  EXPECT_EQ(group.min_size, 0);
  EXPECT_EQ(group.max_size, 3);
  EXPECT_EQ(group.desired_capacity, 2);
  ASSERT_TRUE(group.launch_template.has_value());
  EXPECT_EQ(group.launch_template->id, m_template_id);
  EXPECT_EQ(group.launch_template->version, "$Latest");
  EXPECT_EQ(group.subnet_ids, m_subnets);
  auto zones = group.availability_zones;
  std::sort(zones.begin(), zones.end());
  EXPECT_EQ(zones, (std::vector<std::string>{"eu-west-1a", "eu-west-1b"}));
  EXPECT_EQ(group.health_check_grace_period, 120);
  EXPECT_EQ(group.health_check_type, "EC2");
  ASSERT_NE(find_tag(group, "kubernetes.io/cluster/c1"), nullptr);
  EXPECT_EQ(find_tag(group, "kubernetes.io/cluster/c1")->value, "owned");
  EXPECT_TRUE(find_tag(group, "kubernetes.io/cluster/c1")->propagate_at_launch);
  ASSERT_NE(find_tag(group, "internal"), nullptr);
  EXPECT_FALSE(find_tag(group, "internal")->propagate_at_launch);
  ASSERT_EQ(group.instances.size(), 2u);
  for (const auto& instance : group.instances) {
    EXPECT_EQ(instance.id.rfind("i-", 0), 0u) << instance.id;
    EXPECT_EQ(instance.availability_zone.rfind("eu-west-1", 0), 0u) << instance.availability_zone;
    EXPECT_EQ(instance.lifecycle_state, "InService");
    EXPECT_EQ(instance.health_status, "Healthy");
    EXPECT_FALSE(instance.protected_from_scale_in);
  }

  UpdateAutoScalingGroupRequest update;
  update.name = "c1-nodes";
  update.max_size = 5;
  update.health_check_grace_period = 300;
  ASSERT_TRUE(update_auto_scaling_group(asg(), update).ok());
  ASSERT_TRUE(set_desired_capacity(asg(), "c1-nodes", 3).ok());
  groups = describe_auto_scaling_groups(asg(), {"c1-nodes"});
  ASSERT_TRUE(groups.ok());
  ASSERT_EQ(groups->size(), 1u);
  EXPECT_EQ(groups->front().max_size, 5);
  EXPECT_EQ(groups->front().min_size, 0);  // untouched
  EXPECT_EQ(groups->front().desired_capacity, 3);
  EXPECT_EQ(groups->front().health_check_grace_period, 300);
  EXPECT_EQ(groups->front().instances.size(), 3u);

  auto activities = describe_scaling_activities(asg(), "c1-nodes", 10);
  ASSERT_TRUE(activities.ok()) << activities.error().message();

  ASSERT_TRUE(delete_auto_scaling_group(asg(), "c1-nodes", true).ok());
  groups = describe_auto_scaling_groups(asg(), {"c1-nodes"});
  ASSERT_TRUE(groups.ok()) << groups.error().message();
  EXPECT_TRUE(groups->empty());
}

TEST_F(AutoscalingGroupsTest, TagsCreateUpdateDeleteAndFilter) {
  ASSERT_TRUE(create_auto_scaling_group(asg(), request("c1-a", 0)).ok());
  auto other = request("c2-a", 0);
  other.tags = {{"kubernetes.io/cluster/c2", "owned", true}};
  ASSERT_TRUE(create_auto_scaling_group(asg(), other).ok());

  auto mine = describe_auto_scaling_groups(asg(), {}, {{"tag:kubernetes.io/cluster/c1", {"owned"}}});
  ASSERT_TRUE(mine.ok()) << mine.error().message();
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ(mine->front().name, "c1-a");

  ASSERT_TRUE(create_or_update_tags(asg(), "c1-a", {{"Name", "renamed", true}, {"extra", "1", false}}).ok());
  ASSERT_TRUE(delete_tags(asg(), "c1-a", {"internal"}).ok());
  auto groups = describe_auto_scaling_groups(asg(), {"c1-a"});
  ASSERT_TRUE(groups.ok());
  ASSERT_EQ(groups->size(), 1u);
  EXPECT_EQ(find_tag(groups->front(), "Name")->value, "renamed");
  ASSERT_NE(find_tag(groups->front(), "extra"), nullptr);
  EXPECT_FALSE(find_tag(groups->front(), "extra")->propagate_at_launch);
  EXPECT_EQ(find_tag(groups->front(), "internal"), nullptr);
}

TEST_F(AutoscalingGroupsTest, DescribePaginatesPastOnePage) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(create_auto_scaling_group(asg(), request("g" + std::to_string(i), 0)).ok());
  int calls = 0;
  m_aws->session->set_observer([&](const CallRecord& record) { calls += record.action == "DescribeAutoScalingGroups"; });
  auto groups = describe_auto_scaling_groups(asg(), {}, {}, 2);
  ASSERT_TRUE(groups.ok()) << groups.error().message();
  EXPECT_EQ(groups->size(), 5u);
  EXPECT_EQ(calls, 3);
}

TEST_F(AutoscalingGroupsTest, UnknownNameIsAnEmptyAnswerOrANameNotFound) {
  auto groups = describe_auto_scaling_groups(asg(), {"never-was"});
  ASSERT_TRUE(groups.ok()) << groups.error().message();
  EXPECT_TRUE(groups->empty());
  auto deleted = delete_auto_scaling_group(asg(), "never-was", true);
  ASSERT_FALSE(deleted.ok());
  EXPECT_EQ(error_code(deleted.error()), "ValidationError");
  EXPECT_TRUE(is_name_not_found(deleted.error())) << deleted.error().message();
}

}  // namespace
}  // namespace hopper::aws::autoscaling

#include "aws/autoscaling/launch_configurations.hpp"

#include <gtest/gtest.h>

#include "aws/autoscaling/groups.hpp"
#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::autoscaling {
namespace {

class AutoscalingLaunchConfigurationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
  }
  Client asg() { return Client(*m_aws->session); }
  CreateLaunchConfigurationRequest request(const std::string& name) {
    CreateLaunchConfigurationRequest r;
    r.name = name;
    r.image_id = "ami-12c6146b";
    r.instance_type = "t3.small";
    r.key_name = "c1";
    r.user_data = "#cloud-config\nruncmd:\n  - echo hi\n";
    r.iam_instance_profile = "c1-nodes";
    r.associate_public_ip_address = false;
    return r;
  }
  std::unique_ptr<test::TestAws> m_aws;
};

TEST_F(AutoscalingLaunchConfigurationsTest, CreateDescribeDelete) {
  ASSERT_TRUE(create_launch_configuration(asg(), request("c1-nodes-v1")).ok());
  auto configs = describe_launch_configurations(asg(), {"c1-nodes-v1"});
  ASSERT_TRUE(configs.ok()) << configs.error().message();
  ASSERT_EQ(configs->size(), 1u);
  const LaunchConfiguration& config = configs->front();
  EXPECT_EQ(config.name, "c1-nodes-v1");
  EXPECT_EQ(config.image_id, "ami-12c6146b");
  EXPECT_EQ(config.instance_type, "t3.small");
  EXPECT_EQ(config.key_name, "c1");
  EXPECT_EQ(config.user_data, "#cloud-config\nruncmd:\n  - echo hi\n");
  EXPECT_EQ(config.iam_instance_profile, "c1-nodes");
  EXPECT_FALSE(config.arn.empty());

  ASSERT_TRUE(delete_launch_configuration(asg(), "c1-nodes-v1").ok());
  configs = describe_launch_configurations(asg(), {"c1-nodes-v1"});
  ASSERT_TRUE(configs.ok()) << configs.error().message();
  EXPECT_TRUE(configs->empty());
}

TEST_F(AutoscalingLaunchConfigurationsTest, GroupFromLaunchConfiguration) {
  ASSERT_TRUE(create_launch_configuration(asg(), request("lc")).ok());
  CreateAutoScalingGroupRequest group;
  group.name = "from-lc";
  group.launch_configuration_name = "lc";
  group.min_size = 0;
  group.max_size = 1;
  group.desired_capacity = 0;
  group.availability_zones = {"eu-west-1a"};
  group.tags = {{"kubernetes.io/cluster/c1", "owned", true}};
  ASSERT_TRUE(create_auto_scaling_group(asg(), group).ok());
  auto groups = describe_auto_scaling_groups(asg(), {"from-lc"});
  ASSERT_TRUE(groups.ok()) << groups.error().message();
  ASSERT_EQ(groups->size(), 1u);
  EXPECT_EQ(groups->front().launch_configuration_name, "lc");
  EXPECT_FALSE(groups->front().launch_template.has_value());
  ASSERT_TRUE(delete_auto_scaling_group(asg(), "from-lc", false).ok());
  ASSERT_TRUE(delete_launch_configuration(asg(), "lc").ok());
}

TEST_F(AutoscalingLaunchConfigurationsTest, DescribePaginatesPastOnePage) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(create_launch_configuration(asg(), request("lc" + std::to_string(i))).ok());
  int calls = 0;
  m_aws->session->set_observer([&](const CallRecord& r) { calls += r.action == "DescribeLaunchConfigurations"; });
  auto configs = describe_launch_configurations(asg(), {}, 2);
  ASSERT_TRUE(configs.ok()) << configs.error().message();
  EXPECT_EQ(configs->size(), 5u);
  EXPECT_EQ(calls, 3);
}

}  // namespace
}  // namespace hopper::aws::autoscaling

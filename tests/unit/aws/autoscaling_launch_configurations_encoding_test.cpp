// Launch configuration requests checked against botocore's model, and an AWS answer decoded.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/autoscaling/launch_configurations.hpp"
#include "support/botocore_model.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws::autoscaling {
namespace {

using Harness = encoding::Harness<Client>;

using encoding::joined;

using encoding::value_of;

TEST(AutoscalingLaunchConfigurationsEncodingTest, MatchesTheModel) {
  Harness h;
  const test::BotocoreModel model("autoscaling");
  CreateLaunchConfigurationRequest request;
  request.name = "c1-nodes-v1";
  request.image_id = "ami-1";
  request.instance_type = "t3.small";
  request.key_name = "c1";
  request.security_groups = {"sg-1", "sg-2"};
  request.user_data = "#cloud-config\n";
  request.iam_instance_profile = "c1-nodes";
  request.associate_public_ip_address = true;
  (void)create_launch_configuration(h.client, request);
  const auto sent = h.transport.params();
  EXPECT_EQ(joined(model.check_query("CreateLaunchConfiguration", sent)), "");
  EXPECT_EQ(value_of(sent, "UserData"), "I2Nsb3VkLWNvbmZpZwo=");
  EXPECT_EQ(value_of(sent, "SecurityGroups.member.2"), "sg-2");
  EXPECT_EQ(value_of(sent, "AssociatePublicIpAddress"), "true");
  (void)create_launch_configuration(h.client, {"bare", "ami-1", "t3.small"});
  EXPECT_EQ(joined(model.check_query("CreateLaunchConfiguration", h.transport.params())), "");
  EXPECT_EQ(value_of(h.transport.params(), "UserData"), "<absent>");
  (void)describe_launch_configurations(h.client, {"a", "b"});
  EXPECT_EQ(joined(model.check_query("DescribeLaunchConfigurations", h.transport.params())), "");
  (void)delete_launch_configuration(h.client, "a");
  EXPECT_EQ(joined(model.check_query("DeleteLaunchConfiguration", h.transport.params())), "");
}

TEST(AutoscalingLaunchConfigurationsEncodingTest, DecodesAnAwsLaunchConfiguration) {
  Harness h;
  h.transport.push(test::RecordingTransport::Answer::ok(R"(<DescribeLaunchConfigurationsResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/">
  <DescribeLaunchConfigurationsResult>
    <LaunchConfigurations>
      <member>
        <AssociatePublicIpAddress>false</AssociatePublicIpAddress>
        <SecurityGroups><member>sg-67ef0308</member></SecurityGroups>
        <CreatedTime>2013-01-21T23:04:42.200Z</CreatedTime>
        <KernelId/>
        <LaunchConfigurationName>my-test-lc</LaunchConfigurationName>
        <UserData>I2Nsb3VkLWNvbmZpZwo=</UserData>
        <InstanceType>m1.small</InstanceType>
        <LaunchConfigurationARN>arn:aws:autoscaling:us-east-1:803981987763:launchConfiguration:9dbbbf87-6141-428a-a409-0752edbe6cad:launchConfigurationName/my-test-lc</LaunchConfigurationARN>
        <BlockDeviceMappings/>
        <ImageId>ami-514ac838</ImageId>
        <KeyName>c1</KeyName>
        <IamInstanceProfile>c1-nodes</IamInstanceProfile>
        <InstanceMonitoring><Enabled>true</Enabled></InstanceMonitoring>
        <EbsOptimized>false</EbsOptimized>
      </member>
    </LaunchConfigurations>
  </DescribeLaunchConfigurationsResult>
  <ResponseMetadata><RequestId>d05a22f8-b690-11e2-bf8e-2113fEXAMPLE</RequestId></ResponseMetadata>
</DescribeLaunchConfigurationsResponse>)"));
  auto configs = describe_launch_configurations(h.client);
  ASSERT_TRUE(configs.ok()) << configs.error().message();
  ASSERT_EQ(configs->size(), 1u);
  const LaunchConfiguration& c = configs->front();
  EXPECT_EQ(c.name, "my-test-lc");
  EXPECT_NE(c.arn.find("launchConfigurationName/my-test-lc"), std::string::npos);
  EXPECT_EQ(c.image_id, "ami-514ac838");
  EXPECT_EQ(c.instance_type, "m1.small");
  EXPECT_EQ(c.key_name, "c1");
  EXPECT_EQ(c.security_groups, std::vector<std::string>{"sg-67ef0308"});
  EXPECT_EQ(c.user_data, "#cloud-config\n");
  EXPECT_EQ(c.iam_instance_profile, "c1-nodes");
  EXPECT_EQ(c.associate_public_ip_address, false);
  EXPECT_EQ(c.created_time, "2013-01-21T23:04:42.200Z");
}

}  // namespace
}  // namespace hopper::aws::autoscaling

// Launch template requests (every LaunchTemplateData.* wire name) checked against botocore's EC2
// model; answers decoded from AWS-shaped XML, user data decoded back.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/ec2/launch_templates.hpp"
#include "codec/base64.hpp"
#include "support/botocore_model.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws {
namespace {

using Harness = encoding::Harness<ec2::Client>;

using encoding::Params;
using Answer = test::RecordingTransport::Answer;

// The model loads in about a second: once per binary.
const test::BotocoreModel& ec2_model() {
  return encoding::botocore_model("ec2");
}

using encoding::joined;

using encoding::value_of;

ec2::LaunchTemplateData full_data() {
  ec2::LaunchTemplateData d;
  d.image_id = "ami-1";
  d.instance_type = "t3.large";
  d.key_name = "hopper-admin";
  d.security_group_ids = {"sg-1", "sg-2"};
  d.iam_instance_profile_name = "hopper-node";
  d.user_data = "#cloud-config\nruncmd: [kubeadm join]\n";
  d.metadata_options = ec2::MetadataOptions{"required", 2, "enabled"};
  d.root_volume = ec2::BlockDevice{"/dev/sda1", 50, "gp3", true, true};
  d.tags = {{"Name", "worker"}, {"kubernetes.io/cluster/c1", "owned"}};
  return d;
}

TEST(Ec2ComputeLaunchTemplatesEncodingTest, MatchesTheModel) {
  Harness h;
  const auto& model = ec2_model();
  (void)ec2::create_launch_template(h.client, "c1-workers", full_data(), {{"owner", "hopper"}}, "lt-run-42");
  auto params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("CreateLaunchTemplate", params)), "");
  EXPECT_EQ(value_of(params, "LaunchTemplateName"), "c1-workers");
  EXPECT_EQ(value_of(params, "ClientToken"), "lt-run-42");
  EXPECT_EQ(value_of(params, "TagSpecification.1.ResourceType"), "launch-template");
  EXPECT_EQ(value_of(params, "TagSpecification.1.Tag.1.Key"), "owner");
  EXPECT_EQ(value_of(params, "LaunchTemplateData.ImageId"), "ami-1");
  EXPECT_EQ(value_of(params, "LaunchTemplateData.InstanceType"), "t3.large");
  EXPECT_EQ(value_of(params, "LaunchTemplateData.KeyName"), "hopper-admin");
  EXPECT_EQ(value_of(params, "LaunchTemplateData.SecurityGroupId.2"), "sg-2");
  EXPECT_EQ(value_of(params, "LaunchTemplateData.IamInstanceProfile.Name"), "hopper-node");
  EXPECT_EQ(value_of(params, "LaunchTemplateData.UserData"),
            codec::base64_encode("#cloud-config\nruncmd: [kubeadm join]\n"));
  EXPECT_EQ(value_of(params, "LaunchTemplateData.MetadataOptions.HttpTokens"), "required");
  EXPECT_EQ(value_of(params, "LaunchTemplateData.MetadataOptions.HttpPutResponseHopLimit"), "2");
  EXPECT_EQ(value_of(params, "LaunchTemplateData.MetadataOptions.HttpEndpoint"), "enabled");
  EXPECT_EQ(value_of(params, "LaunchTemplateData.BlockDeviceMapping.1.DeviceName"), "/dev/sda1");
  EXPECT_EQ(value_of(params, "LaunchTemplateData.BlockDeviceMapping.1.Ebs.VolumeSize"), "50");
  EXPECT_EQ(value_of(params, "LaunchTemplateData.BlockDeviceMapping.1.Ebs.VolumeType"), "gp3");
  EXPECT_EQ(value_of(params, "LaunchTemplateData.BlockDeviceMapping.1.Ebs.Encrypted"), "true");
  EXPECT_EQ(value_of(params, "LaunchTemplateData.BlockDeviceMapping.1.Ebs.DeleteOnTermination"), "true");
  EXPECT_EQ(value_of(params, "LaunchTemplateData.TagSpecification.1.ResourceType"), "instance");
  EXPECT_EQ(value_of(params, "LaunchTemplateData.TagSpecification.2.ResourceType"), "volume");
  EXPECT_EQ(value_of(params, "LaunchTemplateData.TagSpecification.2.Tag.2.Value"), "owned");

  (void)ec2::create_launch_template_version(h.client, "lt-1", full_data(), "v2-token");
  params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("CreateLaunchTemplateVersion", params)), "");
  EXPECT_EQ(value_of(params, "LaunchTemplateId"), "lt-1");

  (void)ec2::modify_launch_template_default_version(h.client, "lt-1", 2);
  params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("ModifyLaunchTemplate", params)), "");
  EXPECT_EQ(value_of(params, "SetDefaultVersion"), "2");

  (void)ec2::describe_launch_template_version(h.client, "lt-1", 2);
  params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("DescribeLaunchTemplateVersions", params)), "");
  EXPECT_EQ(value_of(params, "LaunchTemplateVersion.1"), "2");

  (void)ec2::describe_launch_templates(h.client, {{"tag:owner", {"hopper"}}});
  params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("DescribeLaunchTemplates", params)), "");
  EXPECT_EQ(value_of(params, "MaxResults"), "200");
  (void)ec2::describe_launch_templates(h.client, {}, {"c1-workers"}, {"lt-1"});
  params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("DescribeLaunchTemplates", params)), "");
  EXPECT_EQ(value_of(params, "LaunchTemplateName.1"), "c1-workers");
  EXPECT_EQ(value_of(params, "LaunchTemplateId.1"), "lt-1");

  (void)ec2::delete_launch_template(h.client, "lt-1");
  EXPECT_EQ(joined(model.check_query("DeleteLaunchTemplate", h.transport.params())), "");
}

TEST(Ec2ComputeLaunchTemplatesEncodingTest, EmptyDataSendsNothingOptional) {
  Harness h;
  const auto& model = ec2_model();
  ec2::LaunchTemplateData minimal;
  minimal.image_id = "ami-1";
  (void)ec2::create_launch_template(h.client, "t", minimal, {});
  const auto params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("CreateLaunchTemplate", params)), "");
  EXPECT_EQ(params.size(), 4u) << "Action, Version, LaunchTemplateName, LaunchTemplateData.ImageId";
}

TEST(Ec2ComputeLaunchTemplatesEncodingTest, DecodesAwsAnswers) {
  Harness h;
  h.transport.push(Answer::ok(R"(<CreateLaunchTemplateResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
    <requestId>39f06c0c-3d6a-4d5c-a9fd-example</requestId>
    <launchTemplate>
        <createTime>2025-01-01T10:00:00.000Z</createTime>
        <createdBy>arn:aws:iam::123456789012:root</createdBy>
        <defaultVersionNumber>1</defaultVersionNumber>
        <latestVersionNumber>1</latestVersionNumber>
        <launchTemplateId>lt-01238c059e3466abc</launchTemplateId>
        <launchTemplateName>c1-workers</launchTemplateName>
        <tagSet><item><key>owner</key><value>hopper</value></item></tagSet>
    </launchTemplate>
</CreateLaunchTemplateResponse>)"));
  auto lt = ec2::create_launch_template(h.client, "c1-workers", full_data(), {{"owner", "hopper"}});
  ASSERT_TRUE(lt.ok()) << lt.error().message();
  EXPECT_EQ(lt->id, "lt-01238c059e3466abc");
  EXPECT_EQ(lt->name, "c1-workers");
  EXPECT_EQ(lt->default_version, 1);
  EXPECT_EQ(lt->latest_version, 1);
  EXPECT_EQ(lt->create_time, "2025-01-01T10:00:00.000Z");
  EXPECT_EQ(lt->tags.at("owner"), "hopper");

  h.transport.push(Answer::ok(R"(<CreateLaunchTemplateVersionResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
    <requestId>r</requestId>
    <launchTemplateVersion>
        <launchTemplateId>lt-01238c059e3466abc</launchTemplateId>
        <launchTemplateName>c1-workers</launchTemplateName>
        <versionNumber>2</versionNumber>
        <defaultVersion>false</defaultVersion>
    </launchTemplateVersion>
</CreateLaunchTemplateVersionResponse>)"));
  auto version = ec2::create_launch_template_version(h.client, "lt-01238c059e3466abc", full_data());
  ASSERT_TRUE(version.ok()) << version.error().message();
  EXPECT_EQ(*version, 2);

  const auto data = full_data();
  h.transport.push(Answer::ok(std::string(R"(<DescribeLaunchTemplateVersionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
    <requestId>65cadec1-example</requestId>
    <launchTemplateVersionSet>
        <item>
            <createTime>2025-01-01T10:00:00.000Z</createTime>
            <createdBy>arn:aws:iam::123456789012:root</createdBy>
            <defaultVersion>true</defaultVersion>
            <launchTemplateData>
                <blockDeviceMappingSet>
                    <item>
                        <deviceName>/dev/sda1</deviceName>
                        <ebs>
                            <deleteOnTermination>true</deleteOnTermination>
                            <encrypted>true</encrypted>
                            <volumeSize>50</volumeSize>
                            <volumeType>gp3</volumeType>
                        </ebs>
                    </item>
                </blockDeviceMappingSet>
                <iamInstanceProfile><name>hopper-node</name></iamInstanceProfile>
                <imageId>ami-1</imageId>
                <instanceType>t3.large</instanceType>
                <keyName>hopper-admin</keyName>
                <metadataOptions>
                    <httpEndpoint>enabled</httpEndpoint>
                    <httpPutResponseHopLimit>2</httpPutResponseHopLimit>
                    <httpTokens>required</httpTokens>
                </metadataOptions>
                <securityGroupIdSet><item>sg-1</item><item>sg-2</item></securityGroupIdSet>
                <tagSpecificationSet>
                    <item>
                        <resourceType>instance</resourceType>
                        <tagSet>
                            <item><key>Name</key><value>worker</value></item>
                            <item><key>kubernetes.io/cluster/c1</key><value>owned</value></item>
                        </tagSet>
                    </item>
                    <item>
                        <resourceType>volume</resourceType>
                        <tagSet><item><key>Name</key><value>worker</value></item></tagSet>
                    </item>
                </tagSpecificationSet>
                <userData>)") + codec::base64_encode(data.user_data) + R"(</userData>
            </launchTemplateData>
            <launchTemplateId>lt-01238c059e3466abc</launchTemplateId>
            <launchTemplateName>c1-workers</launchTemplateName>
            <versionNumber>2</versionNumber>
        </item>
    </launchTemplateVersionSet>
</DescribeLaunchTemplateVersionsResponse>)"));
  auto decoded = ec2::describe_launch_template_version(h.client, "lt-01238c059e3466abc", 2);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message();
  EXPECT_EQ(*decoded, data);

  // An answer that lists no such version is an error, not empty data.
  h.transport.push(Answer::ok(
      R"(<DescribeLaunchTemplateVersionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><launchTemplateVersionSet/></DescribeLaunchTemplateVersionsResponse>)"));
  auto none = ec2::describe_launch_template_version(h.client, "lt-1", 9);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().message().find("no version 9"), std::string::npos) << none.error().message();

  h.transport.push(Answer::ok(R"(<DescribeLaunchTemplatesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
    <requestId>1afa6e44-example</requestId>
    <launchTemplates>
        <item>
            <createTime>2025-01-01T10:00:00.000Z</createTime>
            <defaultVersionNumber>2</defaultVersionNumber>
            <latestVersionNumber>3</latestVersionNumber>
            <launchTemplateId>lt-01238c059e3466abc</launchTemplateId>
            <launchTemplateName>c1-workers</launchTemplateName>
        </item>
    </launchTemplates>
    <nextToken>more</nextToken>
</DescribeLaunchTemplatesResponse>)"));
  h.transport.push(Answer::ok(R"(<DescribeLaunchTemplatesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
    <launchTemplates><item><launchTemplateId>lt-2</launchTemplateId><launchTemplateName>c1-cp</launchTemplateName>
    <defaultVersionNumber>1</defaultVersionNumber><latestVersionNumber>1</latestVersionNumber></item></launchTemplates>
</DescribeLaunchTemplatesResponse>)"));
  auto listed = ec2::describe_launch_templates(h.client);
  ASSERT_TRUE(listed.ok()) << listed.error().message();
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].default_version, 2);
  EXPECT_EQ((*listed)[0].latest_version, 3);
  EXPECT_EQ((*listed)[1].id, "lt-2");
  EXPECT_EQ(value_of(h.transport.params(), "NextToken"), "more");
}

// The plausible mistakes (API member names instead of wire names) are caught by the checker.
TEST(Ec2ComputeLaunchTemplatesEncodingTest, CheckerCatchesApiNamesUsedAsWireNames) {
  const auto& model = ec2_model();
  const Params base = {{"LaunchTemplateName", "t"}, {"LaunchTemplateData.ImageId", "ami-1"}};
  for (const auto& wrong : std::vector<std::pair<std::string, std::string>>{
           {"LaunchTemplateData.SecurityGroupIds.1", "sg-1"},
           {"LaunchTemplateData.BlockDeviceMappings.1.DeviceName", "/dev/sda1"},
           {"LaunchTemplateData.TagSpecifications.1.ResourceType", "instance"},
           {"LaunchTemplateData.TagSpecification.1.Tags.1.Key", "k"},
           {"LaunchTemplateData.MetadataOptions.HttpTokens", "always"},
           {"LaunchTemplateData.IamInstanceProfile", "hopper-node"}}) {
    Params params = base;
    params.push_back(wrong);
    EXPECT_NE(joined(model.check_query("CreateLaunchTemplate", params)), "") << wrong.first;
  }
  EXPECT_NE(joined(model.check_query("RunInstances", {{"MinCount", "1"}, {"MaxCount", "1"},
                                                      {"NetworkInterface.1.Groups.1", "sg-1"}})),
            "");
  EXPECT_NE(joined(model.check_query("ModifyLaunchTemplate", {{"DefaultVersion", "2"}})), "");
}

}  // namespace
}  // namespace hopper::aws

// Instance requests (RunInstances in both network forms, describe, state changes, console output,
// user data) checked against botocore's EC2 model; answers decoded from AWS-shaped XML.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/ec2/instances.hpp"
#include "aws/ec2/instances_run.hpp"
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

ec2::RunInstancesRequest full_request() {
  ec2::RunInstancesRequest r;
  r.image_id = "ami-1";
  r.instance_type = "t3.medium";
  r.key_name = "hopper-admin";
  r.subnet_id = "subnet-1";
  r.security_group_ids = {"sg-1", "sg-2"};
  r.private_ip_address = "10.0.1.10";
  r.iam_instance_profile_name = "hopper-node";
  r.user_data = "#cloud-config\nhostname: cp-1\n";
  r.client_token = "run-42-cp-1";
  r.tags = {{"Name", "cp-1"}, {"kubernetes.io/cluster/c1", "owned"}};
  r.metadata_options = ec2::MetadataOptions{"required", 2, "enabled"};
  r.root_volume = ec2::BlockDevice{"/dev/sda1", 40, "gp3", true, true};
  return r;
}

TEST(Ec2ComputeInstancesEncodingTest, RunInstancesWithPublicAddressMatchesTheModel) {
  Harness h;
  const auto& model = ec2_model();
  auto request = full_request();
  request.associate_public_ip = true;
  request.dry_run = true;
  (void)ec2::run_instances(h.client, request);
  const auto params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("RunInstances", params)), "");
  EXPECT_EQ(value_of(params, "MinCount"), "1");
  EXPECT_EQ(value_of(params, "MaxCount"), "1");
  EXPECT_EQ(value_of(params, "NetworkInterface.1.DeviceIndex"), "0");
  EXPECT_EQ(value_of(params, "NetworkInterface.1.SubnetId"), "subnet-1");
  EXPECT_EQ(value_of(params, "NetworkInterface.1.SecurityGroupId.2"), "sg-2");
  EXPECT_EQ(value_of(params, "NetworkInterface.1.AssociatePublicIpAddress"), "true");
  EXPECT_EQ(value_of(params, "NetworkInterface.1.PrivateIpAddress"), "10.0.1.10");
  EXPECT_EQ(value_of(params, "SubnetId"), "<absent>");
  EXPECT_EQ(value_of(params, "SecurityGroupId.1"), "<absent>");
  EXPECT_EQ(value_of(params, "PrivateIpAddress"), "<absent>");
  EXPECT_EQ(value_of(params, "IamInstanceProfile.Name"), "hopper-node");
  EXPECT_EQ(value_of(params, "UserData"), codec::base64_encode("#cloud-config\nhostname: cp-1\n"));
  EXPECT_EQ(value_of(params, "ClientToken"), "run-42-cp-1");
  EXPECT_EQ(value_of(params, "MetadataOptions.HttpTokens"), "required");
  EXPECT_EQ(value_of(params, "MetadataOptions.HttpPutResponseHopLimit"), "2");
  EXPECT_EQ(value_of(params, "MetadataOptions.HttpEndpoint"), "enabled");
  EXPECT_EQ(value_of(params, "BlockDeviceMapping.1.DeviceName"), "/dev/sda1");
  EXPECT_EQ(value_of(params, "BlockDeviceMapping.1.Ebs.VolumeSize"), "40");
  EXPECT_EQ(value_of(params, "BlockDeviceMapping.1.Ebs.VolumeType"), "gp3");
  EXPECT_EQ(value_of(params, "BlockDeviceMapping.1.Ebs.Encrypted"), "true");
  EXPECT_EQ(value_of(params, "BlockDeviceMapping.1.Ebs.DeleteOnTermination"), "true");
  EXPECT_EQ(value_of(params, "TagSpecification.1.ResourceType"), "instance");
  EXPECT_EQ(value_of(params, "TagSpecification.2.ResourceType"), "volume");
  EXPECT_EQ(value_of(params, "TagSpecification.3.ResourceType"), "network-interface");
  EXPECT_EQ(value_of(params, "TagSpecification.2.Tag.2.Key"), "kubernetes.io/cluster/c1");
  EXPECT_EQ(value_of(params, "DryRun"), "true");
}

TEST(Ec2ComputeInstancesEncodingTest, RunInstancesPlainMatchesTheModel) {
  Harness h;
  const auto& model = ec2_model();
  auto request = full_request();
  request.count = 3;
  (void)ec2::run_instances(h.client, request);
  auto params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("RunInstances", params)), "");
  EXPECT_EQ(value_of(params, "MinCount"), "3");
  EXPECT_EQ(value_of(params, "SubnetId"), "subnet-1");
  EXPECT_EQ(value_of(params, "SecurityGroupId.1"), "sg-1");
  EXPECT_EQ(value_of(params, "PrivateIpAddress"), "10.0.1.10");
  EXPECT_EQ(value_of(params, "NetworkInterface.1.DeviceIndex"), "<absent>");
  EXPECT_EQ(value_of(params, "DryRun"), "<absent>");

  // The bare minimum: nothing optional is sent.
  ec2::RunInstancesRequest bare;
  bare.image_id = "ami-1";
  bare.instance_type = "t3.micro";
  (void)ec2::run_instances(h.client, bare);
  params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("RunInstances", params)), "");
  EXPECT_EQ(params.size(), 6u) << "Action, Version, ImageId, InstanceType, MinCount, MaxCount";
}

TEST(Ec2ComputeInstancesEncodingTest, OtherOperationsMatchTheModel) {
  Harness h;
  const auto& model = ec2_model();
  (void)ec2::describe_instances(h.client, {{"tag:kubernetes.io/cluster/c1", {"owned"}},
                                           {"instance-state-name", {"pending", "running"}}});
  auto params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("DescribeInstances", params)), "");
  EXPECT_EQ(value_of(params, "MaxResults"), "1000");
  (void)ec2::describe_instances(h.client, {}, {"i-1", "i-2"});
  params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("DescribeInstances", params)), "");
  EXPECT_EQ(value_of(params, "MaxResults"), "<absent>");  // DescribeInstances rejects it with InstanceId.N
  EXPECT_EQ(value_of(params, "InstanceId.2"), "i-2");
  (void)ec2::terminate_instances(h.client, {"i-1", "i-2"});
  EXPECT_EQ(joined(model.check_query("TerminateInstances", h.transport.params())), "");
  (void)ec2::stop_instances(h.client, {"i-1"});
  EXPECT_EQ(joined(model.check_query("StopInstances", h.transport.params())), "");
  (void)ec2::start_instances(h.client, {"i-1"});
  EXPECT_EQ(joined(model.check_query("StartInstances", h.transport.params())), "");
  (void)ec2::get_console_output(h.client, "i-1", true);
  params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("GetConsoleOutput", params)), "");
  EXPECT_EQ(value_of(params, "Latest"), "true");
  (void)ec2::get_console_output(h.client, "i-1", false);
  EXPECT_EQ(value_of(h.transport.params(), "Latest"), "<absent>");
  (void)ec2::describe_instance_user_data(h.client, "i-1");
  EXPECT_EQ(joined(model.check_query("DescribeInstanceAttribute", h.transport.params())), "");
}

// Two reservations on the first page, one on the second, as the EC2 API reference shows them.
constexpr const char* k_page1 = R"(<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>8f7724cf-496f-496e-8fe3-example</requestId>
  <reservationSet>
    <item>
      <reservationId>r-1234567890abcdef0</reservationId>
      <ownerId>123456789012</ownerId>
      <groupSet/>
      <instancesSet>
        <item>
          <instanceId>i-1234567890abcdef0</instanceId>
          <imageId>ami-bff32ccc</imageId>
          <instanceState><code>16</code><name>running</name></instanceState>
          <privateDnsName>ip-192-168-1-88.eu-west-1.compute.internal</privateDnsName>
          <dnsName>ec2-54-194-252-215.eu-west-1.compute.amazonaws.com</dnsName>
          <reason/>
          <keyName>hopper-admin</keyName>
          <amiLaunchIndex>0</amiLaunchIndex>
          <productCodes/>
          <instanceType>t3.medium</instanceType>
          <launchTime>2025-01-01T10:00:00.000Z</launchTime>
          <placement><availabilityZone>eu-west-1c</availabilityZone><groupName/><tenancy>default</tenancy></placement>
          <monitoring><state>disabled</state></monitoring>
          <subnetId>subnet-56f5f633</subnetId>
          <vpcId>vpc-11112222</vpcId>
          <privateIpAddress>192.168.1.88</privateIpAddress>
          <ipAddress>54.194.252.215</ipAddress>
          <sourceDestCheck>true</sourceDestCheck>
          <groupSet>
            <item><groupId>sg-e4076980</groupId><groupName>SecurityGroup1</groupName></item>
          </groupSet>
          <architecture>x86_64</architecture>
          <rootDeviceType>ebs</rootDeviceType>
          <rootDeviceName>/dev/xvda</rootDeviceName>
          <blockDeviceMapping>
            <item>
              <deviceName>/dev/xvda</deviceName>
              <ebs>
                <volumeId>vol-1234567890abcdef0</volumeId>
                <status>attached</status>
                <attachTime>2025-01-01T10:00:01.000Z</attachTime>
                <deleteOnTermination>true</deleteOnTermination>
              </ebs>
            </item>
          </blockDeviceMapping>
          <virtualizationType>hvm</virtualizationType>
          <clientToken>run-42-cp-1</clientToken>
          <tagSet>
            <item><key>Name</key><value>cp-1</value></item>
            <item><key>kubernetes.io/cluster/c1</key><value>owned</value></item>
          </tagSet>
          <hypervisor>xen</hypervisor>
          <networkInterfaceSet>
            <item>
              <networkInterfaceId>eni-551ba033</networkInterfaceId>
              <subnetId>subnet-56f5f633</subnetId>
              <vpcId>vpc-11112222</vpcId>
              <groupSet><item><groupId>sg-e4076980</groupId><groupName>SecurityGroup1</groupName></item></groupSet>
              <privateIpAddress>192.168.1.88</privateIpAddress>
            </item>
          </networkInterfaceSet>
          <iamInstanceProfile>
            <arn>arn:aws:iam::123456789012:instance-profile/hopper-node</arn>
            <id>AIPAJ7LQ5DUP6ZEXAMPLE</id>
          </iamInstanceProfile>
          <ebsOptimized>false</ebsOptimized>
          <metadataOptions>
            <state>applied</state>
            <httpTokens>required</httpTokens>
            <httpPutResponseHopLimit>2</httpPutResponseHopLimit>
            <httpEndpoint>enabled</httpEndpoint>
          </metadataOptions>
        </item>
      </instancesSet>
    </item>
    <item>
      <reservationId>r-2</reservationId>
      <instancesSet>
        <item>
          <instanceId>i-2</instanceId>
          <instanceState><code>80</code><name>stopped</name></instanceState>
          <reason>User initiated (2025-01-01 11:00:00 GMT)</reason>
          <stateReason>
            <code>Client.UserInitiatedShutdown</code>
            <message>Client.UserInitiatedShutdown: User initiated shutdown</message>
          </stateReason>
          <groupSet/>
          <networkInterfaceSet>
            <item>
              <networkInterfaceId>eni-2</networkInterfaceId>
              <groupSet><item><groupId>sg-a</groupId></item><item><groupId>sg-b</groupId></item></groupSet>
            </item>
          </networkInterfaceSet>
        </item>
      </instancesSet>
    </item>
  </reservationSet>
  <nextToken>page-2</nextToken>
</DescribeInstancesResponse>)";

constexpr const char* k_page2 = R"(<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <reservationSet><item><reservationId>r-3</reservationId><instancesSet>
    <item><instanceId>i-3</instanceId><instanceState><code>0</code><name>pending</name></instanceState></item>
    <item><instanceId>i-4</instanceId><instanceState><code>0</code><name>pending</name></instanceState></item>
  </instancesSet></item></reservationSet>
</DescribeInstancesResponse>)";

TEST(Ec2ComputeInstancesEncodingTest, DecodesAndFlattensReservationsAcrossPages) {
  Harness h;
  h.transport.push(Answer::ok(k_page1));
  h.transport.push(Answer::ok(k_page2));
  auto instances = ec2::describe_instances(h.client, {{"tag:kubernetes.io/cluster/c1", {"owned"}}});
  ASSERT_TRUE(instances.ok()) << instances.error().message();
  ASSERT_EQ(instances->size(), 4u);
  EXPECT_EQ(value_of(h.transport.params(1), "NextToken"), "page-2");
  EXPECT_EQ(value_of(h.transport.params(1), "Filter.1.Name"), "tag:kubernetes.io/cluster/c1");

  const auto& a = (*instances)[0];
  EXPECT_EQ(a.id, "i-1234567890abcdef0");
  EXPECT_EQ(a.image_id, "ami-bff32ccc");
  EXPECT_EQ(a.instance_type, "t3.medium");
  EXPECT_EQ(a.state.code, 16);
  EXPECT_EQ(a.state.name, "running");
  EXPECT_EQ(a.state_reason, "");
  EXPECT_EQ(a.private_ip_address, "192.168.1.88");
  EXPECT_EQ(a.public_ip_address, "54.194.252.215");
  EXPECT_EQ(a.private_dns_name, "ip-192-168-1-88.eu-west-1.compute.internal");
  EXPECT_EQ(a.public_dns_name, "ec2-54-194-252-215.eu-west-1.compute.amazonaws.com");
  EXPECT_EQ(a.subnet_id, "subnet-56f5f633");
  EXPECT_EQ(a.vpc_id, "vpc-11112222");
  EXPECT_EQ(a.availability_zone, "eu-west-1c");
  EXPECT_EQ(a.key_name, "hopper-admin");
  EXPECT_EQ(a.architecture, "x86_64");
  EXPECT_EQ(a.root_device_name, "/dev/xvda");
  EXPECT_EQ(a.security_group_ids, std::vector<std::string>{"sg-e4076980"});
  EXPECT_EQ(a.network_interface_ids, std::vector<std::string>{"eni-551ba033"});
  ASSERT_EQ(a.volumes.size(), 1u);
  EXPECT_EQ(a.volumes[0].device_name, "/dev/xvda");
  EXPECT_EQ(a.volumes[0].volume_id, "vol-1234567890abcdef0");
  EXPECT_TRUE(a.volumes[0].delete_on_termination);
  EXPECT_EQ(a.iam_instance_profile_arn, "arn:aws:iam::123456789012:instance-profile/hopper-node");
  EXPECT_EQ(a.launch_time, "2025-01-01T10:00:00.000Z");
  EXPECT_EQ(a.client_token, "run-42-cp-1");
  EXPECT_EQ(a.metadata_options, (ec2::MetadataOptions{"required", 2, "enabled"}));
  EXPECT_EQ(a.tags.at("kubernetes.io/cluster/c1"), "owned");

  const auto& b = (*instances)[1];
  EXPECT_EQ(b.id, "i-2");
  EXPECT_EQ(b.state.code, 80);
  EXPECT_EQ(b.state_reason, "Client.UserInitiatedShutdown: User initiated shutdown");
  EXPECT_EQ(b.state_transition_reason, "User initiated (2025-01-01 11:00:00 GMT)");
  // groupSet empty: the groups come from the network interfaces (moto's shape).
  EXPECT_EQ(b.security_group_ids, (std::vector<std::string>{"sg-a", "sg-b"}));
  EXPECT_EQ((*instances)[3].id, "i-4");
}

TEST(Ec2ComputeInstancesEncodingTest, DecodesStateChangesConsoleOutputAndUserData) {
  Harness h;
  h.transport.push(Answer::ok(R"(<TerminateInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
  <instancesSet>
    <item>
      <instanceId>i-1234567890abcdef0</instanceId>
      <currentState><code>32</code><name>shutting-down</name></currentState>
      <previousState><code>16</code><name>running</name></previousState>
    </item>
  </instancesSet>
</TerminateInstancesResponse>)"));
  auto changes = ec2::terminate_instances(h.client, {"i-1234567890abcdef0"});
  ASSERT_TRUE(changes.ok()) << changes.error().message();
  ASSERT_EQ(changes->size(), 1u);
  EXPECT_EQ(changes->front().instance_id, "i-1234567890abcdef0");
  EXPECT_EQ(changes->front().current_state.name, "shutting-down");
  EXPECT_EQ(changes->front().current_state.code, 32);
  EXPECT_EQ(changes->front().previous_state.name, "running");

  const std::string log = "[    0.000000] Linux version 6.8.0-1019-aws\ncloud-init: done\n";
  h.transport.push(Answer::ok(
      "<GetConsoleOutputResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId>"
      "<instanceId>i-1</instanceId><timestamp>2025-01-01T10:00:00.000Z</timestamp><output>" +
      codec::base64_encode(log) + "</output></GetConsoleOutputResponse>"));
  auto output = ec2::get_console_output(h.client, "i-1", false);
  ASSERT_TRUE(output.ok()) << output.error().message();
  EXPECT_EQ(*output, log);
  h.transport.push(Answer::ok(
      R"(<GetConsoleOutputResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><instanceId>i-1</instanceId><timestamp>2025-01-01T10:00:00.000Z</timestamp></GetConsoleOutputResponse>)"));
  output = ec2::get_console_output(h.client, "i-1", false);
  ASSERT_TRUE(output.ok()) << output.error().message();
  EXPECT_EQ(*output, "");

  h.transport.push(Answer::ok(
      "<DescribeInstanceAttributeResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><instanceId>i-1</instanceId>"
      "<userData><value>" + codec::base64_encode("#cloud-config\n") + "</value></userData></DescribeInstanceAttributeResponse>"));
  auto user_data = ec2::describe_instance_user_data(h.client, "i-1");
  ASSERT_TRUE(user_data.ok()) << user_data.error().message();
  EXPECT_EQ(*user_data, "#cloud-config\n");
}

TEST(Ec2ComputeInstancesEncodingTest, RunInstancesDecodesItsReservation) {
  Harness h;
  h.transport.push(Answer::ok(R"(<RunInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>r</requestId>
  <reservationId>r-1</reservationId>
  <ownerId>123456789012</ownerId>
  <groupSet/>
  <instancesSet>
    <item><instanceId>i-a</instanceId><instanceState><code>0</code><name>pending</name></instanceState><clientToken>tok</clientToken></item>
    <item><instanceId>i-b</instanceId><instanceState><code>0</code><name>pending</name></instanceState><clientToken>tok</clientToken></item>
  </instancesSet>
</RunInstancesResponse>)"));
  auto instances = ec2::run_instances(h.client, full_request());
  ASSERT_TRUE(instances.ok()) << instances.error().message();
  ASSERT_EQ(instances->size(), 2u);
  EXPECT_EQ((*instances)[1].id, "i-b");
  EXPECT_EQ((*instances)[1].state.name, "pending");
  EXPECT_EQ((*instances)[1].client_token, "tok");
}

}  // namespace
}  // namespace hopper::aws

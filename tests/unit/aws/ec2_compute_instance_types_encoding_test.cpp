// DescribeInstanceTypes requests checked against botocore's EC2 model; an AWS-shaped answer
// decoded, across pages.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/ec2/instance_types.hpp"
#include "support/botocore_model.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws {
namespace {

using Harness = encoding::Harness<ec2::Client>;

using encoding::Params;

// The model loads in about a second: once per binary.
const test::BotocoreModel& ec2_model() {
  return encoding::botocore_model("ec2");
}

using encoding::joined;

using encoding::value_of;

TEST(Ec2ComputeInstanceTypesEncodingTest, MatchesTheModel) {
  Harness h;
  const auto& model = ec2_model();
  (void)ec2::describe_instance_types(h.client, {"t3.medium", "m6g.large"});
  auto params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("DescribeInstanceTypes", params)), "");
  EXPECT_EQ(value_of(params, "InstanceType.2"), "m6g.large");
  EXPECT_EQ(value_of(params, "MaxResults"), "100");
  (void)ec2::describe_instance_types(h.client, {}, {{"processor-info.supported-architecture", {"arm64"}}});
  EXPECT_EQ(joined(model.check_query("DescribeInstanceTypes", h.transport.params())), "");
}

TEST(Ec2ComputeInstanceTypesEncodingTest, DecodesAnAwsAnswerAcrossPages) {
  Harness h;
  h.transport.push(test::RecordingTransport::Answer::ok(R"(<DescribeInstanceTypesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>r</requestId>
  <instanceTypeSet>
    <item>
      <instanceType>t3.medium</instanceType>
      <currentGeneration>true</currentGeneration>
      <freeTierEligible>false</freeTierEligible>
      <supportedUsageClasses><item>on-demand</item><item>spot</item></supportedUsageClasses>
      <supportedRootDeviceTypes><item>ebs</item></supportedRootDeviceTypes>
      <bareMetal>false</bareMetal>
      <hypervisor>nitro</hypervisor>
      <processorInfo>
        <supportedArchitectures><item>x86_64</item></supportedArchitectures>
        <sustainedClockSpeedInGhz>2.5</sustainedClockSpeedInGhz>
      </processorInfo>
      <vCpuInfo>
        <defaultVCpus>2</defaultVCpus><defaultCores>1</defaultCores><defaultThreadsPerCore>2</defaultThreadsPerCore>
        <validCores><item>1</item></validCores>
      </vCpuInfo>
      <memoryInfo><sizeInMiB>4096</sizeInMiB></memoryInfo>
      <networkInfo>
        <networkPerformance>Up to 5 Gigabit</networkPerformance>
        <maximumNetworkInterfaces>3</maximumNetworkInterfaces>
        <maximumNetworkCards>1</maximumNetworkCards>
        <networkCards><item><networkCardIndex>0</networkCardIndex><maximumNetworkInterfaces>3</maximumNetworkInterfaces></item></networkCards>
        <ipv4AddressesPerInterface>6</ipv4AddressesPerInterface>
        <ipv6AddressesPerInterface>6</ipv6AddressesPerInterface>
        <ipv6Supported>true</ipv6Supported>
        <enaSupport>required</enaSupport>
      </networkInfo>
    </item>
  </instanceTypeSet>
  <nextToken>AAA</nextToken>
</DescribeInstanceTypesResponse>)"));
  h.transport.push(test::RecordingTransport::Answer::ok(R"(<DescribeInstanceTypesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <instanceTypeSet><item><instanceType>m6g.large</instanceType>
    <processorInfo><supportedArchitectures><item>arm64</item></supportedArchitectures></processorInfo>
    <vCpuInfo><defaultVCpus>2</defaultVCpus></vCpuInfo><memoryInfo><sizeInMiB>8192</sizeInMiB></memoryInfo>
    <networkInfo><maximumNetworkInterfaces>3</maximumNetworkInterfaces><ipv4AddressesPerInterface>10</ipv4AddressesPerInterface></networkInfo>
  </item></instanceTypeSet>
</DescribeInstanceTypesResponse>)"));
  auto types = ec2::describe_instance_types(h.client, {"t3.medium", "m6g.large"});
  ASSERT_TRUE(types.ok()) << types.error().message();
  ASSERT_EQ(types->size(), 2u);
  const auto& t3 = (*types)[0];
  EXPECT_EQ(t3.type, "t3.medium");
  EXPECT_EQ(t3.vcpus, 2);
  EXPECT_EQ(t3.memory_mib, 4096);
  EXPECT_EQ(t3.architectures, std::vector<std::string>{"x86_64"});
  EXPECT_EQ(t3.max_network_interfaces, 3);
  EXPECT_EQ(t3.ipv4_addresses_per_interface, 6);
  EXPECT_TRUE(t3.current_generation);
  EXPECT_EQ(t3.supported_usage_classes, (std::vector<std::string>{"on-demand", "spot"}));
  const auto& m6g = (*types)[1];
  EXPECT_EQ(m6g.architectures, std::vector<std::string>{"arm64"});
  EXPECT_EQ(m6g.memory_mib, 8192);
  EXPECT_EQ(m6g.ipv4_addresses_per_interface, 10);
  EXPECT_EQ(value_of(h.transport.params(1), "NextToken"), "AAA");
  EXPECT_EQ(value_of(h.transport.params(1), "InstanceType.1"), "t3.medium");
}

}  // namespace
}  // namespace hopper::aws

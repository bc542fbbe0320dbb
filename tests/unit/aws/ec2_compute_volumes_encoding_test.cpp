// Volume requests checked against botocore's EC2 model; AWS-shaped answers decoded.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/ec2/volumes.hpp"
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

TEST(Ec2ComputeVolumesEncodingTest, MatchesTheModel) {
  Harness h;
  const auto& model = ec2_model();
  (void)ec2::describe_volumes(h.client, {{"tag:kubernetes.io/cluster/c1", {"owned"}}, {"status", {"available"}}});
  auto params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("DescribeVolumes", params)), "");
  EXPECT_EQ(value_of(params, "MaxResults"), "500");
  (void)ec2::describe_volumes(h.client, {}, {"vol-1"});
  params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("DescribeVolumes", params)), "");
  EXPECT_EQ(value_of(params, "MaxResults"), "<absent>");
  (void)ec2::create_volume(h.client, "eu-west-1a", 10, "gp3", {{"kubernetes.io/cluster/c1", "owned"}});
  params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("CreateVolume", params)), "");
  EXPECT_EQ(value_of(params, "Size"), "10");
  EXPECT_EQ(value_of(params, "TagSpecification.1.ResourceType"), "volume");
  (void)ec2::delete_volume(h.client, "vol-1");
  EXPECT_EQ(joined(model.check_query("DeleteVolume", h.transport.params())), "");
}

TEST(Ec2ComputeVolumesEncodingTest, DecodesAwsAnswers) {
  Harness h;
  h.transport.push(test::RecordingTransport::Answer::ok(R"(<DescribeVolumesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
   <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
   <volumeSet>
      <item>
         <volumeId>vol-1234567890abcdef0</volumeId>
         <size>80</size>
         <snapshotId/>
         <availabilityZone>eu-west-1a</availabilityZone>
         <status>in-use</status>
         <createTime>2025-01-01T10:00:00.000Z</createTime>
         <attachmentSet>
            <item>
               <volumeId>vol-1234567890abcdef0</volumeId>
               <instanceId>i-1234567890abcdef0</instanceId>
               <device>/dev/xvdba</device>
               <status>attached</status>
               <attachTime>2025-01-01T10:00:05.000Z</attachTime>
               <deleteOnTermination>false</deleteOnTermination>
            </item>
         </attachmentSet>
         <tagSet>
            <item><key>kubernetes.io/cluster/c1</key><value>owned</value></item>
            <item><key>kubernetes.io/created-for/pvc/name</key><value>data-db-0</value></item>
         </tagSet>
         <volumeType>gp3</volumeType>
         <iops>3000</iops>
         <throughput>125</throughput>
         <encrypted>true</encrypted>
         <multiAttachEnabled>false</multiAttachEnabled>
      </item>
   </volumeSet>
</DescribeVolumesResponse>)"));
  auto volumes = ec2::describe_volumes(h.client, {{"tag:kubernetes.io/cluster/c1", {"owned"}}});
  ASSERT_TRUE(volumes.ok()) << volumes.error().message();
  ASSERT_EQ(volumes->size(), 1u);
  const auto& v = volumes->front();
  EXPECT_EQ(v.id, "vol-1234567890abcdef0");
  EXPECT_EQ(v.size_gib, 80);
  EXPECT_EQ(v.volume_type, "gp3");
  EXPECT_EQ(v.state, "in-use");
  EXPECT_EQ(v.availability_zone, "eu-west-1a");
  EXPECT_TRUE(v.encrypted);
  EXPECT_EQ(v.snapshot_id, "");
  EXPECT_EQ(v.create_time, "2025-01-01T10:00:00.000Z");
  ASSERT_EQ(v.attachments.size(), 1u);
  EXPECT_EQ(v.attachments[0].instance_id, "i-1234567890abcdef0");
  EXPECT_EQ(v.attachments[0].device, "/dev/xvdba");
  EXPECT_EQ(v.attachments[0].state, "attached");
  EXPECT_EQ(v.tags.at("kubernetes.io/created-for/pvc/name"), "data-db-0");

  h.transport.push(test::RecordingTransport::Answer::ok(R"(<CreateVolumeResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>0c67a4c9-d7ec-45ef-8016-bf666EXAMPLE</requestId>
  <volumeId>vol-1234567890abcdef0</volumeId>
  <size>80</size>
  <snapshotId/>
  <availabilityZone>eu-west-1a</availabilityZone>
  <status>creating</status>
  <createTime>2025-01-01T10:00:00.000Z</createTime>
  <volumeType>gp3</volumeType>
  <iops>3000</iops>
  <encrypted>false</encrypted>
  <tagSet><item><key>kubernetes.io/cluster/c1</key><value>owned</value></item></tagSet>
</CreateVolumeResponse>)"));
  auto created = ec2::create_volume(h.client, "eu-west-1a", 80, "gp3", {{"kubernetes.io/cluster/c1", "owned"}});
  ASSERT_TRUE(created.ok()) << created.error().message();
  EXPECT_EQ(created->id, "vol-1234567890abcdef0");
  EXPECT_EQ(created->state, "creating");
  EXPECT_EQ(created->size_gib, 80);
  EXPECT_FALSE(created->encrypted);
  EXPECT_TRUE(created->attachments.empty());
  EXPECT_EQ(created->tags.at("kubernetes.io/cluster/c1"), "owned");
}

}  // namespace
}  // namespace hopper::aws

// Image and snapshot requests checked against botocore's EC2 model; answers decoded from
// AWS-shaped XML; pagination follows nextToken.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/ec2/images.hpp"
#include "aws/ec2/snapshots.hpp"
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

TEST(Ec2ComputeImagesEncodingTest, MatchesTheModel) {
  Harness h;
  const auto& model = ec2_model();
  (void)ec2::describe_images(h.client, {{"099720109477"},
                                        {{"name", {"ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"}},
                                         {"architecture", {"x86_64"}}},
                                        {}});
  auto params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("DescribeImages", params)), "");
  EXPECT_EQ(value_of(params, "Owner.1"), "099720109477");
  EXPECT_EQ(value_of(params, "MaxResults"), "<absent>");  // not in the model's DescribeImages
  (void)ec2::describe_images(h.client, {{"self"}, {}, {"ami-1", "ami-2"}});
  EXPECT_EQ(joined(model.check_query("DescribeImages", h.transport.params())), "");

  (void)ec2::create_image(h.client, {"i-1", "hopper-node-2025", "node image", true, {{"owner", "hopper"}}});
  params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("CreateImage", params)), "");
  EXPECT_EQ(value_of(params, "NoReboot"), "true");
  EXPECT_EQ(value_of(params, "TagSpecification.1.ResourceType"), "image");
  EXPECT_EQ(value_of(params, "TagSpecification.2.ResourceType"), "snapshot");
  EXPECT_EQ(value_of(params, "TagSpecification.2.Tag.1.Value"), "hopper");
  ec2::CreateImageRequest image_only{"i-1", "n", "", false, {{"owner", "hopper"}}};
  image_only.tag_snapshots = false;
  (void)ec2::create_image(h.client, image_only);
  params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("CreateImage", params)), "");
  EXPECT_EQ(value_of(params, "TagSpecification.2.ResourceType"), "<absent>");
  EXPECT_EQ(value_of(params, "NoReboot"), "<absent>");

  (void)ec2::deregister_image(h.client, "ami-1");
  EXPECT_EQ(joined(model.check_query("DeregisterImage", h.transport.params())), "");
}

TEST(Ec2ComputeImagesEncodingTest, SnapshotsMatchTheModel) {
  Harness h;
  const auto& model = ec2_model();
  (void)ec2::describe_snapshots(h.client, {"self"}, {{"tag:kubernetes.io/cluster/c1", {"owned"}}});
  auto params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("DescribeSnapshots", params)), "");
  EXPECT_EQ(value_of(params, "MaxResults"), "1000");
  (void)ec2::describe_snapshots(h.client, {}, {}, {"snap-1"});
  params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("DescribeSnapshots", params)), "");
  EXPECT_EQ(value_of(params, "MaxResults"), "<absent>");  // not allowed with SnapshotId.N
  (void)ec2::delete_snapshot(h.client, "snap-1");
  EXPECT_EQ(joined(model.check_query("DeleteSnapshot", h.transport.params())), "");
}

TEST(Ec2ComputeImagesEncodingTest, DecodesAnAwsImage) {
  Harness h;
  h.transport.push(test::RecordingTransport::Answer::ok(R"(<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
  <imagesSet>
    <item>
      <imageId>ami-0123456789abcdef0</imageId>
      <imageLocation>amazon/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250101</imageLocation>
      <imageState>available</imageState>
      <imageOwnerId>099720109477</imageOwnerId>
      <creationDate>2025-01-01T12:00:00.000Z</creationDate>
      <isPublic>true</isPublic>
      <architecture>x86_64</architecture>
      <imageType>machine</imageType>
      <name>ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250101</name>
      <description>Canonical, Ubuntu, 24.04, amd64 noble image</description>
      <rootDeviceType>ebs</rootDeviceType>
      <rootDeviceName>/dev/sda1</rootDeviceName>
      <blockDeviceMapping>
        <item>
          <deviceName>/dev/sda1</deviceName>
          <ebs>
            <snapshotId>snap-0aaaaaaaaaaaaaaaa</snapshotId>
            <volumeSize>8</volumeSize>
            <deleteOnTermination>true</deleteOnTermination>
            <volumeType>gp3</volumeType>
            <encrypted>false</encrypted>
          </ebs>
        </item>
        <item><deviceName>/dev/sdb</deviceName><virtualName>ephemeral0</virtualName></item>
      </blockDeviceMapping>
      <virtualizationType>hvm</virtualizationType>
      <tagSet><item><key>role</key><value>node</value></item></tagSet>
      <hypervisor>xen</hypervisor>
      <enaSupport>true</enaSupport>
      <deprecationTime>2027-01-01T12:00:00.000Z</deprecationTime>
    </item>
  </imagesSet>
</DescribeImagesResponse>)"));
  auto images = ec2::describe_images(h.client, {{"099720109477"}, {}, {}});
  ASSERT_TRUE(images.ok()) << images.error().message();
  ASSERT_EQ(images->size(), 1u);
  const auto& image = images->front();
  EXPECT_EQ(image.id, "ami-0123456789abcdef0");
  EXPECT_EQ(image.name, "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250101");
  EXPECT_EQ(image.description, "Canonical, Ubuntu, 24.04, amd64 noble image");
  EXPECT_EQ(image.state, "available");
  EXPECT_EQ(image.owner_id, "099720109477");
  EXPECT_EQ(image.architecture, "x86_64");
  EXPECT_EQ(image.creation_date, "2025-01-01T12:00:00.000Z");
  EXPECT_EQ(image.root_device_name, "/dev/sda1");
  EXPECT_EQ(image.root_device_type, "ebs");
  EXPECT_EQ(image.virtualization_type, "hvm");
  EXPECT_EQ(image.deprecation_time, "2027-01-01T12:00:00.000Z");
  EXPECT_TRUE(image.is_public);
  EXPECT_TRUE(image.ena_support);
  EXPECT_EQ(image.snapshot_ids, std::vector<std::string>{"snap-0aaaaaaaaaaaaaaaa"});
  EXPECT_EQ(image.tags.at("role"), "node");

  h.transport.push(test::RecordingTransport::Answer::ok(
      R"(<CreateImageResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><imageId>ami-4fa54026</imageId></CreateImageResponse>)"));
  auto created = ec2::create_image(h.client, {"i-1", "n", "", false, {}});
  ASSERT_TRUE(created.ok()) << created.error().message();
  EXPECT_EQ(*created, "ami-4fa54026");
}

TEST(Ec2ComputeImagesEncodingTest, FollowsNextTokenWhenAnAnswerHasOne) {
  Harness h;
  h.transport.push(test::RecordingTransport::Answer::ok(
      R"(<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><imagesSet><item><imageId>ami-1</imageId></item></imagesSet><nextToken>t1</nextToken></DescribeImagesResponse>)"));
  h.transport.push(test::RecordingTransport::Answer::ok(
      R"(<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><imagesSet><item><imageId>ami-2</imageId></item></imagesSet></DescribeImagesResponse>)"));
  auto images = ec2::describe_images(h.client, {{"self"}, {}, {}});
  ASSERT_TRUE(images.ok()) << images.error().message();
  ASSERT_EQ(images->size(), 2u);
  EXPECT_EQ((*images)[1].id, "ami-2");
  EXPECT_EQ(value_of(h.transport.params(1), "NextToken"), "t1");
}

TEST(Ec2ComputeImagesEncodingTest, DecodesAnAwsSnapshotPageByPage) {
  Harness h;
  h.transport.push(test::RecordingTransport::Answer::ok(R"(<DescribeSnapshotsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
   <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
   <snapshotSet>
      <item>
         <snapshotId>snap-1234567890abcdef0</snapshotId>
         <volumeId>vol-1234567890abcdef0</volumeId>
         <status>pending</status>
         <startTime>2025-01-01T09:00:00.000Z</startTime>
         <progress>80%</progress>
         <ownerId>111122223333</ownerId>
         <volumeSize>15</volumeSize>
         <description>Created by CreateImage(i-1) for ami-1</description>
         <encrypted>true</encrypted>
         <tagSet><item><key>owner</key><value>hopper</value></item></tagSet>
      </item>
   </snapshotSet>
   <nextToken>page2</nextToken>
</DescribeSnapshotsResponse>)"));
  h.transport.push(test::RecordingTransport::Answer::ok(
      R"(<DescribeSnapshotsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><snapshotSet/></DescribeSnapshotsResponse>)"));
  auto snapshots = ec2::describe_snapshots(h.client, {"self"});
  ASSERT_TRUE(snapshots.ok()) << snapshots.error().message();
  ASSERT_EQ(snapshots->size(), 1u);
  const auto& s = snapshots->front();
  EXPECT_EQ(s.id, "snap-1234567890abcdef0");
  EXPECT_EQ(s.volume_id, "vol-1234567890abcdef0");
  EXPECT_EQ(s.state, "pending");
  EXPECT_EQ(s.owner_id, "111122223333");
  EXPECT_EQ(s.volume_size_gib, 15);
  EXPECT_EQ(s.description, "Created by CreateImage(i-1) for ami-1");
  EXPECT_EQ(s.start_time, "2025-01-01T09:00:00.000Z");
  EXPECT_TRUE(s.encrypted);
  EXPECT_EQ(s.tags.at("owner"), "hopper");
  const auto second = h.transport.params(1);
  EXPECT_EQ(value_of(second, "NextToken"), "page2");
  EXPECT_EQ(value_of(second, "MaxResults"), "1000");
  EXPECT_EQ(value_of(second, "Owner.1"), "self");
}

}  // namespace
}  // namespace hopper::aws

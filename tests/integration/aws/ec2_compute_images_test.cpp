// Images and snapshots against moto over real HTTP: create an image from an instance (tagged),
// find it among self-owned images, deregister it; snapshots tagged, described, deleted; and a
// moto started with MOTO_AMIS_PATH that holds Canonical's Ubuntu 24.04 image, found by owner and
// name as hopper looks for it.
#include "aws/ec2/images.hpp"

#include <gtest/gtest.h>

#include "aws/ec2/instances_run.hpp"
#include "aws/ec2/snapshots.hpp"
#include "aws/ec2/volumes.hpp"
#include "support/aws_session.hpp"
#include "support/moto.hpp"
#include "support/temp_dir.hpp"

namespace hopper::aws::ec2 {
namespace {

constexpr const char* k_canonical = "099720109477";
constexpr const char* k_noble_name = "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250101";

class Ec2ComputeImagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
  }
  Client ec2() { return Client(*m_aws->session); }

  std::string launch() {
    auto images = describe_images(
        ec2(), {{k_canonical}, {{"name", {"ubuntu/images/hvm-ssd/ubuntu-xenial-16.04-amd64-server-*"}}}, {}});
    EXPECT_TRUE(images.ok() && !images->empty());
    if (!images.ok() || images->empty()) return "";
    RunInstancesRequest request;
    request.image_id = images->front().id;
    request.instance_type = "t3.micro";
    auto launched = run_instances(ec2(), request);
    EXPECT_TRUE(launched.ok()) << launched.error().message();
    return launched.ok() ? launched->front().id : "";
  }

  std::unique_ptr<test::TestAws> m_aws;
};

TEST_F(Ec2ComputeImagesTest, CreateFromInstanceDescribeSelfOwnedDeregister) {
  const std::string instance_id = launch();
  ASSERT_FALSE(instance_id.empty());
  CreateImageRequest request{instance_id, "hopper-node-1", "baked node", true, {{"owner", "hopper"}}};
  request.tag_snapshots = false;  // moto cannot tag snapshots in CreateImage (see the next test)
  auto image_id = create_image(ec2(), request);
  ASSERT_TRUE(image_id.ok()) << image_id.error().message();
  ASSERT_EQ(image_id->rfind("ami-", 0), 0u) << *image_id;

  auto mine = describe_images(ec2(), {{"self"}, {}, {}});
  ASSERT_TRUE(mine.ok()) << mine.error().message();
  ASSERT_EQ(mine->size(), 1u);
  const Image& image = mine->front();
  EXPECT_EQ(image.id, *image_id);
  EXPECT_EQ(image.name, "hopper-node-1");
  EXPECT_EQ(image.description, "baked node");
  EXPECT_EQ(image.state, "available");
  EXPECT_EQ(image.owner_id, "123456789012");
  EXPECT_EQ(image.architecture, "x86_64");
  EXPECT_FALSE(image.creation_date.empty());
  EXPECT_EQ(image.tags.at("owner"), "hopper");
  ASSERT_EQ(image.snapshot_ids.size(), 1u);

  // The snapshot behind the image is ours and listed.
  auto snapshots = describe_snapshots(ec2(), {"self"}, {}, {image.snapshot_ids[0]});
  ASSERT_TRUE(snapshots.ok()) << snapshots.error().message();
  ASSERT_EQ(snapshots->size(), 1u);
  EXPECT_EQ(snapshots->front().owner_id, "123456789012");

  auto by_name = describe_images(ec2(), {{"self"}, {{"name", {"hopper-node-*"}}}, {}});
  ASSERT_TRUE(by_name.ok()) << by_name.error().message();
  EXPECT_EQ(by_name->size(), 1u);

  ASSERT_TRUE(deregister_image(ec2(), *image_id).ok());
  auto gone = describe_images(ec2(), {{}, {}, {*image_id}});
  // AWS may answer an empty list or InvalidAMIID.NotFound for a deregistered image; moto: empty.
  if (gone.ok()) {
    EXPECT_TRUE(gone->empty());
  } else {
    EXPECT_TRUE(is_not_found(gone.error())) << gone.error().message();
  }
  auto none = describe_images(ec2(), {{"self"}, {}, {}});
  ASSERT_TRUE(none.ok()) << none.error().message();
  EXPECT_TRUE(none->empty());
  // The snapshot outlives the image until deleted.
  ASSERT_TRUE(delete_snapshot(ec2(), image.snapshot_ids[0]).ok());
}

// A moto difference the engine must know: AWS tags the snapshots of CreateImage; moto 5.2
// answers HTTP 500 (NotImplementedError) to a "snapshot" TagSpecification. When moto learns it,
// this test fails: then drop tag_snapshots=false from the tests against moto.
TEST_F(Ec2ComputeImagesTest, MotoCannotTagSnapshotsInCreateImage) {
  const std::string instance_id = launch();
  ASSERT_FALSE(instance_id.empty());
  test::TestAwsOptions options;
  options.session.retry.max_attempts = 1;
  auto once = test::make_test_aws(test::MotoServer::shared().endpoint(), options);
  auto image_id = create_image(Client(*once->session), {instance_id, "tagged", "", true, {{"owner", "hopper"}}});
  ASSERT_FALSE(image_id.ok()) << "moto now tags snapshots in CreateImage: " << *image_id;
  const ApiError* api = api_error(image_id.error());
  ASSERT_NE(api, nullptr) << image_id.error().message();
  EXPECT_EQ(api->http_status, 500);
}

TEST_F(Ec2ComputeImagesTest, UnknownImageIdIsNotFound) {
  auto missing = describe_images(ec2(), {{}, {}, {"ami-0123456789abcdef0"}});
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(is_not_found(missing.error())) << missing.error().message();
}

TEST_F(Ec2ComputeImagesTest, SnapshotsTaggedDescribedDeleted) {
  auto volume = create_volume(ec2(), "eu-west-1a", 5, "gp3", {{"Name", "data"}});
  ASSERT_TRUE(volume.ok()) << volume.error().message();
  QueryParams params;
  params.set("VolumeId", volume->id).set("Description", "pv backup").tag_specification("snapshot", {{"kubernetes.io/cluster/c1", "owned"}});
  auto created = ec2().call("CreateSnapshot", params);
  ASSERT_TRUE(created.ok()) << created.error().message();
  const std::string snapshot_id = codec::text(created->result(), "snapshotId");
  ASSERT_FALSE(snapshot_id.empty());

  auto by_tag = describe_snapshots(ec2(), {"self"}, {{"tag:kubernetes.io/cluster/c1", {"owned"}}});
  ASSERT_TRUE(by_tag.ok()) << by_tag.error().message();
  ASSERT_EQ(by_tag->size(), 1u);
  const Snapshot& snapshot = by_tag->front();
  EXPECT_EQ(snapshot.id, snapshot_id);
  EXPECT_EQ(snapshot.volume_id, volume->id);
  EXPECT_EQ(snapshot.description, "pv backup");
  EXPECT_EQ(snapshot.owner_id, "123456789012");
  EXPECT_EQ(snapshot.volume_size_gib, 5);
  EXPECT_FALSE(snapshot.state.empty());
  EXPECT_EQ(snapshot.tags.at("kubernetes.io/cluster/c1"), "owned");

  ASSERT_TRUE(delete_snapshot(ec2(), snapshot_id).ok());
  auto gone = describe_snapshots(ec2(), {"self"}, {}, {snapshot_id});
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(error_code(gone.error()), "InvalidSnapshot.NotFound");
  EXPECT_TRUE(is_not_found(gone.error()));
}

// A moto difference the engine must know: moto ignores Owner.N in DescribeSnapshots and lists
// every snapshot it holds (those behind its stock AMIs, owned by Amazon and Canonical, too). An
// owner-id or tag filter narrows correctly on both.
TEST_F(Ec2ComputeImagesTest, MotoIgnoresSnapshotOwnersButHonoursOwnerIdFilter) {
  auto volume = create_volume(ec2(), "eu-west-1a", 1, "gp3", {});
  ASSERT_TRUE(volume.ok()) << volume.error().message();
  QueryParams params;
  params.set("VolumeId", volume->id);
  ASSERT_TRUE(ec2().call("CreateSnapshot", params).ok());

  auto self = describe_snapshots(ec2(), {"self"});
  ASSERT_TRUE(self.ok()) << self.error().message();
  std::size_t foreign = 0;
  for (const auto& s : *self) foreign += s.owner_id != "123456789012";
  EXPECT_GT(foreign, 0u) << "moto now honours Owner.N in DescribeSnapshots";

  auto filtered = describe_snapshots(ec2(), {"self"}, {{"owner-id", {"123456789012"}}});
  ASSERT_TRUE(filtered.ok()) << filtered.error().message();
  ASSERT_EQ(filtered->size(), 1u);
  EXPECT_EQ(filtered->front().volume_id, volume->id);
}

TEST(Ec2ComputeImagesAmisPathTest, FindsCanonicalNobleImageByOwnerAndName) {
  test::TempDir dir;
  // One record in the shape of moto's own ec2/resources/amis.json (no creation_date).
  const auto path = dir.write("amis.json", std::string(R"([{
    "ami_id": "ami-0a1b2c3d4e5f60718", "state": "available", "public": true,
    "owner_id": "099720109477",
    "image_location": "amazon/)") + k_noble_name + R"(",
    "sriov": "simple", "root_device_type": "ebs", "root_device_name": "/dev/sda1",
    "description": "Canonical, Ubuntu, 24.04, amd64 noble image build on 2025-01-01",
    "image_type": "machine", "architecture": "x86_64",
    "name": ")" + k_noble_name + R"(",
    "virtualization_type": "hvm", "hypervisor": "xen"
  }, {
    "ami_id": "ami-0fedcba9876543210", "state": "available", "public": true,
    "owner_id": "099720109477",
    "image_location": "amazon/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20250101",
    "sriov": "simple", "root_device_type": "ebs", "root_device_name": "/dev/sda1",
    "description": "Canonical, Ubuntu, 24.04, arm64 noble image", "image_type": "machine",
    "architecture": "arm64",
    "name": "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20250101",
    "virtualization_type": "hvm", "hypervisor": "xen"
  }])");
  auto moto = test::MotoServer::start({{"MOTO_AMIS_PATH", path.string()}});
  ASSERT_NE(moto, nullptr);
  auto aws = test::make_test_aws(moto->endpoint());
  const Client client(*aws->session);

  auto images = describe_images(
      client, {{k_canonical},
               {{"name", {"ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"}}, {"state", {"available"}}},
               {}});
  ASSERT_TRUE(images.ok()) << images.error().message();
  ASSERT_EQ(images->size(), 1u);
  const Image& noble = images->front();
  EXPECT_EQ(noble.id, "ami-0a1b2c3d4e5f60718");
  EXPECT_EQ(noble.name, k_noble_name);
  EXPECT_EQ(noble.owner_id, k_canonical);
  EXPECT_EQ(noble.architecture, "x86_64");
  EXPECT_EQ(noble.root_device_name, "/dev/sda1");
  EXPECT_EQ(noble.root_device_type, "ebs");
  EXPECT_EQ(noble.virtualization_type, "hvm");
  EXPECT_TRUE(noble.is_public);
  EXPECT_FALSE(noble.creation_date.empty());  // moto: the server's start time

  auto arm = describe_images(client, {{k_canonical}, {{"name", {"ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-*"}},
                                                      {"architecture", {"arm64"}}}, {}});
  ASSERT_TRUE(arm.ok()) << arm.error().message();
  ASSERT_EQ(arm->size(), 1u);
  EXPECT_EQ(arm->front().id, "ami-0fedcba9876543210");

  auto other_owner = describe_images(client, {{"137112412989"}, {{"name", {"ubuntu/*"}}}, {}});
  ASSERT_TRUE(other_owner.ok()) << other_owner.error().message();
  EXPECT_TRUE(other_owner->empty());
}

}  // namespace
}  // namespace hopper::aws::ec2

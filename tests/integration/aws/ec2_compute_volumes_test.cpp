// Volumes against moto over real HTTP: a volume planted as Kubernetes' EBS CSI driver leaves it
// (tagged for the cluster and its PVC) is created, found by tag, deleted, and gone.
#include "aws/ec2/volumes.hpp"

#include <gtest/gtest.h>

#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::ec2 {
namespace {

class Ec2ComputeVolumesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
  }
  Client ec2() { return Client(*m_aws->session); }
  std::unique_ptr<test::TestAws> m_aws;
};

const Tags k_pvc_tags = {{"kubernetes.io/cluster/c1", "owned"},
                         {"kubernetes.io/created-for/pvc/name", "data-db-0"},
                         {"kubernetes.io/created-for/pvc/namespace", "default"},
                         {"ebs.csi.aws.com/cluster", "true"}};

TEST_F(Ec2ComputeVolumesTest, CreateDescribeByTagDelete) {
  auto created = create_volume(ec2(), "eu-west-1a", 10, "gp3", k_pvc_tags);
  ASSERT_TRUE(created.ok()) << created.error().message();
  EXPECT_EQ(created->size_gib, 10);
  EXPECT_EQ(created->volume_type, "gp3");
  EXPECT_EQ(created->availability_zone, "eu-west-1a");
  EXPECT_EQ(created->tags, k_pvc_tags);
  ASSERT_TRUE(create_volume(ec2(), "eu-west-1b", 1, "gp2", {{"kubernetes.io/cluster/other", "owned"}}).ok());

  auto found = describe_volumes(ec2(), {{"tag:kubernetes.io/cluster/c1", {"owned", "shared"}}});
  ASSERT_TRUE(found.ok()) << found.error().message();
  ASSERT_EQ(found->size(), 1u);
  const Volume& volume = found->front();
  EXPECT_EQ(volume.id, created->id);
  EXPECT_EQ(volume.state, "available");
  EXPECT_EQ(volume.size_gib, 10);
  EXPECT_FALSE(volume.encrypted);
  EXPECT_TRUE(volume.attachments.empty());
  EXPECT_EQ(volume.tags.at("kubernetes.io/created-for/pvc/name"), "data-db-0");

  ASSERT_TRUE(delete_volume(ec2(), created->id).ok());
  auto gone = describe_volumes(ec2(), {}, {created->id});
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(error_code(gone.error()), "InvalidVolume.NotFound");
  EXPECT_TRUE(is_not_found(gone.error()));
  auto left = describe_volumes(ec2(), {{"tag:kubernetes.io/cluster/c1", {"owned"}}});
  ASSERT_TRUE(left.ok()) << left.error().message();
  EXPECT_TRUE(left->empty());
}

// moto answers DescribeVolumes in one page whatever MaxResults says; the loop still returns all.
TEST_F(Ec2ComputeVolumesTest, ListsMoreVolumesThanOnePage) {
  for (int i = 0; i < 7; ++i) ASSERT_TRUE(create_volume(ec2(), "eu-west-1a", 1, "gp3", {{"batch", "p"}}).ok());
  QueryParams params;
  params.filters({{"tag:batch", {"p"}}});
  auto paged = ec2().paginate<Volume>("DescribeVolumes", params, "volumeSet", decode_volume, 5);
  ASSERT_TRUE(paged.ok()) << paged.error().message();
  EXPECT_EQ(paged->size(), 7u);
  auto all = describe_volumes(ec2(), {{"tag:batch", {"p"}}});
  ASSERT_TRUE(all.ok()) << all.error().message();
  EXPECT_EQ(all->size(), 7u);
}

}  // namespace
}  // namespace hopper::aws::ec2

// Launch templates against moto over real HTTP: create (tagged) → version 2 → make it the default
// → read both versions' settings back exactly (user data in clear) → delete; and a launch from
// the template's settings.
#include "aws/ec2/launch_templates.hpp"

#include <gtest/gtest.h>

#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::ec2 {
namespace {

class Ec2ComputeLaunchTemplatesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
  }
  Client ec2() { return Client(*m_aws->session); }

  static LaunchTemplateData worker_data() {
    LaunchTemplateData data;
    data.image_id = "ami-0a1b2c3d4e5f60718";
    data.instance_type = "t3.large";
    data.key_name = "hopper-admin";
    data.security_group_ids = {"sg-0123456789abcdef0"};
    data.iam_instance_profile_name = "hopper-node";
    data.user_data = "#cloud-config\nruncmd:\n  - kubeadm join 10.0.1.10:6443 --token abc.def\n";
    data.metadata_options = MetadataOptions{"required", 2, "enabled"};
    data.root_volume = BlockDevice{"/dev/sda1", 50, "gp3", true, true};
    data.tags = {{"Name", "c1-worker"}, {"kubernetes.io/cluster/c1", "owned"}};
    return data;
  }

  std::unique_ptr<test::TestAws> m_aws;
};

TEST_F(Ec2ComputeLaunchTemplatesTest, CreateVersionDefaultRoundTripDelete) {
  const LaunchTemplateData v1 = worker_data();
  auto created = create_launch_template(ec2(), "c1-workers", v1, {{"owner", "hopper"}}, "lt-run-42");
  ASSERT_TRUE(created.ok()) << created.error().message();
  EXPECT_EQ(created->name, "c1-workers");
  EXPECT_EQ(created->default_version, 1);
  EXPECT_EQ(created->latest_version, 1);
  EXPECT_EQ(created->tags.at("owner"), "hopper");
  ASSERT_EQ(created->id.rfind("lt-", 0), 0u) << created->id;

  LaunchTemplateData v2 = v1;
  v2.instance_type = "m5.large";
  v2.user_data = "#cloud-config\nruncmd:\n  - echo v2\n";
  v2.metadata_options->http_put_response_hop_limit = 1;
  v2.root_volume->volume_size_gib = 80;
  auto version = create_launch_template_version(ec2(), created->id, v2, "lt-run-42-v2");
  ASSERT_TRUE(version.ok()) << version.error().message();
  EXPECT_EQ(*version, 2);

  auto listed = describe_launch_templates(ec2(), {}, {"c1-workers"});
  ASSERT_TRUE(listed.ok()) << listed.error().message();
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().default_version, 1);
  EXPECT_EQ(listed->front().latest_version, 2);

  ASSERT_TRUE(modify_launch_template_default_version(ec2(), created->id, 2).ok());
  auto by_id = describe_launch_templates(ec2(), {}, {}, {created->id});
  ASSERT_TRUE(by_id.ok()) << by_id.error().message();
  ASSERT_EQ(by_id->size(), 1u);
  EXPECT_EQ(by_id->front().default_version, 2);
  EXPECT_EQ(by_id->front().latest_version, 2);

  // The settings come back exactly as written, user data decoded.
  auto read_v2 = describe_launch_template_version(ec2(), created->id, 2);
  ASSERT_TRUE(read_v2.ok()) << read_v2.error().message();
  EXPECT_EQ(*read_v2, v2);
  EXPECT_EQ(read_v2->user_data, "#cloud-config\nruncmd:\n  - echo v2\n");
  auto read_v1 = describe_launch_template_version(ec2(), created->id, 1);
  ASSERT_TRUE(read_v1.ok()) << read_v1.error().message();
  EXPECT_EQ(*read_v1, v1);

  auto by_tag = describe_launch_templates(ec2(), {{"tag:owner", {"hopper"}}});
  ASSERT_TRUE(by_tag.ok()) << by_tag.error().message();
  ASSERT_EQ(by_tag->size(), 1u);
  EXPECT_EQ(by_tag->front().id, created->id);

  ASSERT_TRUE(delete_launch_template(ec2(), created->id).ok());
  auto gone = describe_launch_templates(ec2(), {}, {}, {created->id});
  // AWS answers InvalidLaunchTemplateId.NotFound; moto answers an empty list.
  if (gone.ok()) {
    EXPECT_TRUE(gone->empty());
  } else {
    EXPECT_TRUE(is_not_found(gone.error())) << gone.error().message();
  }
  auto gone_by_name = describe_launch_templates(ec2(), {}, {"c1-workers"});
  ASSERT_FALSE(gone_by_name.ok());
  EXPECT_EQ(error_code(gone_by_name.error()), "InvalidLaunchTemplateName.NotFoundException");
  EXPECT_TRUE(is_not_found(gone_by_name.error()));
}

TEST_F(Ec2ComputeLaunchTemplatesTest, MinimalDataRoundTrips) {
  LaunchTemplateData data;
  data.image_id = "ami-1";
  data.instance_type = "t3.micro";
  auto created = create_launch_template(ec2(), "minimal", data, {});
  ASSERT_TRUE(created.ok()) << created.error().message();
  auto read = describe_launch_template_version(ec2(), created->id, 1);
  ASSERT_TRUE(read.ok()) << read.error().message();
  EXPECT_EQ(*read, data);
  EXPECT_FALSE(read->metadata_options.has_value());
  EXPECT_FALSE(read->root_volume.has_value());
  EXPECT_FALSE(read->iam_instance_profile_name.has_value());
}

TEST_F(Ec2ComputeLaunchTemplatesTest, DuplicateNameIsRejected) {
  ASSERT_TRUE(create_launch_template(ec2(), "dup", worker_data(), {}).ok());
  auto again = create_launch_template(ec2(), "dup", worker_data(), {});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(error_code(again.error()), "InvalidLaunchTemplateName.AlreadyExistsException");
}

// More templates than moto's default page (15): the listing must still be whole.
TEST_F(Ec2ComputeLaunchTemplatesTest, ListsMoreTemplatesThanOnePage) {
  for (int i = 0; i < 17; ++i) {
    ASSERT_TRUE(create_launch_template(ec2(), "t-" + std::to_string(i), worker_data(), {{"batch", "p"}}).ok());
  }
  auto all = describe_launch_templates(ec2(), {{"tag:batch", {"p"}}});
  ASSERT_TRUE(all.ok()) << all.error().message();
  EXPECT_EQ(all->size(), 17u);
}

}  // namespace
}  // namespace hopper::aws::ec2

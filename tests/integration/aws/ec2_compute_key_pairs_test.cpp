// Key pairs against moto over real HTTP: import (tagged) → describe by name and by tag → delete
// → describe NotFound; a second import of the same name is a duplicate.
#include "aws/ec2/key_pairs.hpp"

#include <gtest/gtest.h>

#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::ec2 {
namespace {

constexpr const char* k_public_key =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILJ1811DR6OkfV+fyWSwpL3TDckLVCAPoVwazhBd2ewo hopper@test";

class Ec2ComputeKeyPairsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
  }
  Client ec2() { return Client(*m_aws->session); }
  std::unique_ptr<test::TestAws> m_aws;
};

TEST_F(Ec2ComputeKeyPairsTest, ImportDescribeDelete) {
  auto imported = import_key_pair(ec2(), "hopper-admin", k_public_key, {{"kubernetes.io/cluster/c1", "owned"}});
  ASSERT_TRUE(imported.ok()) << imported.error().message();
  EXPECT_EQ(imported->name, "hopper-admin");
  EXPECT_FALSE(imported->id.empty());
  EXPECT_FALSE(imported->fingerprint.empty());
  EXPECT_EQ(imported->tags.at("kubernetes.io/cluster/c1"), "owned");

  auto by_name = describe_key_pairs(ec2(), {}, {"hopper-admin"});
  ASSERT_TRUE(by_name.ok()) << by_name.error().message();
  ASSERT_EQ(by_name->size(), 1u);
  EXPECT_EQ(by_name->front().id, imported->id);
  EXPECT_EQ(by_name->front().fingerprint, imported->fingerprint);
  EXPECT_EQ(by_name->front().type, "ed25519");
  EXPECT_EQ(by_name->front().tags.at("kubernetes.io/cluster/c1"), "owned");

  ASSERT_TRUE(import_key_pair(ec2(), "other", k_public_key).ok());
  auto by_tag = describe_key_pairs(ec2(), {{"tag:kubernetes.io/cluster/c1", {"owned"}}});
  ASSERT_TRUE(by_tag.ok()) << by_tag.error().message();
  ASSERT_EQ(by_tag->size(), 1u);
  EXPECT_EQ(by_tag->front().name, "hopper-admin");
  auto all = describe_key_pairs(ec2());
  ASSERT_TRUE(all.ok()) << all.error().message();
  EXPECT_EQ(all->size(), 2u);

  ASSERT_TRUE(delete_key_pair(ec2(), "hopper-admin").ok());
  auto gone = describe_key_pairs(ec2(), {}, {"hopper-admin"});
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(error_code(gone.error()), "InvalidKeyPair.NotFound");
  EXPECT_TRUE(is_not_found(gone.error()));
  // Deleting an unknown name succeeds, as on AWS.
  EXPECT_TRUE(delete_key_pair(ec2(), "hopper-admin").ok());
}

TEST_F(Ec2ComputeKeyPairsTest, SecondImportOfANameIsADuplicate) {
  ASSERT_TRUE(import_key_pair(ec2(), "hopper-admin", k_public_key).ok());
  auto again = import_key_pair(ec2(), "hopper-admin", k_public_key);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(error_code(again.error()), codes::invalid_key_pair_duplicate);
  EXPECT_TRUE(is_already_exists(again.error()));
}

TEST_F(Ec2ComputeKeyPairsTest, GarbageKeyMaterialIsRejected) {
  auto bad = import_key_pair(ec2(), "bad", "not a key");
  ASSERT_FALSE(bad.ok());
  EXPECT_FALSE(error_code(bad.error()).empty()) << bad.error().message();
}

}  // namespace
}  // namespace hopper::aws::ec2

// Key pair requests checked against botocore's EC2 model; answers decoded from AWS-shaped XML.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/ec2/key_pairs.hpp"
#include "codec/base64.hpp"
#include "support/botocore_model.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws {
namespace {

using Harness = encoding::Harness<ec2::Client>;

// The model loads in about a second: once per binary.
const test::BotocoreModel& ec2_model() {
  return encoding::botocore_model("ec2");
}

using encoding::joined;

using encoding::value_of;

constexpr const char* k_public_key =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILJ1811DR6OkfV+fyWSwpL3TDckLVCAPoVwazhBd2ewo hopper@test";

TEST(Ec2ComputeKeyPairsEncodingTest, MatchesTheModel) {
  Harness h;
  const auto& model = ec2_model();
  (void)ec2::describe_key_pairs(h.client, {{"tag:owner", {"hopper"}}}, {"a", "b"});
  EXPECT_EQ(joined(model.check_query("DescribeKeyPairs", h.transport.params())), "");
  EXPECT_EQ(value_of(h.transport.params(), "KeyName.2"), "b");
  (void)ec2::import_key_pair(h.client, "k1", k_public_key, {{"Name", "k1"}, {"owner", "hopper"}});
  const auto params = h.transport.params();
  EXPECT_EQ(joined(model.check_query("ImportKeyPair", params)), "");
  EXPECT_EQ(value_of(params, "PublicKeyMaterial"), codec::base64_encode(k_public_key));
  EXPECT_EQ(value_of(params, "TagSpecification.1.ResourceType"), "key-pair");
  EXPECT_EQ(value_of(params, "TagSpecification.1.Tag.2.Key"), "owner");
  (void)ec2::delete_key_pair(h.client, "k1");
  EXPECT_EQ(joined(model.check_query("DeleteKeyPair", h.transport.params())), "");
  EXPECT_EQ(value_of(h.transport.params(), "KeyName"), "k1");
}

TEST(Ec2ComputeKeyPairsEncodingTest, DecodesAwsAnswers) {
  Harness h;
  h.transport.push(test::RecordingTransport::Answer::ok(R"(<?xml version="1.0" encoding="UTF-8"?>
<DescribeKeyPairsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
  <keySet>
    <item>
      <keyPairId>key-0123456789abcdef0</keyPairId>
      <keyName>hopper-admin</keyName>
      <keyFingerprint>1f:51:ae:28:bf:89:e9:d8:1f:25:5d:37:2d:7d:b8:ca:9f:f5:f1:6f</keyFingerprint>
      <keyType>ed25519</keyType>
      <tagSet><item><key>owner</key><value>hopper</value></item></tagSet>
      <createTime>2025-01-01T10:00:00.000Z</createTime>
    </item>
  </keySet>
</DescribeKeyPairsResponse>)"));
  auto keys = ec2::describe_key_pairs(h.client);
  ASSERT_TRUE(keys.ok()) << keys.error().message();
  ASSERT_EQ(keys->size(), 1u);
  EXPECT_EQ(keys->front().id, "key-0123456789abcdef0");
  EXPECT_EQ(keys->front().name, "hopper-admin");
  EXPECT_EQ(keys->front().fingerprint, "1f:51:ae:28:bf:89:e9:d8:1f:25:5d:37:2d:7d:b8:ca:9f:f5:f1:6f");
  EXPECT_EQ(keys->front().type, "ed25519");
  EXPECT_EQ(keys->front().tags.at("owner"), "hopper");

  h.transport.push(test::RecordingTransport::Answer::ok(R"(<ImportKeyPairResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>
  <keyName>k1</keyName>
  <keyFingerprint>1f:51:ae:28:bf:89:e9:d8:1f:25:5d:37:2d:7d:b8:ca:9f:f5:f1:6f</keyFingerprint>
  <keyPairId>key-0aaaaaaaaaaaaaaaa</keyPairId>
  <tagSet><item><key>Name</key><value>k1</value></item></tagSet>
</ImportKeyPairResponse>)"));
  auto imported = ec2::import_key_pair(h.client, "k1", k_public_key, {{"Name", "k1"}});
  ASSERT_TRUE(imported.ok()) << imported.error().message();
  EXPECT_EQ(imported->id, "key-0aaaaaaaaaaaaaaaa");
  EXPECT_EQ(imported->name, "k1");
  EXPECT_EQ(imported->tags.at("Name"), "k1");
  EXPECT_EQ(imported->type, "");

  h.transport.push(test::RecordingTransport::Answer::ok(
      R"(<Response><Errors><Error><Code>InvalidKeyPair.NotFound</Code><Message>The key pair 'x' does not exist</Message></Error></Errors><RequestID>r</RequestID></Response>)",
      400));
  auto missing = ec2::describe_key_pairs(h.client, {}, {"x"});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(error_code(missing.error()), "InvalidKeyPair.NotFound");
  EXPECT_TRUE(is_not_found(missing.error()));
}

}  // namespace
}  // namespace hopper::aws

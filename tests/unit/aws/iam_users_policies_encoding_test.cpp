// IAM user, access key and user policy requests checked against botocore's model; answers
// decoded; CreateAccessKey never retried after an ambiguous failure.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/iam/users_policies.hpp"
#include "support/botocore_model.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws::iam {
namespace {

using Harness = encoding::Harness<Client>;

using encoding::joined;

TEST(IamUsersPoliciesEncodingTest, MatchesTheModel) {
  Harness h;
  const test::BotocoreModel model("iam");
  (void)create_user(h.client, "u", "/hopper/", {{"purpose", "ci"}});
  EXPECT_EQ(joined(model.check_query("CreateUser", h.transport.params())), "");
  (void)create_access_key(h.client, "u");
  EXPECT_EQ(joined(model.check_query("CreateAccessKey", h.transport.params())), "");
  (void)put_user_policy(h.client, "u", "p", "{}");
  EXPECT_EQ(joined(model.check_query("PutUserPolicy", h.transport.params())), "");
  (void)delete_user_policy(h.client, "u", "p");
  EXPECT_EQ(joined(model.check_query("DeleteUserPolicy", h.transport.params())), "");
  (void)delete_access_key(h.client, "u", "AKIAEXAMPLE");
  EXPECT_EQ(joined(model.check_query("DeleteAccessKey", h.transport.params())), "");
  (void)delete_user(h.client, "u");
  EXPECT_EQ(joined(model.check_query("DeleteUser", h.transport.params())), "");
}

TEST(IamUsersPoliciesEncodingTest, DecodesAwsAnswers) {
  Harness h;
  h.transport.push(test::RecordingTransport::Answer::ok(R"(<CreateUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
  <CreateUserResult><User><Path>/hopper/</Path><UserName>Bob</UserName><UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
  <Arn>arn:aws:iam::123456789012:user/hopper/Bob</Arn></User></CreateUserResult>
  <ResponseMetadata><RequestId>7a62c49f</RequestId></ResponseMetadata></CreateUserResponse>)"));
  auto user = create_user(h.client, "Bob", "/hopper/");
  ASSERT_TRUE(user.ok()) << user.error().message();
  EXPECT_EQ(user->name, "Bob");
  EXPECT_EQ(user->id, "AIDACKCEVSQ6C2EXAMPLE");
  EXPECT_EQ(user->arn, "arn:aws:iam::123456789012:user/hopper/Bob");
  EXPECT_EQ(user->path, "/hopper/");

  h.transport.push(test::RecordingTransport::Answer::ok(R"(<CreateAccessKeyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
  <CreateAccessKeyResult><AccessKey><UserName>Bob</UserName><AccessKeyId>AKIAIOSFODNN7EXAMPLE</AccessKeyId>
  <Status>Active</Status><SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey></AccessKey>
  </CreateAccessKeyResult><ResponseMetadata><RequestId>7a62c49f</RequestId></ResponseMetadata></CreateAccessKeyResponse>)"));
  auto key = create_access_key(h.client, "Bob");
  ASSERT_TRUE(key.ok()) << key.error().message();
  EXPECT_EQ(key->user_name, "Bob");
  EXPECT_EQ(key->access_key_id, "AKIAIOSFODNN7EXAMPLE");
  EXPECT_EQ(key->secret_access_key, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY");
  EXPECT_EQ(key->status, "Active");

  // An answer without a key is an error, not an empty credential.
  auto empty = create_access_key(h.client, "Bob");
  ASSERT_FALSE(empty.ok());
}

TEST(IamUsersPoliciesEncodingTest, CreateAccessKeyIsNotRetriedAfterADroppedConnection) {
  Harness h;
  h.transport.push(test::RecordingTransport::Answer::fail(net::TransportError::Kind::dropped));
  auto key = create_access_key(h.client, "Bob");
  ASSERT_FALSE(key.ok());
  EXPECT_EQ(h.transport.requests().size(), 1u);

  // A name-keyed create is retried: a repeat would answer EntityAlreadyExists.
  Harness u;
  u.transport.push(test::RecordingTransport::Answer::fail(net::TransportError::Kind::dropped));
  (void)create_user(u.client, "Bob");
  EXPECT_EQ(u.transport.requests().size(), 2u);
}

}  // namespace
}  // namespace hopper::aws::iam

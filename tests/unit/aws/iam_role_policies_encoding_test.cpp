// IAM role policy requests checked against botocore's model, and their answers decoded.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/iam/role_policies.hpp"
#include "support/botocore_model.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws::iam {
namespace {

using Harness = encoding::Harness<Client>;

using encoding::joined;

TEST(IamRolePoliciesEncodingTest, MatchesTheModel) {
  Harness h;
  const test::BotocoreModel model("iam");
  (void)put_role_policy(h.client, "r", "p", R"({"Version":"2012-10-17","Statement":[]})");
  EXPECT_EQ(joined(model.check_query("PutRolePolicy", h.transport.params())), "");
  (void)get_role_policy(h.client, "r", "p");
  EXPECT_EQ(joined(model.check_query("GetRolePolicy", h.transport.params())), "");
  (void)list_role_policies(h.client, "r", 10);
  EXPECT_EQ(joined(model.check_query("ListRolePolicies", h.transport.params())), "");
  (void)delete_role_policy(h.client, "r", "p");
  EXPECT_EQ(joined(model.check_query("DeleteRolePolicy", h.transport.params())), "");
  (void)list_attached_role_policies(h.client, "r", 10);
  EXPECT_EQ(joined(model.check_query("ListAttachedRolePolicies", h.transport.params())), "");
  (void)attach_role_policy(h.client, "r", "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
  EXPECT_EQ(joined(model.check_query("AttachRolePolicy", h.transport.params())), "");
  (void)detach_role_policy(h.client, "r", "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
  EXPECT_EQ(joined(model.check_query("DetachRolePolicy", h.transport.params())), "");
}

TEST(IamRolePoliciesEncodingTest, DecodesAwsAnswers) {
  Harness h;
  h.transport.push(test::RecordingTransport::Answer::ok(
      R"(<GetRolePolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetRolePolicyResult>)"
      R"(<PolicyName>join</PolicyName><RoleName>c1-nodes</RoleName>)"
      R"(<PolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22ssm%3AGetParameter%22%2C%22Resource%22%3A%22%2A%22%7D%7D</PolicyDocument>)"
      R"(</GetRolePolicyResult><ResponseMetadata><RequestId>7e7cd8bc</RequestId></ResponseMetadata></GetRolePolicyResponse>)"));
  auto document = get_role_policy(h.client, "c1-nodes", "join");
  ASSERT_TRUE(document.ok()) << document.error().message();
  EXPECT_EQ(*document,
            R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ssm:GetParameter","Resource":"*"}})");

  h.transport.push(test::RecordingTransport::Answer::ok(
      R"(<ListRolePoliciesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListRolePoliciesResult>)"
      R"(<PolicyNames><member>CloudwatchPutMetricPolicy</member><member>S3AccessPolicy</member></PolicyNames>)"
      R"(<IsTruncated>false</IsTruncated></ListRolePoliciesResult></ListRolePoliciesResponse>)"));
  auto names = list_role_policies(h.client, "c1-nodes");
  ASSERT_TRUE(names.ok()) << names.error().message();
  EXPECT_EQ(*names, (std::vector<std::string>{"CloudwatchPutMetricPolicy", "S3AccessPolicy"}));

  h.transport.push(test::RecordingTransport::Answer::ok(
      R"(<ListAttachedRolePoliciesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListAttachedRolePoliciesResult>)"
      R"(<AttachedPolicies><member><PolicyName>ReadOnlyAccess</PolicyName><PolicyArn>arn:aws:iam::aws:policy/ReadOnlyAccess</PolicyArn></member></AttachedPolicies>)"
      R"(<IsTruncated>false</IsTruncated></ListAttachedRolePoliciesResult></ListAttachedRolePoliciesResponse>)"));
  auto attached = list_attached_role_policies(h.client, "c1-nodes");
  ASSERT_TRUE(attached.ok()) << attached.error().message();
  ASSERT_EQ(attached->size(), 1u);
  EXPECT_EQ(attached->front().name, "ReadOnlyAccess");
  EXPECT_EQ(attached->front().arn, "arn:aws:iam::aws:policy/ReadOnlyAccess");
}

TEST(IamRolePoliciesEncodingTest, DeleteConflictIsADependencyViolation) {
  Harness h;
  h.transport.push(test::RecordingTransport::Answer::ok(
      R"(<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>DeleteConflict</Code>)"
      R"(<Message>Cannot delete entity, must delete policies first.</Message></Error><RequestId>x</RequestId></ErrorResponse>)",
      409));
  auto deleted = delete_role_policy(h.client, "r", "p");
  ASSERT_FALSE(deleted.ok());
  EXPECT_TRUE(is_dependency_violation(deleted.error()));
  EXPECT_EQ(h.transport.requests().size(), 1u);  // not retried
}

}  // namespace
}  // namespace hopper::aws::iam

#include "aws/ssm/parameters.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::ssm {
namespace {

class SsmParametersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
  }
  Client ssm() { return Client(*m_aws->session); }
  std::unique_ptr<test::TestAws> m_aws;
};

TEST_F(SsmParametersTest, SecureStringPutGetOverwriteDelete) {
  PutParameterRequest put;
  put.name = "/hopper/c1/join-token";
  put.value = "abcdef.0123456789abcdef";
  put.type = "SecureString";
  put.description = "kubeadm join token";
  put.tags = {{"kubernetes.io/cluster/c1", "owned"}};
  auto version = put_parameter(ssm(), put);
  ASSERT_TRUE(version.ok()) << version.error().message();
  EXPECT_EQ(*version, 1);

  auto clear = get_parameter(ssm(), put.name, true);
  ASSERT_TRUE(clear.ok()) << clear.error().message();
  EXPECT_EQ(clear->name, put.name);
  EXPECT_EQ(clear->type, "SecureString");
  EXPECT_EQ(clear->value, put.value);
  EXPECT_EQ(clear->version, 1);
  EXPECT_NE(clear->arn.find(":parameter/hopper/c1/join-token"), std::string::npos) << clear->arn;
  EXPECT_EQ(clear->last_modified.size(), 20u) << clear->last_modified;  // 2024-05-01T10:20:30Z
  EXPECT_EQ(clear->data_type, "text");
  auto hidden = get_parameter(ssm(), put.name, false);
  ASSERT_TRUE(hidden.ok());
  EXPECT_NE(hidden->value, put.value);  // ciphertext without decryption

  auto tags = list_parameter_tags(ssm(), put.name);
  ASSERT_TRUE(tags.ok()) << tags.error().message();
  EXPECT_EQ(*tags, (Tags{{"kubernetes.io/cluster/c1", "owned"}}));

  // Without overwrite a second put is refused; with it the version goes up (tags not resent).
  auto refused = put_parameter(ssm(), put);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(error_code(refused.error()), "ParameterAlreadyExists");
  EXPECT_TRUE(is_already_exists(refused.error()));
  put.value = "ghijkl.0123456789abcdef";
  put.overwrite = true;
  version = put_parameter(ssm(), put);
  ASSERT_TRUE(version.ok()) << version.error().message();
  EXPECT_EQ(*version, 2);
  clear = get_parameter(ssm(), put.name, true);
  ASSERT_TRUE(clear.ok());
  EXPECT_EQ(clear->value, "ghijkl.0123456789abcdef");
  EXPECT_EQ(clear->version, 2);
  ASSERT_TRUE(add_parameter_tags(ssm(), put.name, {{"rotated", "yes"}}).ok());
  tags = list_parameter_tags(ssm(), put.name);
  ASSERT_TRUE(tags.ok());
  EXPECT_EQ(tags->size(), 2u);

  ASSERT_TRUE(delete_parameter(ssm(), put.name).ok());
  auto gone = get_parameter(ssm(), put.name, true);
  ASSERT_FALSE(gone.ok());
  EXPECT_TRUE(is_not_found(gone.error())) << gone.error().message();
  EXPECT_EQ(error_code(gone.error()), "ParameterNotFound");
  auto again = delete_parameter(ssm(), put.name);
  ASSERT_FALSE(again.ok());
  EXPECT_TRUE(is_not_found(again.error()));
}

TEST_F(SsmParametersTest, ByPathPagesAndBatchDelete) {
  std::vector<std::string> names;
  for (int i = 0; i < 13; ++i) {
    names.push_back("/hopper/c1/pki/cert-" + std::to_string(i));
    ASSERT_TRUE(put_parameter(ssm(), {names.back(), "value-" + std::to_string(i), "String"}).ok());
  }
  names.push_back("/hopper/c1/deep/er/x");
  ASSERT_TRUE(put_parameter(ssm(), {names.back(), "deep", "SecureString"}).ok());
  ASSERT_TRUE(put_parameter(ssm(), {"/hopper/c2/other", "no", "String"}).ok());

  int calls = 0;
  m_aws->session->set_observer([&](const CallRecord& r) { calls += r.action == "GetParametersByPath"; });
  auto one_level = get_parameters_by_path(ssm(), "/hopper/c1/pki", false, true);
  ASSERT_TRUE(one_level.ok()) << one_level.error().message();
  EXPECT_EQ(one_level->size(), 13u);
  EXPECT_GE(calls, 2);  // at most 10 a page
  auto all = get_parameters_by_path(ssm(), "/hopper/c1", true, true);
  ASSERT_TRUE(all.ok()) << all.error().message();
  EXPECT_EQ(all->size(), 14u);
  const auto deep = std::find_if(all->begin(), all->end(), [](const Parameter& p) { return p.name == "/hopper/c1/deep/er/x"; });
  ASSERT_NE(deep, all->end());
  EXPECT_EQ(deep->value, "deep");

  auto described = describe_parameters(ssm(), {{"Name", "BeginsWith", {"/hopper/c1/"}}}, 5);
  ASSERT_TRUE(described.ok()) << described.error().message();
  EXPECT_EQ(described->size(), 14u);
  auto secure = describe_parameters(ssm(), {{"Type", "Equals", {"SecureString"}}});
  ASSERT_TRUE(secure.ok()) << secure.error().message();
  ASSERT_EQ(secure->size(), 1u);
  EXPECT_EQ(secure->front().name, "/hopper/c1/deep/er/x");
  EXPECT_EQ(secure->front().version, 1);

  names.push_back("/hopper/c1/never-was");
  auto deleted = delete_parameters(ssm(), names);
  ASSERT_TRUE(deleted.ok()) << deleted.error().message();
  EXPECT_EQ(deleted->deleted.size(), 14u);
  EXPECT_EQ(deleted->invalid, std::vector<std::string>{"/hopper/c1/never-was"});
  auto empty = get_parameters_by_path(ssm(), "/hopper/c1", true, false);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

TEST_F(SsmParametersTest, MissingParameterIsNotFound) {
  auto missing = get_parameter(ssm(), "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id", false);
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(is_not_found(missing.error())) << missing.error().message();
  EXPECT_EQ(api_error(missing.error())->http_status, 400);
}

}  // namespace
}  // namespace hopper::aws::ssm

// IAM users, keys and user policies; and, with a moto that checks signatures and policies
// (INITIAL_NO_AUTH_ACTION_COUNT), what a restricted or mis-keyed caller gets back.
#include "aws/iam/users_policies.hpp"

#include <gtest/gtest.h>

#include "aws/iam/roles.hpp"
#include "aws/ssm/parameters.hpp"
#include "aws/sts/caller_identity.hpp"
#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::iam {
namespace {

// moto checks Resource only for IAM, STS and SQS; for SSM the resource is always "*", so a
// per-parameter Resource would deny everything there. The restriction is by action.
constexpr const char* k_reader_policy =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameter","Resource":"*"}]})";

class IamUsersPoliciesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
  }
  Client iam() { return Client(*m_aws->session); }
  std::unique_ptr<test::TestAws> m_aws;
};

TEST_F(IamUsersPoliciesTest, UserKeyPolicyLifecycle) {
  auto user = create_user(iam(), "ci", "/hopper/", {{"purpose", "test"}});
  ASSERT_TRUE(user.ok()) << user.error().message();
  EXPECT_EQ(user->name, "ci");
  EXPECT_NE(user->arn.find(":user/hopper/ci"), std::string::npos) << user->arn;
  auto key = create_access_key(iam(), "ci");
  ASSERT_TRUE(key.ok()) << key.error().message();
  EXPECT_EQ(key->user_name, "ci");
  EXPECT_EQ(key->status, "Active");
  EXPECT_FALSE(key->secret_access_key.empty());
  ASSERT_TRUE(put_user_policy(iam(), "ci", "reader", k_reader_policy).ok());

  auto blocked = delete_user(iam(), "ci");
  ASSERT_FALSE(blocked.ok());
  EXPECT_TRUE(is_dependency_violation(blocked.error())) << blocked.error().message();

  ASSERT_TRUE(delete_user_policy(iam(), "ci", "reader").ok());
  ASSERT_TRUE(delete_access_key(iam(), "ci", key->access_key_id).ok());
  ASSERT_TRUE(delete_user(iam(), "ci").ok());
  auto gone = delete_user(iam(), "ci");
  ASSERT_FALSE(gone.ok());
  EXPECT_TRUE(is_not_found(gone.error())) << gone.error().message();
}

// The unauthenticated calls this test spends before moto starts checking: CreateUser,
// CreateAccessKey, PutUserPolicy, and two PutParameter.
constexpr int k_setup_calls = 5;

class IamAuthorisationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_moto = test::MotoServer::start({{"INITIAL_NO_AUTH_ACTION_COUNT", std::to_string(k_setup_calls)}}).release();
  }
  static void TearDownTestSuite() {
    delete s_moto;
    s_moto = nullptr;
  }
  static test::MotoServer* s_moto;
};
test::MotoServer* IamAuthorisationTest::s_moto = nullptr;

TEST_F(IamAuthorisationTest, SignedAsRestrictedUser) {
  auto admin = test::make_test_aws(s_moto->endpoint());
  const Client iam(*admin->session);
  const ssm::Client admin_ssm(*admin->session);
  ASSERT_TRUE(create_user(iam, "reader").ok());
  auto key = create_access_key(iam, "reader");
  ASSERT_TRUE(key.ok()) << key.error().message();
  ASSERT_TRUE(put_user_policy(iam, "reader", "read-one", k_reader_policy).ok());
  ASSERT_TRUE(ssm::put_parameter(admin_ssm, {"/hopper/c1/join-token", "abc.0123456789abcdef", "SecureString"}).ok());
  ASSERT_TRUE(ssm::put_parameter(admin_ssm, {"/hopper/c1/ca-key", "-----BEGIN KEY-----", "SecureString"}).ok());

  // From here on every call must be signed by a moto user and allowed by its policies.
  auto reader = test::make_test_aws(s_moto->endpoint(), {.access_key_id = key->access_key_id,
                                                         .secret_access_key = key->secret_access_key});
  const ssm::Client reader_ssm(*reader->session);
  auto token = ssm::get_parameter(reader_ssm, "/hopper/c1/join-token", true);
  ASSERT_TRUE(token.ok()) << token.error().message();
  EXPECT_EQ(token->value, "abc.0123456789abcdef");

  // STS GetCallerIdentity needs no permission and names the user.
  auto identity = sts::get_caller_identity(*reader->session);
  ASSERT_TRUE(identity.ok()) << identity.error().message();
  EXPECT_NE(identity->arn.find(":user/reader"), std::string::npos) << identity->arn;

  // An action the policy does not allow, over the query protocol (XML error body).
  auto roles = list_roles(Client(*reader->session));
  ASSERT_FALSE(roles.ok());
  EXPECT_EQ(error_code(roles.error()), "AccessDenied") << roles.error().message();
  EXPECT_EQ(api_error(roles.error())->http_status, 403);
  EXPECT_EQ(roles.error().exit_code(), util::ExitCode::credentials);
  EXPECT_TRUE(is_auth_failure(roles.error()));

  // An action the policy does not allow, over SSM's JSON protocol. AWS answers JSON
  // ({"__type":"AccessDeniedException"}); moto answers its XML <ErrorResponse> with 403 even
  // here, which the Session's JSON error decoder does not read yet (code "HTTP403", exit code
  // failed): see the AWS-layer report. The denial itself is real.
  auto write = ssm::put_parameter(reader_ssm, {"/hopper/c1/join-token", "forged", "SecureString", "", true});
  ASSERT_FALSE(write.ok());
  EXPECT_EQ(api_error(write.error())->http_status, 403) << write.error().message();
  EXPECT_NE(write.error().message().find("AccessDenied"), std::string::npos) << write.error().message();
  auto still = ssm::get_parameter(reader_ssm, "/hopper/c1/join-token", true);
  ASSERT_TRUE(still.ok()) << still.error().message();
  EXPECT_EQ(still->value, "abc.0123456789abcdef");

  // The right key id with a wrong secret: the signature does not match.
  auto forged = test::make_test_aws(s_moto->endpoint(), {.access_key_id = key->access_key_id,
                                                         .secret_access_key = "not-the-secret"});
  auto bad_signature = list_roles(Client(*forged->session));
  ASSERT_FALSE(bad_signature.ok());
  EXPECT_EQ(error_code(bad_signature.error()), "SignatureDoesNotMatch") << bad_signature.error().message();
  EXPECT_EQ(bad_signature.error().exit_code(), util::ExitCode::credentials);
  EXPECT_TRUE(is_auth_failure(bad_signature.error()));
  auto bad_signature_ssm = ssm::get_parameter(ssm::Client(*forged->session), "/hopper/c1/join-token", true);
  ASSERT_FALSE(bad_signature_ssm.ok());
  EXPECT_EQ(api_error(bad_signature_ssm.error())->http_status, 403);
  EXPECT_NE(bad_signature_ssm.error().message().find("SignatureDoesNotMatch"), std::string::npos)
      << bad_signature_ssm.error().message();

  // A key moto never issued.
  auto stranger = test::make_test_aws(s_moto->endpoint(), {.access_key_id = "AKIAUNKNOWNUNKNOWN00",
                                                           .secret_access_key = "whatever"});
  auto unknown = list_roles(Client(*stranger->session));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(error_code(unknown.error()), "InvalidClientTokenId") << unknown.error().message();
  EXPECT_EQ(unknown.error().exit_code(), util::ExitCode::credentials);
}

}  // namespace
}  // namespace hopper::aws::iam

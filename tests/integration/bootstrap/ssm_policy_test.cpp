// The boot scripts' own SigV4 requests against moto with signature and IAM checks on
// (INITIAL_NO_AUTH_ACTION_COUNT): with the node role's policy (model::policies::node_parameters)
// the script reads the join token and is denied the CA key; with the control plane's it reads
// both and may overwrite the token. moto 5.2 authorises SSM against the resource "*" only, so the
// server runs with tests/testdata/bootstrap/moto_resource_arns on PYTHONPATH, which hands moto's
// own policy evaluation the parameter's ARN, as AWS does.
#include <gtest/gtest.h>

#include "aws/iam/role_policies.hpp"
#include "aws/iam/roles.hpp"
#include "aws/ssm/parameters.hpp"
#include "bootstrap/node_files.hpp"
#include "bootstrap/scripts/scripts.hpp"
#include "integration/bootstrap/boot_harness.hpp"
#include "model/builders/iam_policies.hpp"
#include "support/aws_session.hpp"
#include "support/moto.hpp"
#include "unit/bootstrap/bootstrap_test_support.hpp"

namespace hopper::bootstrap {
namespace {

struct RoleCredentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;
};

// The calls made before moto starts checking: 2 parameters, then 3 per role.
constexpr int k_setup_calls = 2 + 3 + 3;

class SsmPolicyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_moto = test::MotoServer::start(
        {{"INITIAL_NO_AUTH_ACTION_COUNT", std::to_string(k_setup_calls)},
         {"PYTHONPATH", std::string(HOPPER_SOURCE_DIR) + "/tests/testdata/bootstrap/moto_resource_arns"}});
    ASSERT_NE(s_moto, nullptr);
    s_aws = test::make_test_aws(s_moto->endpoint());
    const auto& secrets = test::shared_secrets();
    const aws::ssm::Client ssm(*s_aws->session);
    for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
             {"/hopper/demo/bootstrap/ca.key", secrets.ca_key_pem},
             {"/hopper/demo/bootstrap/join-token", secrets.join_token}}) {
      aws::ssm::PutParameterRequest request;
      request.name = name;
      request.value = value;
      ASSERT_TRUE(aws::ssm::put_parameter(ssm, request).ok());
    }
    model::ClusterIdentity cluster;
    cluster.name = "demo";
    cluster.region = "eu-west-1";
    cluster.account_id = "123456789012";
    s_node = role("node", model::policies::node_parameters(cluster));
    s_control_plane = role("control-plane", model::policies::control_plane_parameters(cluster));
  }
  static void TearDownTestSuite() {
    s_aws.reset();
    s_moto.reset();
  }

  // A role with `policy` as its only inline policy, assumed (as EC2 would for the instance).
  static RoleCredentials role(const std::string& suffix, const std::string& policy) {
    const aws::iam::Client iam(*s_aws->session);
    aws::iam::CreateRoleRequest create;
    create.name = "demo-eu-west-1-" + suffix;
    create.assume_role_policy_document = model::policies::ec2_trust();
    const auto made = aws::iam::create_role(iam, create);
    EXPECT_TRUE(made) << made.error().message();
    EXPECT_TRUE(aws::iam::put_role_policy(iam, create.name, "bootstrap-parameters", policy).ok());
    aws::QueryParams params;
    params.set("RoleArn", made ? made->arn : "").set("RoleSessionName", "i-0test");
    const auto assumed = s_aws->session->query(aws::Service::sts, "AssumeRole", params);
    EXPECT_TRUE(assumed) << assumed.error().message();
    if (!assumed) return {};
    const auto credentials = assumed->result().child("Credentials");
    return {credentials.child_value("AccessKeyId"), credentials.child_value("SecretAccessKey"),
            credentials.child_value("SessionToken")};
  }

  // Runs `command` in bash with cluster.env and lib.sh sourced, as `credentials` from the fake IMDS.
  util::ProcessResult as_instance(const RoleCredentials& credentials, const std::string& command) {
    test::FakeImds imds;
    imds.set_credentials("instance-role", credentials.access_key_id, credentials.secret_access_key,
                         credentials.session_token);
    const spec::ClusterSpec spec = test::demo_spec();
    const auto env = cluster_env(spec, make_render_context(spec, "123456789012"), Packages::install);
    EXPECT_TRUE(env);
    test::TempDir dir;
    const auto env_path = dir.write("cluster.env", env ? *env : "");
    const auto lib_path = dir.write("lib.sh", std::string(scripts::lib_sh()));
    util::ProcessOptions options;
    options.env["HOPPER_IMDS_ENDPOINT"] = imds.endpoint();
    options.env["HOPPER_SSM_ENDPOINT"] = s_moto->endpoint();
    options.env["PATH"] = "/usr/bin:/bin";
    return test::run_program(
        {"bash", "-c", ". '" + env_path.string() + "' && . '" + lib_path.string() + "' && " + command}, options);
  }

  static inline std::unique_ptr<test::MotoServer> s_moto;
  static inline std::unique_ptr<test::TestAws> s_aws;
  static inline RoleCredentials s_node;
  static inline RoleCredentials s_control_plane;
};

TEST_F(SsmPolicyTest, NodeRoleReadsTheJoinTokenOnly) {
  ASSERT_FALSE(s_node.session_token.empty()) << "AssumeRole gave temporary credentials";
  const auto token = as_instance(s_node, "ssm_get bootstrap/join-token");
  EXPECT_EQ(token.exit_code, 0) << token.err;
  EXPECT_EQ(token.out, test::shared_secrets().join_token);

  const auto key = as_instance(s_node, "ssm_get bootstrap/ca.key");
  EXPECT_NE(key.exit_code, 0);
  EXPECT_EQ(key.out, "") << "nothing of the key";
  EXPECT_NE(key.err.find("AmazonSSM.GetParameter"), std::string::npos) << key.err;
  // AWS answers 400 AccessDeniedException; moto 403 AccessDenied. Either way the log says so.
  EXPECT_TRUE(key.err.find("HTTP 400") != std::string::npos || key.err.find("HTTP 403") != std::string::npos) << key.err;
  EXPECT_NE(key.err.find("AccessDenied"), std::string::npos) << key.err;
  EXPECT_NE(key.err.find("ssm:GetParameter"), std::string::npos) << key.err;

  const auto put = as_instance(s_node, "ssm_put_secure bootstrap/join-token abcdef.0123456789abcdef");
  EXPECT_NE(put.exit_code, 0) << "workers may not replace the token";
  EXPECT_NE(put.err.find("AccessDenied"), std::string::npos) << put.err;
}

TEST_F(SsmPolicyTest, ControlPlaneRoleReadsTheCaKeyAndRefreshesTheToken) {
  const auto key = as_instance(s_control_plane, "ssm_get bootstrap/ca.key");
  EXPECT_EQ(key.exit_code, 0) << key.err;
  EXPECT_EQ(key.out, test::shared_secrets().ca_key_pem) << "the PEM as stored, its final newline included";
  const auto put = as_instance(s_control_plane, "ssm_put_secure bootstrap/join-token zzzzzz.0123456789zzzzzz");
  EXPECT_EQ(put.exit_code, 0) << put.err;
  const auto token = as_instance(s_control_plane, "ssm_get bootstrap/join-token");
  EXPECT_EQ(token.out, "zzzzzz.0123456789zzzzzz");
  // Put it back for the other test.
  EXPECT_EQ(as_instance(s_control_plane, "ssm_put_secure bootstrap/join-token " + test::shared_secrets().join_token)
                .exit_code,
            0);
}

TEST_F(SsmPolicyTest, SignaturesAreReallyChecked) {
  RoleCredentials wrong = s_control_plane;
  wrong.secret_access_key = "not-the-secret";
  const auto result = as_instance(wrong, "ssm_get bootstrap/join-token");
  EXPECT_NE(result.exit_code, 0);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("Signature"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace hopper::bootstrap

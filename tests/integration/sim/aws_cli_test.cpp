// The real AWS CLI against `hopper sim serve`: it must parse every answer, and see AWS's errors.
#include <nlohmann/json.hpp>

#include "sim_server.hpp"
#include "util/process.hpp"

namespace hopper::sim::test {
namespace {

struct Cli {
  const SimServer& server;
  util::ProcessResult run(std::vector<std::string> args, const std::map<std::string, std::string>& extra = {}) const {
    std::vector<std::string> argv{aws_cli(), "--endpoint-url", server.endpoint(), "--region", "eu-west-1", "--output", "json"};
    argv.insert(argv.end(), args.begin(), args.end());
    util::ProcessOptions options;
    for (const auto& [k, v] : server.cli_env()) options.env[k] = v;
    for (const auto& [k, v] : extra) options.env[k] = v;
    options.timeout = std::chrono::minutes(2);
    auto result = util::run_process(argv, options);
    EXPECT_TRUE(result.ok());
    return result.ok() ? *result : util::ProcessResult{};
  }
  nlohmann::json json(std::vector<std::string> args) const {
    const auto result = run(std::move(args));
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out.empty() ? nlohmann::json::object() : nlohmann::json::parse(result.out, nullptr, false);
  }
};

TEST(AwsCliTest, ParsesAnswersOfEveryServiceAndSeesAwsErrors) {
  ASSERT_FALSE(aws_cli().empty());
  SimServer server({"--request-log", "/tmp/hopper-sim-cli-test.log"});
  Cli cli{server};
  EXPECT_EQ(cli.json({"sts", "get-caller-identity"})["Account"], "123456789012");
  const auto vpc = cli.json({"ec2", "create-vpc", "--cidr-block", "10.4.0.0/16", "--tag-specifications",
                             "ResourceType=vpc,Tags=[{Key=Name,Value=cli}]"});
  const std::string vpc_id = vpc["Vpc"]["VpcId"];
  EXPECT_EQ(vpc_id.rfind("vpc-", 0), 0u);
  const auto vpcs = cli.json({"ec2", "describe-vpcs", "--filters", "Name=tag:Name,Values=cli"});
  ASSERT_EQ(vpcs["Vpcs"].size(), 1u);
  EXPECT_EQ(vpcs["Vpcs"][0]["Tags"][0]["Value"], "cli");
  const auto zones = cli.json({"ec2", "describe-availability-zones"});
  EXPECT_EQ(zones["AvailabilityZones"].size(), 3u);
  cli.json({"iam", "create-role", "--role-name", "r1", "--assume-role-policy-document", "{\"Version\":\"2012-10-17\",\"Statement\":[]}"});
  EXPECT_EQ(cli.json({"iam", "get-role", "--role-name", "r1"})["Role"]["AssumeRolePolicyDocument"]["Version"], "2012-10-17");
  cli.json({"ssm", "put-parameter", "--name", "/a/b", "--value", "v", "--type", "SecureString"});
  EXPECT_EQ(cli.json({"ssm", "get-parameter", "--name", "/a/b", "--with-decryption"})["Parameter"]["Value"], "v");
  EXPECT_FALSE(cli.json({"ssm", "get-parameter", "--name",
                         "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id"})["Parameter"]["Value"]
                   .get<std::string>().empty());
  EXPECT_TRUE(cli.json({"autoscaling", "describe-auto-scaling-groups"})["AutoScalingGroups"].is_array());
  EXPECT_TRUE(cli.json({"elbv2", "describe-load-balancers"})["LoadBalancers"].is_array());

  const auto missing = cli.run({"ec2", "describe-vpcs", "--vpc-ids", "vpc-0000000000000000a"});
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find("InvalidVpcID.NotFound"), std::string::npos) << missing.err;
  const auto wrong = cli.run({"ec2", "describe-vpcs"}, {{"AWS_SECRET_ACCESS_KEY", "wrong"}});
  EXPECT_NE(wrong.err.find("AuthFailure"), std::string::npos) << wrong.err;
  const auto conflict = cli.run({"ec2", "delete-vpc", "--vpc-id", "vpc-0000000000000000a"});
  EXPECT_NE(conflict.err.find("InvalidVpcID.NotFound"), std::string::npos);
  EXPECT_EQ(server.stop(), 0);
}

}  // namespace
}  // namespace hopper::sim::test

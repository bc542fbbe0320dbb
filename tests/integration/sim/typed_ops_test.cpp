// hopper's own typed AWS operations against the in-process simulator, over real HTTP.
#include <gtest/gtest.h>

#include "aws/autoscaling/groups.hpp"
#include "aws/core/error.hpp"
#include "aws/ec2/images.hpp"
#include "aws/ec2/instances.hpp"
#include "aws/ec2/instances_run.hpp"
#include "aws/ec2/nat_gateways.hpp"
#include "aws/ec2/addresses.hpp"
#include "aws/ec2/internet_gateways.hpp"
#include "aws/ec2/subnets.hpp"
#include "aws/ec2/vpcs.hpp"
#include "aws/elbv2/load_balancers.hpp"
#include "aws/iam/instance_profiles.hpp"
#include "aws/iam/roles.hpp"
#include "aws/ssm/parameters.hpp"
#include "aws/sts/caller_identity.hpp"
#include "sim/simulator.hpp"
#include "support/aws_session.hpp"

namespace hopper::sim::test {
namespace {

class SimTypedOpsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SimOptions options;
    options.request_log = "/tmp/hopper-sim-typed-ops.log";
    auto started = Simulator::start(options);
    ASSERT_TRUE(started.ok()) << started.error().message();
    m_sim = std::move(started).value();
    hopper::test::TestAwsOptions aws_options;
    aws_options.access_key_id = "test";
    aws_options.secret_access_key = "test";
    m_aws = hopper::test::make_test_aws(m_sim->endpoint(), aws_options);
  }
  aws::ec2::Client ec2() { return aws::ec2::Client(*m_aws->session); }
  std::unique_ptr<Simulator> m_sim;
  std::unique_ptr<hopper::test::TestAws> m_aws;
};

TEST_F(SimTypedOpsTest, NetworkLifecycleWithAwsRules) {
  auto identity = aws::sts::get_caller_identity(*m_aws->session);
  ASSERT_TRUE(identity.ok()) << identity.error().message();
  EXPECT_EQ(identity->account, "123456789012");
  auto vpc = aws::ec2::create_vpc(ec2(), "10.0.0.0/16", {{"Name", "t"}});
  ASSERT_TRUE(vpc.ok()) << vpc.error().message();
  auto subnet = aws::ec2::create_subnet(ec2(), {vpc->id, "10.0.0.0/20", "eu-west-1a", {{"Name", "s"}}});
  ASSERT_TRUE(subnet.ok()) << subnet.error().message();
  EXPECT_EQ(subnet->available_ip_address_count, 4091);
  auto busy = aws::ec2::delete_vpc(ec2(), vpc->id);
  ASSERT_FALSE(busy.ok());
  EXPECT_TRUE(aws::is_dependency_violation(busy.error())) << busy.error().message();
  auto gateway = aws::ec2::create_internet_gateway(ec2(), {});
  ASSERT_TRUE(gateway.ok());
  ASSERT_TRUE(aws::ec2::attach_internet_gateway(ec2(), gateway->id, vpc->id).ok());
  auto address = aws::ec2::allocate_address(ec2(), {});
  ASSERT_TRUE(address.ok()) << address.error().message();
  aws::ec2::CreateNatGatewayRequest nat_request;
  nat_request.subnet_id = subnet->id;
  nat_request.allocation_id = address->allocation_id;
  nat_request.client_token = "nat-token";
  auto nat = aws::ec2::create_nat_gateway(ec2(), nat_request);
  ASSERT_TRUE(nat.ok()) << nat.error().message();
  auto again = aws::ec2::create_nat_gateway(ec2(), nat_request);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->id, nat->id);
  auto nats = aws::ec2::describe_nat_gateways(ec2(), {}, {nat->id});
  ASSERT_TRUE(nats.ok());
  EXPECT_EQ(nats->front().state, "available");
  auto in_use = aws::ec2::release_address(ec2(), address->allocation_id);
  EXPECT_FALSE(in_use.ok());
  auto detach = aws::ec2::detach_internet_gateway(ec2(), gateway->id, vpc->id);
  ASSERT_FALSE(detach.ok());
  EXPECT_TRUE(aws::is_dependency_violation(detach.error()));
  ASSERT_TRUE(aws::ec2::delete_nat_gateway(ec2(), nat->id).ok());
  EXPECT_TRUE(aws::ec2::release_address(ec2(), address->allocation_id).ok());
  EXPECT_TRUE(aws::ec2::detach_internet_gateway(ec2(), gateway->id, vpc->id).ok());
  EXPECT_TRUE(aws::ec2::delete_internet_gateway(ec2(), gateway->id).ok());
  EXPECT_TRUE(aws::ec2::delete_subnet(ec2(), subnet->id).ok());
  EXPECT_TRUE(aws::ec2::delete_vpc(ec2(), vpc->id).ok());
  auto gone = aws::ec2::describe_vpcs(ec2(), {}, {vpc->id});
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(aws::error_code(gone.error()), "InvalidVpcID.NotFound");
}

TEST_F(SimTypedOpsTest, InstancesIamAndParameters) {
  aws::iam::Client iam(*m_aws->session);
  aws::iam::CreateRoleRequest role;
  role.name = "node";
  role.assume_role_policy_document = R"({"Version":"2012-10-17","Statement":[]})";
  ASSERT_TRUE(aws::iam::create_role(iam, role).ok());
  ASSERT_TRUE(aws::iam::create_instance_profile(iam, "node", "/", {}).ok());
  ASSERT_TRUE(aws::iam::add_role_to_instance_profile(iam, "node", "node").ok());
  auto second = aws::iam::add_role_to_instance_profile(iam, "node", "node");
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(aws::error_code(second.error()), "LimitExceeded");
  auto conflict = aws::iam::delete_role(iam, "node");
  EXPECT_EQ(aws::error_code(conflict.error()), "DeleteConflict");

  aws::ssm::Client ssm(*m_aws->session);
  auto image = aws::ssm::get_parameter(ssm, "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id", false);
  ASSERT_TRUE(image.ok()) << image.error().message();
  aws::ec2::RunInstancesRequest run;
  run.image_id = image->value;
  run.instance_type = "t3.micro";
  run.count = 1;
  run.iam_instance_profile_name = std::string("node");
  run.client_token = "run-1";
  run.user_data = "#cloud-config\n";
  run.tags = {{"Name", "worker"}};
  auto instances = aws::ec2::run_instances(ec2(), run);
  ASSERT_TRUE(instances.ok()) << instances.error().message();
  ASSERT_EQ(instances->size(), 1u);
  EXPECT_FALSE(instances->front().private_ip_address.empty());
  auto user_data = aws::ec2::describe_instance_user_data(ec2(), instances->front().id);
  ASSERT_TRUE(user_data.ok());
  EXPECT_EQ(*user_data, "#cloud-config\n");
  auto console = aws::ec2::get_console_output(ec2(), instances->front().id, true);
  ASSERT_TRUE(console.ok());
  EXPECT_NE(console->find("BEGIN SSH HOST KEY FINGERPRINTS"), std::string::npos);
  auto by_tag = aws::ec2::describe_instances(ec2(), {{"tag:Name", {"worker"}}, {"instance-state-name", {"running"}}});
  ASSERT_TRUE(by_tag.ok());
  EXPECT_EQ(by_tag->size(), 1u);
  ASSERT_TRUE(aws::ec2::terminate_instances(ec2(), {instances->front().id}).ok());

  // User data as large as EC2 takes (a form body far over 8 KiB) goes through; one byte more is
  // AWS's InvalidParameterValue.
  run.client_token = "run-2";
  run.user_data = "#cloud-config\n" + std::string(16384 - 14, '#');
  auto large = aws::ec2::run_instances(ec2(), run);
  ASSERT_TRUE(large.ok()) << large.error().message();
  EXPECT_EQ(*aws::ec2::describe_instance_user_data(ec2(), large->front().id), run.user_data);
  run.client_token = "run-3";
  run.user_data += "#";
  auto too_large = aws::ec2::run_instances(ec2(), run);
  ASSERT_FALSE(too_large.ok());
  EXPECT_EQ(aws::error_code(too_large.error()), "InvalidParameterValue") << too_large.error().message();

  aws::ssm::PutParameterRequest put;
  put.name = "/hopper/t/token";
  put.value = "secret";
  put.type = "SecureString";
  ASSERT_TRUE(aws::ssm::put_parameter(ssm, put).ok());
  auto duplicate = aws::ssm::put_parameter(ssm, put);
  EXPECT_EQ(aws::error_code(duplicate.error()), "ParameterAlreadyExists");
  auto listed = aws::ssm::get_parameters_by_path(ssm, "/hopper/", true, true, 10);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().value, "secret");
}

}  // namespace
}  // namespace hopper::sim::test

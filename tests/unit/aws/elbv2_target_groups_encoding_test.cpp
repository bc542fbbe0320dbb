// ELBv2 target group requests checked against botocore's model, and an AWS answer decoded.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/elbv2/target_groups.hpp"
#include "support/botocore_model.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws::elbv2 {
namespace {

using Harness = encoding::Harness<Client>;

using encoding::joined;

TEST(Elbv2TargetGroupsEncodingTest, MatchesTheModel) {
  Harness h;
  const test::BotocoreModel model("elbv2");
  (void)describe_target_groups(h.client);
  EXPECT_EQ(joined(model.check_query("DescribeTargetGroups", h.transport.params())), "");
  (void)describe_target_groups(h.client, "arn:lb", 50);
  EXPECT_EQ(joined(model.check_query("DescribeTargetGroups", h.transport.params())), "");
  (void)create_target_group(h.client, {"k8s-api", "vpc-1", "TCP", 6443, "instance", {{"kubernetes.io/cluster/c1", "owned"}}});
  EXPECT_EQ(joined(model.check_query("CreateTargetGroup", h.transport.params())), "");
  (void)delete_target_group(h.client, "arn:tg");
  EXPECT_EQ(joined(model.check_query("DeleteTargetGroup", h.transport.params())), "");
}

TEST(Elbv2TargetGroupsEncodingTest, DecodesAnAwsTargetGroup) {
  Harness h;
  h.transport.push(test::RecordingTransport::Answer::ok(R"(<DescribeTargetGroupsResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
  <DescribeTargetGroupsResult>
    <TargetGroups>
      <member>
        <TargetGroupArn>arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/k8s-default-web/73e2d6bc24d8a067</TargetGroupArn>
        <HealthCheckTimeoutSeconds>5</HealthCheckTimeoutSeconds>
        <HealthCheckPort>traffic-port</HealthCheckPort>
        <Matcher><HttpCode>200</HttpCode></Matcher>
        <TargetGroupName>k8s-default-web</TargetGroupName>
        <HealthCheckProtocol>HTTP</HealthCheckProtocol>
        <HealthCheckPath>/healthz</HealthCheckPath>
        <Protocol>HTTP</Protocol>
        <Port>30080</Port>
        <VpcId>vpc-3ac0fb5f</VpcId>
        <HealthyThresholdCount>5</HealthyThresholdCount>
        <HealthCheckIntervalSeconds>30</HealthCheckIntervalSeconds>
        <LoadBalancerArns>
          <member>arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/k8s-web/50dc6c495c0c9188</member>
        </LoadBalancerArns>
        <UnhealthyThresholdCount>2</UnhealthyThresholdCount>
        <TargetType>instance</TargetType>
      </member>
    </TargetGroups>
  </DescribeTargetGroupsResult>
  <ResponseMetadata><RequestId>70092c0e-f3a9-11e5-ae48-cff02092876b</RequestId></ResponseMetadata>
</DescribeTargetGroupsResponse>)"));
  auto groups = describe_target_groups(h.client);
  ASSERT_TRUE(groups.ok()) << groups.error().message();
  ASSERT_EQ(groups->size(), 1u);
  const TargetGroup& g = groups->front();
  EXPECT_EQ(g.name, "k8s-default-web");
  EXPECT_EQ(g.arn, "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/k8s-default-web/73e2d6bc24d8a067");
  EXPECT_EQ(g.protocol, "HTTP");
  EXPECT_EQ(g.port, 30080);
  EXPECT_EQ(g.vpc_id, "vpc-3ac0fb5f");
  EXPECT_EQ(g.target_type, "instance");
  EXPECT_EQ(g.health_check_path, "/healthz");
  ASSERT_EQ(g.load_balancer_arns.size(), 1u);
  EXPECT_NE(g.load_balancer_arns.front().find("loadbalancer/app/k8s-web"), std::string::npos);
}

TEST(Elbv2TargetGroupsEncodingTest, ResourceInUseIsADependencyViolation) {
  Harness h;
  h.transport.push(test::RecordingTransport::Answer::ok(
      R"(<ErrorResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><Error><Type>Sender</Type>)"
      R"(<Code>ResourceInUse</Code><Message>Target group is currently in use by a listener or a rule</Message></Error>)"
      R"(<RequestId>x</RequestId></ErrorResponse>)",
      400));
  auto deleted = delete_target_group(h.client, "arn:tg");
  ASSERT_FALSE(deleted.ok());
  EXPECT_TRUE(is_dependency_violation(deleted.error()));
}

}  // namespace
}  // namespace hopper::aws::elbv2

// Auto Scaling group requests checked against botocore's model; an AWS answer decoded; the
// NextToken loop and the activity limit driven by scripted pages.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/autoscaling/groups.hpp"
#include "support/botocore_model.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws::autoscaling {
namespace {

using Harness = encoding::Harness<Client>;

using encoding::Params;

using encoding::joined;

using encoding::value_of;

constexpr const char* k_groups_xml = R"(<DescribeAutoScalingGroupsResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/">
  <DescribeAutoScalingGroupsResult>
    <AutoScalingGroups>
      <member>
        <AutoScalingGroupName>c1-nodes</AutoScalingGroupName>
        <AutoScalingGroupARN>arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:930d940e-891e-4781-a11a-7b0acd480f03:autoScalingGroupName/c1-nodes</AutoScalingGroupARN>
        <LaunchTemplate>
          <LaunchTemplateId>lt-0b97f1e282EXAMPLE</LaunchTemplateId>
          <LaunchTemplateName>c1-nodes</LaunchTemplateName>
          <Version>$Default</Version>
        </LaunchTemplate>
        <MinSize>1</MinSize>
        <MaxSize>5</MaxSize>
        <DesiredCapacity>2</DesiredCapacity>
        <DefaultCooldown>300</DefaultCooldown>
        <AvailabilityZones><member>eu-west-1a</member><member>eu-west-1b</member></AvailabilityZones>
        <LoadBalancerNames/>
        <TargetGroupARNs><member>arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/k8s-api/73e2d6bc24d8a067</member></TargetGroupARNs>
        <HealthCheckType>ELB</HealthCheckType>
        <HealthCheckGracePeriod>300</HealthCheckGracePeriod>
        <Instances>
          <member>
            <InstanceId>i-06905f55584de02da</InstanceId>
            <InstanceType>t3.medium</InstanceType>
            <AvailabilityZone>eu-west-1a</AvailabilityZone>
            <LifecycleState>InService</LifecycleState>
            <HealthStatus>Healthy</HealthStatus>
            <LaunchTemplate><LaunchTemplateId>lt-0b97f1e282EXAMPLE</LaunchTemplateId><LaunchTemplateName>c1-nodes</LaunchTemplateName><Version>3</Version></LaunchTemplate>
            <ProtectedFromScaleIn>true</ProtectedFromScaleIn>
          </member>
          <member>
            <InstanceId>i-0bd2c8d4ff6c7a61b</InstanceId>
            <AvailabilityZone>eu-west-1b</AvailabilityZone>
            <LifecycleState>Pending</LifecycleState>
            <HealthStatus>Healthy</HealthStatus>
            <ProtectedFromScaleIn>false</ProtectedFromScaleIn>
          </member>
        </Instances>
        <CreatedTime>2023-10-28T02:39:22.152Z</CreatedTime>
        <SuspendedProcesses/>
        <VPCZoneIdentifier>subnet-5ea0c127,subnet-6194ea3b</VPCZoneIdentifier>
        <EnabledMetrics/>
        <Tags>
          <member>
            <ResourceId>c1-nodes</ResourceId>
            <ResourceType>auto-scaling-group</ResourceType>
            <Key>kubernetes.io/cluster/c1</Key>
            <Value>owned</Value>
            <PropagateAtLaunch>true</PropagateAtLaunch>
          </member>
          <member>
            <ResourceId>c1-nodes</ResourceId>
            <ResourceType>auto-scaling-group</ResourceType>
            <Key>hopper/resource</Key>
            <Value>nodes</Value>
            <PropagateAtLaunch>false</PropagateAtLaunch>
          </member>
        </Tags>
        <TerminationPolicies><member>Default</member></TerminationPolicies>
        <NewInstancesProtectedFromScaleIn>false</NewInstancesProtectedFromScaleIn>
        <ServiceLinkedRoleARN>arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling</ServiceLinkedRoleARN>
        <CapacityRebalance>true</CapacityRebalance>
        <DefaultInstanceWarmup>60</DefaultInstanceWarmup>
        <Status>Delete in progress</Status>
      </member>
    </AutoScalingGroups>
  </DescribeAutoScalingGroupsResult>
  <ResponseMetadata><RequestId>0f02a07d-b677-11e2-9eb0-dd50EXAMPLE</RequestId></ResponseMetadata>
</DescribeAutoScalingGroupsResponse>)";

TEST(AutoscalingGroupsEncodingTest, MatchesTheModel) {
  Harness h;
  const test::BotocoreModel model("autoscaling");
  CreateAutoScalingGroupRequest create;
  create.name = "c1-nodes";
  create.launch_template = LaunchTemplateSpec{"lt-1", "", "$Latest"};
  create.min_size = 1;
  create.max_size = 5;
  create.desired_capacity = 2;
  create.subnet_ids = {"subnet-a", "subnet-b"};
  create.target_group_arns = {"arn:tg"};
  create.tags = {{"kubernetes.io/cluster/c1", "owned", true}, {"hopper/resource", "nodes", false}};
  create.health_check_type = "EC2";
  create.health_check_grace_period = 300;
  create.default_instance_warmup = 60;
  create.capacity_rebalance = true;
  (void)create_auto_scaling_group(h.client, create);
  const Params sent = h.transport.params();
  EXPECT_EQ(joined(model.check_query("CreateAutoScalingGroup", sent)), "");
  EXPECT_EQ(value_of(sent, "VPCZoneIdentifier"), "subnet-a,subnet-b");
  EXPECT_EQ(value_of(sent, "LaunchTemplate.Version"), "$Latest");
  EXPECT_NE(h.transport.requests().back().body.find("LaunchTemplate.Version=%24Latest"), std::string::npos);
  EXPECT_EQ(value_of(sent, "Tags.member.2.PropagateAtLaunch"), "false");
  EXPECT_EQ(value_of(sent, "Tags.member.1.ResourceType"), "auto-scaling-group");

  CreateAutoScalingGroupRequest from_lc;
  from_lc.name = "old";
  from_lc.launch_configuration_name = "lc";
  from_lc.max_size = 1;
  from_lc.availability_zones = {"eu-west-1a"};
  (void)create_auto_scaling_group(h.client, from_lc);
  EXPECT_EQ(joined(model.check_query("CreateAutoScalingGroup", h.transport.params())), "");
  EXPECT_EQ(value_of(h.transport.params(), "DesiredCapacity"), "<absent>");

  UpdateAutoScalingGroupRequest update;
  update.name = "c1-nodes";
  update.max_size = 7;
  update.launch_template = LaunchTemplateSpec{"", "c1-nodes", "$Default"};
  update.subnet_ids = std::vector<std::string>{"subnet-c"};
  update.capacity_rebalance = false;
  (void)update_auto_scaling_group(h.client, update);
  const Params updated = h.transport.params();
  EXPECT_EQ(joined(model.check_query("UpdateAutoScalingGroup", updated)), "");
  EXPECT_EQ(value_of(updated, "MinSize"), "<absent>");
  EXPECT_EQ(value_of(updated, "MaxSize"), "7");
  EXPECT_EQ(value_of(updated, "CapacityRebalance"), "false");

  (void)delete_auto_scaling_group(h.client, "c1-nodes", true);
  EXPECT_EQ(joined(model.check_query("DeleteAutoScalingGroup", h.transport.params())), "");
  EXPECT_EQ(value_of(h.transport.params(), "ForceDelete"), "true");
  (void)describe_auto_scaling_groups(h.client, {"a", "b"}, {{"tag:kubernetes.io/cluster/c1", {"owned", "shared"}}, {"tag-key", {"k"}}});
  const Params described = h.transport.params();
  EXPECT_EQ(joined(model.check_query("DescribeAutoScalingGroups", described)), "");
  EXPECT_EQ(value_of(described, "Filters.member.1.Values.member.2"), "shared");
  EXPECT_EQ(value_of(described, "MaxRecords"), "100");
  (void)set_desired_capacity(h.client, "c1-nodes", 3, true);
  EXPECT_EQ(joined(model.check_query("SetDesiredCapacity", h.transport.params())), "");
  (void)create_or_update_tags(h.client, "c1-nodes", {{"a", "b", true}});
  EXPECT_EQ(joined(model.check_query("CreateOrUpdateTags", h.transport.params())), "");
  (void)delete_tags(h.client, "c1-nodes", {"a"});
  EXPECT_EQ(joined(model.check_query("DeleteTags", h.transport.params())), "");
  EXPECT_EQ(value_of(h.transport.params(), "Tags.member.1.Value"), "<absent>");
  (void)describe_scaling_activities(h.client, "c1-nodes", 5);
  EXPECT_EQ(joined(model.check_query("DescribeScalingActivities", h.transport.params())), "");
  EXPECT_EQ(value_of(h.transport.params(), "MaxRecords"), "5");
}

TEST(AutoscalingGroupsEncodingTest, DecodesAnAwsGroup) {
  Harness h;
  h.transport.push(test::RecordingTransport::Answer::ok(k_groups_xml));
  auto groups = describe_auto_scaling_groups(h.client, {"c1-nodes"});
  ASSERT_TRUE(groups.ok()) << groups.error().message();
  ASSERT_EQ(groups->size(), 1u);
  const AutoScalingGroup& g = groups->front();
  EXPECT_EQ(g.name, "c1-nodes");
  EXPECT_NE(g.arn.find("autoScalingGroupName/c1-nodes"), std::string::npos);
  EXPECT_EQ(g.min_size, 1);
  EXPECT_EQ(g.max_size, 5);
  EXPECT_EQ(g.desired_capacity, 2);
  ASSERT_TRUE(g.launch_template.has_value());
  EXPECT_EQ(g.launch_template->id, "lt-0b97f1e282EXAMPLE");
  EXPECT_EQ(g.launch_template->name, "c1-nodes");
  EXPECT_EQ(g.launch_template->version, "$Default");
  EXPECT_EQ(g.subnet_ids, (std::vector<std::string>{"subnet-5ea0c127", "subnet-6194ea3b"}));
  EXPECT_EQ(g.availability_zones, (std::vector<std::string>{"eu-west-1a", "eu-west-1b"}));
  EXPECT_EQ(g.target_group_arns.size(), 1u);
  EXPECT_TRUE(g.load_balancer_names.empty());
  ASSERT_EQ(g.instances.size(), 2u);
  EXPECT_EQ(g.instances[0].id, "i-06905f55584de02da");
  EXPECT_EQ(g.instances[0].instance_type, "t3.medium");
  EXPECT_EQ(g.instances[0].lifecycle_state, "InService");
  EXPECT_EQ(g.instances[0].launch_template_version, "3");
  EXPECT_TRUE(g.instances[0].protected_from_scale_in);
  EXPECT_EQ(g.instances[1].lifecycle_state, "Pending");
  EXPECT_EQ(g.instances[1].launch_template_version, "");
  EXPECT_FALSE(g.instances[1].protected_from_scale_in);
  ASSERT_EQ(g.tags.size(), 2u);
  EXPECT_EQ(g.tags[0].key, "kubernetes.io/cluster/c1");
  EXPECT_TRUE(g.tags[0].propagate_at_launch);
  EXPECT_FALSE(g.tags[1].propagate_at_launch);
  EXPECT_EQ(g.status, "Delete in progress");
  EXPECT_EQ(g.health_check_type, "ELB");
  EXPECT_EQ(g.health_check_grace_period, 300);
  EXPECT_EQ(g.default_instance_warmup, 60);
  EXPECT_TRUE(g.capacity_rebalance);
  EXPECT_EQ(g.created_time, "2023-10-28T02:39:22.152Z");
}

TEST(AutoscalingGroupsEncodingTest, ReadsTheTemplateOfAMixedInstancesPolicy) {
  pugi::xml_document doc;
  ASSERT_TRUE(codec::parse_xml(R"(<member><AutoScalingGroupName>m</AutoScalingGroupName><MixedInstancesPolicy>
    <LaunchTemplate><LaunchTemplateSpecification><LaunchTemplateId>lt-9</LaunchTemplateId><Version>$Latest</Version>
    </LaunchTemplateSpecification></LaunchTemplate></MixedInstancesPolicy><VPCZoneIdentifier></VPCZoneIdentifier></member>)",
                               doc).ok());
  const AutoScalingGroup g = decode_auto_scaling_group(doc.document_element());
  ASSERT_TRUE(g.launch_template.has_value());
  EXPECT_EQ(g.launch_template->id, "lt-9");
  EXPECT_TRUE(g.subnet_ids.empty());
  EXPECT_FALSE(g.default_instance_warmup.has_value());
}

TEST(AutoscalingGroupsEncodingTest, FollowsNextTokenAndStopsAtTheActivityLimit) {
  Harness h;
  const auto page = [](int first, int count, const std::string& token) {
    std::string members;
    for (int i = first; i < first + count; ++i) {
      members += "<member><ActivityId>a" + std::to_string(i) + "</ActivityId><StatusCode>Failed</StatusCode>"
                 "<StatusMessage>Invalid IamInstanceProfile: c1-nodes</StatusMessage><Cause>At 2024</Cause>"
                 "<Description>Launching a new EC2 instance</Description><StartTime>2024-01-01T00:00:00Z</StartTime>"
                 "<Progress>100</Progress></member>";
    }
    return "<DescribeScalingActivitiesResponse><DescribeScalingActivitiesResult><Activities>" + members +
           "</Activities>" + (token.empty() ? "" : "<NextToken>" + token + "</NextToken>") +
           "</DescribeScalingActivitiesResult></DescribeScalingActivitiesResponse>";
  };
  h.transport.push(test::RecordingTransport::Answer::ok(page(0, 2, "t1")));
  h.transport.push(test::RecordingTransport::Answer::ok(page(2, 2, "t2")));
  auto three = describe_scaling_activities(h.client, "c1-nodes", 3);
  ASSERT_TRUE(three.ok()) << three.error().message();
  ASSERT_EQ(three->size(), 3u);
  EXPECT_EQ(h.transport.requests().size(), 2u);
  EXPECT_EQ(value_of(h.transport.params(1), "NextToken"), "t1");
  EXPECT_EQ(three->front().id, "a0");
  EXPECT_EQ(three->front().status_code, "Failed");
  EXPECT_EQ(three->front().status_message, "Invalid IamInstanceProfile: c1-nodes");
  EXPECT_EQ(three->front().cause, "At 2024");
  EXPECT_EQ(three->front().description, "Launching a new EC2 instance");
  EXPECT_EQ(three->front().start_time, "2024-01-01T00:00:00Z");
  EXPECT_EQ(three->front().progress, 100);

  Harness all;
  all.transport.push(test::RecordingTransport::Answer::ok(page(0, 2, "t1")));
  all.transport.push(test::RecordingTransport::Answer::ok(page(2, 1, "")));
  auto every = describe_scaling_activities(all.client, "c1-nodes");
  ASSERT_TRUE(every.ok());
  EXPECT_EQ(every->size(), 3u);
}

TEST(AutoscalingGroupsEncodingTest, MissingGroupIsAValidationErrorNamedNotFound) {
  Harness h;
  const auto error = [](const std::string& message) {
    return test::RecordingTransport::Answer::ok(
        R"(<ErrorResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/"><Error><Type>Sender</Type>)"
        "<Code>ValidationError</Code><Message>" + message + "</Message></Error><RequestId>x</RequestId></ErrorResponse>",
        400);
  };
  h.transport.push(error("AutoScalingGroup name not found - AutoScalingGroup 'c1-nodes' not found"));
  auto missing = delete_auto_scaling_group(h.client, "c1-nodes", true);
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(is_name_not_found(missing.error()));
  EXPECT_FALSE(is_not_found(missing.error()));
  h.transport.push(error("Max bound, 1, must be greater than or equal to min bound, 2"));
  auto invalid = update_auto_scaling_group(h.client, {.name = "c1-nodes", .min_size = 2, .max_size = 1});
  ASSERT_FALSE(invalid.ok());
  EXPECT_FALSE(is_name_not_found(invalid.error()));
}

TEST(AutoscalingGroupsEncodingTest, ResourceContentionIsRetried) {
  Harness h;
  h.transport.push(test::RecordingTransport::Answer::ok(
      R"(<ErrorResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/"><Error><Type>Receiver</Type>)"
      R"(<Code>ResourceContention</Code><Message>busy</Message></Error><RequestId>x</RequestId></ErrorResponse>)",
      500));
  EXPECT_TRUE(set_desired_capacity(h.client, "g", 1).ok());
  EXPECT_EQ(h.transport.requests().size(), 2u);
}

}  // namespace
}  // namespace hopper::aws::autoscaling

// Classic ELB requests checked against botocore's model; AWS answers decoded; Marker pages and
// DescribeTags batches driven by scripted answers.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/elb/load_balancers.hpp"
#include "support/botocore_model.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws::elb {
namespace {

using Answer = test::RecordingTransport::Answer;
using encoding::Params;

using Harness = encoding::Harness<Client>;

using encoding::joined;

using encoding::value_of;

TEST(ElbLoadBalancersEncodingTest, MatchesTheModel) {
  Harness h;
  const test::BotocoreModel model("elb");
  (void)describe_load_balancers(h.client, {"a", "b"}, 400);
  EXPECT_EQ(joined(model.check_query("DescribeLoadBalancers", h.transport.params())), "");
  (void)describe_tags(h.client, {"a"});
  EXPECT_EQ(joined(model.check_query("DescribeTags", h.transport.params())), "");
  (void)delete_load_balancer(h.client, "a");
  EXPECT_EQ(joined(model.check_query("DeleteLoadBalancer", h.transport.params())), "");
  (void)create_load_balancer(h.client, {"a1b2", {{"TCP", 443, 30443, ""}, {"HTTP", 80, 30080, "HTTP"}}, {"subnet-1"},
                                        {"sg-1"}, "internal", {{"kubernetes.io/cluster/c1", "owned"}}});
  const Params created = h.transport.params();
  EXPECT_EQ(joined(model.check_query("CreateLoadBalancer", created)), "");
  EXPECT_EQ(value_of(created, "Listeners.member.1.InstanceProtocol"), "TCP");
  EXPECT_EQ(value_of(created, "Listeners.member.2.LoadBalancerPort"), "80");
  EXPECT_EQ(value_of(created, "Scheme"), "internal");
  EXPECT_NE(h.transport.requests().back().body.find("Version=2012-06-01"), std::string::npos);
}

TEST(ElbLoadBalancersEncodingTest, DecodesAwsAnswers) {
  Harness h;
  h.transport.push(Answer::ok(R"(<DescribeLoadBalancersResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/">
  <DescribeLoadBalancersResult>
    <LoadBalancerDescriptions>
      <member>
        <LoadBalancerName>a1b2c3d4e5f6</LoadBalancerName>
        <DNSName>a1b2c3d4e5f6-1234567890.eu-west-1.elb.amazonaws.com</DNSName>
        <CanonicalHostedZoneNameID>Z3DZXE0EXAMPLE</CanonicalHostedZoneNameID>
        <ListenerDescriptions>
          <member><Listener><Protocol>TCP</Protocol><LoadBalancerPort>80</LoadBalancerPort><InstanceProtocol>TCP</InstanceProtocol><InstancePort>30080</InstancePort></Listener><PolicyNames/></member>
        </ListenerDescriptions>
        <Instances><member><InstanceId>i-0a1b2c3d</InstanceId></member></Instances>
        <Subnets><member>subnet-15aaab61</member></Subnets>
        <VPCId>vpc-a01106c2</VPCId>
        <SecurityGroups><member>sg-a61988c3</member></SecurityGroups>
        <SourceSecurityGroup><OwnerAlias>123456789012</OwnerAlias><GroupName>k8s-elb-a1b2c3d4e5f6</GroupName></SourceSecurityGroup>
        <AvailabilityZones><member>eu-west-1a</member></AvailabilityZones>
        <CreatedTime>2013-05-24T21:15:31.280Z</CreatedTime>
        <Scheme>internet-facing</Scheme>
      </member>
    </LoadBalancerDescriptions>
  </DescribeLoadBalancersResult>
  <ResponseMetadata><RequestId>83c88b9d-12b7-11e3-8b82-87b12EXAMPLE</RequestId></ResponseMetadata>
</DescribeLoadBalancersResponse>)"));
  auto lbs = describe_load_balancers(h.client);
  ASSERT_TRUE(lbs.ok()) << lbs.error().message();
  ASSERT_EQ(lbs->size(), 1u);
  const ClassicLoadBalancer& lb = lbs->front();
  EXPECT_EQ(lb.name, "a1b2c3d4e5f6");
  EXPECT_EQ(lb.dns_name, "a1b2c3d4e5f6-1234567890.eu-west-1.elb.amazonaws.com");
  EXPECT_EQ(lb.vpc_id, "vpc-a01106c2");
  EXPECT_EQ(lb.scheme, "internet-facing");
  EXPECT_EQ(lb.subnets, std::vector<std::string>{"subnet-15aaab61"});
  EXPECT_EQ(lb.security_groups, std::vector<std::string>{"sg-a61988c3"});
  EXPECT_EQ(lb.availability_zones, std::vector<std::string>{"eu-west-1a"});
  EXPECT_EQ(lb.instance_ids, std::vector<std::string>{"i-0a1b2c3d"});
  EXPECT_EQ(lb.source_security_group_name, "k8s-elb-a1b2c3d4e5f6");
  EXPECT_EQ(lb.created_time, "2013-05-24T21:15:31.280Z");

  h.transport.push(Answer::ok(R"(<DescribeTagsResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/">
  <DescribeTagsResult><TagDescriptions><member><LoadBalancerName>a1b2c3d4e5f6</LoadBalancerName><Tags>
  <member><Key>kubernetes.io/cluster/c1</Key><Value>owned</Value></member>
  <member><Key>kubernetes.io/service-name</Key><Value>default/web</Value></member>
  </Tags></member></TagDescriptions></DescribeTagsResult>
  <ResponseMetadata><RequestId>07b1ecbc-1100-11e3-acaf-dd7edEXAMPLE</RequestId></ResponseMetadata></DescribeTagsResponse>)"));
  auto tags = describe_tags(h.client, {"a1b2c3d4e5f6"});
  ASSERT_TRUE(tags.ok()) << tags.error().message();
  EXPECT_EQ(tags->at("a1b2c3d4e5f6"),
            (Tags{{"kubernetes.io/cluster/c1", "owned"}, {"kubernetes.io/service-name", "default/web"}}));

  h.transport.push(Answer::ok(R"(<CreateLoadBalancerResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/">
  <CreateLoadBalancerResult><DNSName>a1b2-123.eu-west-1.elb.amazonaws.com</DNSName></CreateLoadBalancerResult>
  <ResponseMetadata><RequestId>1549581b-12b7-11e3-895e-1334aEXAMPLE</RequestId></ResponseMetadata></CreateLoadBalancerResponse>)"));
  auto dns = create_load_balancer(h.client, {"a1b2", {{"TCP", 80, 30080, ""}}, {"subnet-1"}, {"sg-1"}, "", {}});
  ASSERT_TRUE(dns.ok());
  EXPECT_EQ(*dns, "a1b2-123.eu-west-1.elb.amazonaws.com");
}

TEST(ElbLoadBalancersEncodingTest, FollowsNextMarkerAndBatchesTags) {
  Harness h;
  const auto page = [](const std::string& name, const std::string& next) {
    return "<DescribeLoadBalancersResponse><DescribeLoadBalancersResult><LoadBalancerDescriptions><member><LoadBalancerName>" +
           name + "</LoadBalancerName></member></LoadBalancerDescriptions>" +
           (next.empty() ? "" : "<NextMarker>" + next + "</NextMarker>") +
           "</DescribeLoadBalancersResult></DescribeLoadBalancersResponse>";
  };
  h.transport.push(Answer::ok(page("a", "m1")));
  h.transport.push(Answer::ok(page("b", "")));
  auto lbs = describe_load_balancers(h.client, {}, 1);
  ASSERT_TRUE(lbs.ok());
  ASSERT_EQ(lbs->size(), 2u);
  EXPECT_EQ(value_of(h.transport.params(1), "Marker"), "m1");
  EXPECT_EQ(value_of(h.transport.params(1), "PageSize"), "1");

  Harness t;
  std::vector<std::string> names;
  for (int i = 0; i < 21; ++i) names.push_back("lb" + std::to_string(i));
  (void)describe_tags(t.client, names);
  ASSERT_EQ(t.transport.requests().size(), 2u);
  EXPECT_EQ(value_of(t.transport.params(1), "LoadBalancerNames.member.1"), "lb20");
}

}  // namespace
}  // namespace hopper::aws::elb

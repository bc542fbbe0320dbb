// ELBv2 load balancer and tag requests checked against botocore's model; AWS answers decoded;
// Marker pages and DescribeTags batches driven by scripted answers.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/elbv2/load_balancers.hpp"
#include "support/botocore_model.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws::elbv2 {
namespace {

using Answer = test::RecordingTransport::Answer;
using encoding::Params;

using Harness = encoding::Harness<Client>;

using encoding::joined;

using encoding::value_of;

constexpr const char* k_load_balancers_xml = R"(<DescribeLoadBalancersResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
  <DescribeLoadBalancersResult>
    <LoadBalancers>
      <member>
        <LoadBalancerArn>arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/k8s-default-web-0123/50dc6c495c0c9188</LoadBalancerArn>
        <Scheme>internet-facing</Scheme>
        <LoadBalancerName>k8s-default-web-0123</LoadBalancerName>
        <VpcId>vpc-3ac0fb5f</VpcId>
        <CanonicalHostedZoneId>Z2P70J7EXAMPLE</CanonicalHostedZoneId>
        <CreatedTime>2016-03-25T21:26:12.920Z</CreatedTime>
        <AvailabilityZones>
          <member><SubnetId>subnet-8360a9e7</SubnetId><ZoneName>eu-west-1a</ZoneName></member>
          <member><SubnetId>subnet-b7d581c0</SubnetId><ZoneName>eu-west-1b</ZoneName><LoadBalancerAddresses/></member>
        </AvailabilityZones>
        <SecurityGroups><member>sg-5943793c</member></SecurityGroups>
        <DNSName>k8s-default-web-0123-1234567890.elb.eu-west-1.amazonaws.com</DNSName>
        <State><Code>active</Code></State>
        <Type>network</Type>
        <IpAddressType>ipv4</IpAddressType>
      </member>
    </LoadBalancers>
  </DescribeLoadBalancersResult>
  <ResponseMetadata><RequestId>6581c0ac-f39f-11e5-bb98-57195a6eb84a</RequestId></ResponseMetadata>
</DescribeLoadBalancersResponse>)";

TEST(Elbv2LoadBalancersEncodingTest, MatchesTheModel) {
  Harness h;
  const test::BotocoreModel model("elbv2");
  (void)describe_load_balancers(h.client, {"arn:1", "arn:2"});
  EXPECT_EQ(joined(model.check_query("DescribeLoadBalancers", h.transport.params())), "");
  (void)describe_load_balancers(h.client, {}, {"a", "b"}, 400);
  EXPECT_EQ(joined(model.check_query("DescribeLoadBalancers", h.transport.params())), "");
  EXPECT_EQ(value_of(h.transport.params(), "PageSize"), "400");
  (void)create_load_balancer(h.client, {"k8s-web", {"subnet-1", "subnet-2"}, {"sg-1"}, "internal", "network",
                                        {{"kubernetes.io/cluster/c1", "owned"}}});
  const Params created = h.transport.params();
  EXPECT_EQ(joined(model.check_query("CreateLoadBalancer", created)), "");
  EXPECT_EQ(value_of(created, "Subnets.member.2"), "subnet-2");
  EXPECT_EQ(value_of(created, "Tags.member.1.Value"), "owned");
  (void)delete_load_balancer(h.client, "arn:1");
  EXPECT_EQ(joined(model.check_query("DeleteLoadBalancer", h.transport.params())), "");
  (void)describe_tags(h.client, {"arn:1"});
  EXPECT_EQ(joined(model.check_query("DescribeTags", h.transport.params())), "");
  (void)add_tags(h.client, {"arn:1"}, {{"a", "b"}});
  EXPECT_EQ(joined(model.check_query("AddTags", h.transport.params())), "");
  EXPECT_NE(h.transport.requests().back().body.find("Version=2015-12-01"), std::string::npos);
}

TEST(Elbv2LoadBalancersEncodingTest, SignsAsElasticLoadBalancing) {
  Harness h;
  (void)delete_load_balancer(h.client, "arn:1");
  const auto requests = h.transport.requests();
  EXPECT_EQ(requests.back().url, "https://elasticloadbalancing.eu-west-1.amazonaws.com");
  std::string authorization;
  for (const auto& [name, value] : requests.back().headers) {
    if (name == "Authorization") authorization = value;
  }
  EXPECT_NE(authorization.find("/eu-west-1/elasticloadbalancing/aws4_request"), std::string::npos) << authorization;
}

TEST(Elbv2LoadBalancersEncodingTest, DecodesAnAwsLoadBalancer) {
  Harness h;
  h.transport.push(Answer::ok(k_load_balancers_xml));
  auto lbs = describe_load_balancers(h.client);
  ASSERT_TRUE(lbs.ok()) << lbs.error().message();
  ASSERT_EQ(lbs->size(), 1u);
  const LoadBalancer& lb = lbs->front();
  EXPECT_EQ(lb.name, "k8s-default-web-0123");
  EXPECT_EQ(lb.arn, "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/k8s-default-web-0123/50dc6c495c0c9188");
  EXPECT_EQ(lb.dns_name, "k8s-default-web-0123-1234567890.elb.eu-west-1.amazonaws.com");
  EXPECT_EQ(lb.type, "network");
  EXPECT_EQ(lb.scheme, "internet-facing");
  EXPECT_EQ(lb.vpc_id, "vpc-3ac0fb5f");
  EXPECT_EQ(lb.state, "active");
  EXPECT_EQ(lb.security_groups, std::vector<std::string>{"sg-5943793c"});
  EXPECT_EQ(lb.subnet_ids, (std::vector<std::string>{"subnet-8360a9e7", "subnet-b7d581c0"}));
  EXPECT_EQ(lb.canonical_hosted_zone_id, "Z2P70J7EXAMPLE");
  EXPECT_EQ(lb.created_time, "2016-03-25T21:26:12.920Z");
}

TEST(Elbv2LoadBalancersEncodingTest, FollowsNextMarker) {
  Harness h;
  const auto page = [](const std::string& name, const std::string& next) {
    return "<DescribeLoadBalancersResponse><DescribeLoadBalancersResult><LoadBalancers><member><LoadBalancerName>" + name +
           "</LoadBalancerName></member></LoadBalancers>" + (next.empty() ? "" : "<NextMarker>" + next + "</NextMarker>") +
           "</DescribeLoadBalancersResult></DescribeLoadBalancersResponse>";
  };
  h.transport.push(Answer::ok(page("a", "m1")));
  h.transport.push(Answer::ok(page("b", "")));
  auto lbs = describe_load_balancers(h.client, {}, {}, 1);
  ASSERT_TRUE(lbs.ok());
  ASSERT_EQ(lbs->size(), 2u);
  EXPECT_EQ(value_of(h.transport.params(0), "Marker"), "<absent>");
  EXPECT_EQ(value_of(h.transport.params(1), "Marker"), "m1");
}

TEST(Elbv2LoadBalancersEncodingTest, DescribesTagsTwentyAtATime) {
  Harness h;
  h.transport.set_fallback([](const net::HttpRequest& request) {
    std::string members;
    for (const auto& [key, value] : net::parse_form(request.body)) {
      if (key.rfind("ResourceArns.member.", 0) == 0) {
        members += "<member><ResourceArn>" + value + "</ResourceArn><Tags><member><Key>kubernetes.io/cluster/c1</Key>"
                   "<Value>owned</Value></member></Tags></member>";
      }
    }
    return Answer::ok("<DescribeTagsResponse><DescribeTagsResult><TagDescriptions>" + members +
                      "</TagDescriptions></DescribeTagsResult></DescribeTagsResponse>");
  });
  std::vector<std::string> arns;
  for (int i = 0; i < 45; ++i) arns.push_back("arn:" + std::to_string(i));
  auto tags = describe_tags(h.client, arns);
  ASSERT_TRUE(tags.ok()) << tags.error().message();
  EXPECT_EQ(h.transport.requests().size(), 3u);
  EXPECT_EQ(value_of(h.transport.params(1), "ResourceArns.member.20"), "arn:39");
  EXPECT_EQ(value_of(h.transport.params(1), "ResourceArns.member.21"), "<absent>");
  ASSERT_EQ(tags->size(), 45u);
  EXPECT_EQ(tags->at("arn:44").at("kubernetes.io/cluster/c1"), "owned");
  Harness none;
  auto empty = describe_tags(none.client, {});
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(none.transport.requests().empty());
}

}  // namespace
}  // namespace hopper::aws::elbv2

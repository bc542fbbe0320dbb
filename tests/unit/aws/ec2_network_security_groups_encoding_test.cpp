// Security group and rule requests checked against botocore's EC2 model; answers in AWS's
// shape decoded; the rule normalisation and equality that let a desired rule match AWS's answer.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include <ostream>

#include "aws/ec2/security_groups.hpp"
#include "support/botocore_model.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws::ec2 {

// Readable failure messages (found by argument-dependent lookup; internal to this test).
[[maybe_unused]] static void PrintTo(const IpPermission& p, std::ostream* out) {
  *out << "{" << p.protocol << " " << p.from_port << "-" << p.to_port;
  for (const auto& c : p.cidrs) *out << " " << c.cidr << (c.description.empty() ? "" : "(" + c.description + ")");
  for (const auto& g : p.groups) *out << " " << g.group_id << (g.description.empty() ? "" : "(" + g.description + ")");
  *out << "}";
}

namespace {

using encoding::Params;
using Answer = test::RecordingTransport::Answer;

using Harness = encoding::Harness<Client>;

// Every problem botocore's EC2 model finds with `params` (the model is parsed once: it is large).
std::string problems(const std::string& operation, const Params& params) {
  static const test::BotocoreModel model("ec2");
  std::string out;
  for (const auto& p : model.check_query(operation, params)) out += p + "\n";
  return out;
}

std::optional<std::string> param(const Params& params, const std::string& name) {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  return std::nullopt;
}

const std::vector<IpPermission> k_rules = {
    {"tcp", 22, 22, {{"10.0.0.0/16", "ssh from the VPC"}, {"::/0", ""}}, {}},
    {"tcp", 6443, 6443, {}, {{"sg-nodes", "API from nodes"}}},
    {"-1", 0, 65535, {}, {{"sg-self", ""}}},  // ports of "-1" are not sent
    {"icmp", -1, -1, {{"0.0.0.0/0", ""}}, {}},
    {"4", -1, -1, {{"10.0.0.0/16", "IP-in-IP"}}, {}},
};

TEST(Ec2SecurityGroupsEncodingTest, MatchesTheModel) {
  Harness h;
  (void)describe_security_groups(h.client, {{"vpc-id", {"vpc-1"}}, {"group-name", {"hopper-nodes"}}});
  EXPECT_EQ(problems("DescribeSecurityGroups", h.transport.params()), "");
  (void)describe_security_groups(h.client, {}, {"sg-1", "sg-2"});
  EXPECT_EQ(problems("DescribeSecurityGroups", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "GroupId.2"), "sg-2");

  (void)create_security_group(h.client, {"hopper-nodes", "hopper nodes", "vpc-1", {{"Name", "nodes"}}});
  const auto create = h.transport.params();
  EXPECT_EQ(problems("CreateSecurityGroup", create), "");
  EXPECT_EQ(param(create, "GroupDescription"), "hopper nodes");  // model member Description
  EXPECT_EQ(param(create, "TagSpecification.1.ResourceType"), "security-group");
  (void)delete_security_group(h.client, "sg-1");
  EXPECT_EQ(problems("DeleteSecurityGroup", h.transport.params()), "");

  for (const char* action : {"AuthorizeSecurityGroupIngress", "RevokeSecurityGroupIngress",
                             "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupEgress"}) {
    const std::string a = action;
    if (a == "AuthorizeSecurityGroupIngress") (void)authorize_ingress(h.client, "sg-1", k_rules);
    if (a == "RevokeSecurityGroupIngress") (void)revoke_ingress(h.client, "sg-1", k_rules);
    if (a == "AuthorizeSecurityGroupEgress") (void)authorize_egress(h.client, "sg-1", k_rules);
    if (a == "RevokeSecurityGroupEgress") (void)revoke_egress(h.client, "sg-1", k_rules);
    const auto p = h.transport.params();
    EXPECT_EQ(p.front().second, a);
    EXPECT_EQ(problems(a, p), "") << a;
    EXPECT_EQ(param(p, "GroupId"), "sg-1");
    EXPECT_EQ(param(p, "IpPermissions.1.IpProtocol"), "tcp");
    EXPECT_EQ(param(p, "IpPermissions.1.FromPort"), "22");
    EXPECT_EQ(param(p, "IpPermissions.1.ToPort"), "22");
    EXPECT_EQ(param(p, "IpPermissions.1.IpRanges.1.CidrIp"), "10.0.0.0/16");
    EXPECT_EQ(param(p, "IpPermissions.1.IpRanges.1.Description"), "ssh from the VPC");
    EXPECT_EQ(param(p, "IpPermissions.1.Ipv6Ranges.1.CidrIpv6"), "::/0");
    EXPECT_EQ(param(p, "IpPermissions.1.IpRanges.2.CidrIp"), std::nullopt);
    EXPECT_EQ(param(p, "IpPermissions.2.Groups.1.GroupId"), "sg-nodes");
    EXPECT_EQ(param(p, "IpPermissions.2.Groups.1.Description"), "API from nodes");
    EXPECT_EQ(param(p, "IpPermissions.3.IpProtocol"), "-1");
    EXPECT_EQ(param(p, "IpPermissions.3.FromPort"), std::nullopt);
    EXPECT_EQ(param(p, "IpPermissions.4.FromPort"), "-1");
    EXPECT_EQ(param(p, "IpPermissions.5.IpProtocol"), "4");
    EXPECT_EQ(param(p, "IpPermissions.5.ToPort"), std::nullopt);
  }
}

// As in the EC2 API reference's DescribeSecurityGroups example, with a merged rule (two ranges
// and a group for tcp/22), an IPv6 range, an all-protocols egress rule without ports, and
// a protocol-number rule.
constexpr const char* k_describe = R"(<DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>edb7c570-be05-4192-bd1b-example</requestId>
  <securityGroupInfo>
    <item>
      <ownerId>123456789012</ownerId>
      <groupId>sg-1a2b3c4d</groupId>
      <groupName>hopper-nodes</groupName>
      <groupDescription>hopper nodes</groupDescription>
      <vpcId>vpc-1a2b3c4d</vpcId>
      <ipPermissions>
        <item>
          <ipProtocol>tcp</ipProtocol>
          <fromPort>22</fromPort>
          <toPort>22</toPort>
          <groups>
            <item><userId>123456789012</userId><groupId>sg-bastion</groupId><description>from bastion</description></item>
          </groups>
          <ipRanges>
            <item><cidrIp>10.0.0.0/16</cidrIp><description>ssh from the VPC</description></item>
            <item><cidrIp>192.0.2.0/24</cidrIp></item>
          </ipRanges>
          <ipv6Ranges><item><cidrIpv6>2001:db8::/32</cidrIpv6></item></ipv6Ranges>
          <prefixListIds/>
        </item>
        <item>
          <ipProtocol>4</ipProtocol>
          <groups/>
          <ipRanges><item><cidrIp>10.0.0.0/16</cidrIp></item></ipRanges>
        </item>
      </ipPermissions>
      <ipPermissionsEgress>
        <item>
          <ipProtocol>-1</ipProtocol>
          <groups/>
          <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges>
          <ipv6Ranges/>
          <prefixListIds/>
        </item>
      </ipPermissionsEgress>
      <tagSet><item><key>Name</key><value>nodes</value></item></tagSet>
    </item>
  </securityGroupInfo>
</DescribeSecurityGroupsResponse>)";

TEST(Ec2SecurityGroupsEncodingTest, DecodesAwsShapedAnswers) {
  Harness h;
  h.transport.push(Answer::ok(k_describe));
  auto groups = describe_security_groups(h.client);
  ASSERT_TRUE(groups.ok()) << groups.error().message();
  ASSERT_EQ(groups->size(), 1u);
  const SecurityGroup& g = groups->front();
  EXPECT_EQ(g.id, "sg-1a2b3c4d");
  EXPECT_EQ(g.name, "hopper-nodes");
  EXPECT_EQ(g.description, "hopper nodes");
  EXPECT_EQ(g.vpc_id, "vpc-1a2b3c4d");
  EXPECT_EQ(g.owner_id, "123456789012");
  EXPECT_EQ(g.tags.at("Name"), "nodes");
  ASSERT_EQ(g.ingress.size(), 2u);
  const IpPermission& ssh = g.ingress[0];
  EXPECT_EQ(ssh.protocol, "tcp");
  EXPECT_EQ(ssh.from_port, 22);
  EXPECT_EQ(ssh.to_port, 22);
  EXPECT_EQ(ssh.cidrs, (std::vector<CidrRange>{
                           {"10.0.0.0/16", "ssh from the VPC"}, {"192.0.2.0/24", ""}, {"2001:db8::/32", ""}}));
  EXPECT_EQ(ssh.groups, (std::vector<SecurityGroupRef>{{"sg-bastion", "from bastion"}}));
  EXPECT_EQ(g.ingress[1], (IpPermission{"4", -1, -1, {{"10.0.0.0/16", ""}}, {}}));
  ASSERT_EQ(g.egress.size(), 1u);
  EXPECT_EQ(g.egress[0].protocol, "-1");
  EXPECT_EQ(g.egress[0].from_port, -1);
  EXPECT_EQ(g.egress[0].to_port, -1);
  // The default egress rule as a caller would write it.
  EXPECT_EQ(g.egress[0], (IpPermission{"all", 0, 0, {{"0.0.0.0/0", ""}}, {}}));

  h.transport.push(Answer::ok(R"(<CreateSecurityGroupResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
   <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
   <return>true</return>
   <groupId>sg-0a42d66a</groupId>
</CreateSecurityGroupResponse>)"));
  auto id = create_security_group(h.client, {"hopper-nodes", "hopper nodes", "vpc-1a2b3c4d", {}});
  ASSERT_TRUE(id.ok()) << id.error().message();
  EXPECT_EQ(*id, "sg-0a42d66a");
}

TEST(Ec2SecurityGroupsEncodingTest, EqualityNormalisesLikeAws) {
  EXPECT_EQ(normalize_protocol("6"), "tcp");
  EXPECT_EQ(normalize_protocol("UDP"), "udp");
  EXPECT_EQ(normalize_protocol("1"), "icmp");
  EXPECT_EQ(normalize_protocol("58"), "icmpv6");
  EXPECT_EQ(normalize_protocol("all"), "-1");
  EXPECT_EQ(normalize_protocol("4"), "4");
  EXPECT_TRUE(protocol_has_ports("17"));
  EXPECT_FALSE(protocol_has_ports("-1"));
  EXPECT_FALSE(protocol_has_ports("50"));

  const IpPermission tcp{"tcp", 80, 443, {{"10.0.0.0/8", "a"}, {"10.1.0.0/16", ""}}, {{"sg-1", ""}}};
  EXPECT_EQ(tcp, (IpPermission{"6", 80, 443, {{"10.1.0.0/16", ""}, {"10.0.0.0/8", "a"}}, {{"sg-1", ""}}}));
  EXPECT_NE(tcp, (IpPermission{"tcp", 80, 444, tcp.cidrs, tcp.groups}));
  EXPECT_NE(tcp, (IpPermission{"udp", 80, 443, tcp.cidrs, tcp.groups}));
  EXPECT_NE(tcp, (IpPermission{"tcp", 80, 443, {{"10.0.0.0/8", "b"}, {"10.1.0.0/16", ""}}, tcp.groups}));
  EXPECT_NE(tcp, (IpPermission{"tcp", 80, 443, tcp.cidrs, {}}));
  EXPECT_EQ((IpPermission{"-1", 0, 65535, {}, {{"sg-1", ""}}}), (IpPermission{"-1", -1, -1, {}, {{"sg-1", ""}}}));
  EXPECT_NE((IpPermission{"icmp", 3, 4, {}, {}}), (IpPermission{"icmp", -1, -1, {}, {}}));
}

TEST(Ec2SecurityGroupsEncodingTest, CanonicalPermissionsCompareDesiredWithMergedAnswer) {
  // Two rules sent separately come back merged into one permission.
  const std::vector<IpPermission> desired = {
      {"tcp", 22, 22, {{"10.0.0.0/16", "ssh from the VPC"}}, {}},
      {"6", 22, 22, {{"192.0.2.0/24", ""}, {"2001:db8::/32", ""}}, {{"sg-bastion", "from bastion"}}},
      {"4", 0, 0, {{"10.0.0.0/16", ""}}, {}},
      {"tcp", 22, 22, {{"10.0.0.0/16", "ssh from the VPC"}}, {}},  // a duplicate
  };
  Harness h;
  h.transport.push(Answer::ok(k_describe));
  auto groups = describe_security_groups(h.client);
  ASSERT_TRUE(groups.ok()) << groups.error().message();
  const auto actual = canonical_permissions(groups->front().ingress);
  EXPECT_EQ(actual.size(), 5u);
  EXPECT_EQ(canonical_permissions(desired), actual);
  for (const auto& one : actual) EXPECT_EQ(one.cidrs.size() + one.groups.size(), 1u);
  EXPECT_NE(canonical_permissions({desired[0]}), actual);
}

}  // namespace
}  // namespace hopper::aws::ec2

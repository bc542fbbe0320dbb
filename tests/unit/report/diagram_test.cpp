// The diagram model (from the spec and from canned discovery) and its two renderers: DOT text,
// and SVG that parses back as XML with every subnet, address and port label in it.
#include "report/diagram.hpp"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "report_test_support.hpp"

namespace hopper::report {
namespace {

using test_support::found;
using test_support::spec_from;

const char* k_two_zones =
    "name: demo\nregion: eu-west-1\n"
    "network:\n  vpcCIDR: 10.0.0.0/16\n  zones: [{name: eu-west-1a}, {name: eu-west-1b}]\n"
    "bastion:\n  sshAllowedCIDRs: [203.0.113.7/32, 198.51.100.0/24]\n"
    "workers:\n  min: 1\n  max: 4\n  desired: 2\n";

bool has_edge(const Diagram& d, const std::string& from, const std::string& to, const std::string& label) {
  return std::find(d.edges.begin(), d.edges.end(), DiagramEdge{from, to, label}) != d.edges.end();
}

// Every text node of the document, concatenated with newlines.
std::string all_text(const pugi::xml_node& node) {
  std::string out;
  for (const auto& child : node.children()) {
    if (child.type() == pugi::node_pcdata) out += std::string(child.value()) + "\n";
    out += all_text(child);
  }
  return out;
}

TEST(DiagramTest, SpecModelHasZonesSubnetsMachinesAndTheFirewallEdges) {
  const Diagram d = diagram_from_spec(spec_from(k_two_zones));
  EXPECT_EQ(d.title, "Cluster demo in eu-west-1");
  EXPECT_EQ(d.vpc_cidr, "10.0.0.0/16");
  ASSERT_EQ(d.zones.size(), 2u);
  EXPECT_EQ(d.zones[0].private_cidr, "10.0.0.0/20");
  EXPECT_EQ(d.zones[1].private_cidr, "10.0.16.0/20");
  EXPECT_EQ(d.zones[0].public_cidr, "10.0.32.0/20");
  EXPECT_EQ(d.zones[1].public_cidr, "10.0.48.0/20");
  EXPECT_EQ(d.zones[0].nat, "NAT gateway");
  ASSERT_TRUE(d.control_plane);
  EXPECT_EQ(d.control_plane->private_ip, "10.0.0.10");
  EXPECT_EQ(d.workers.min, 1);
  EXPECT_EQ(d.workers.max, 4);
  EXPECT_EQ(d.admin_cidrs, (std::vector<std::string>{"203.0.113.7/32", "198.51.100.0/24"}));
  EXPECT_TRUE(has_edge(d, k_node_admin, k_node_bastion, "22/tcp"));
  EXPECT_TRUE(has_edge(d, k_node_bastion, k_node_control_plane, "22/tcp, 6443/tcp"));
  EXPECT_TRUE(has_edge(d, k_node_bastion, k_node_workers, "22/tcp"));
  EXPECT_TRUE(has_edge(d, k_node_workers, k_node_control_plane, "53/tcp+udp, 6443/tcp"));
  EXPECT_TRUE(has_edge(d, k_node_control_plane, k_node_workers, "all"));
  EXPECT_TRUE(has_edge(d, k_node_workers, k_node_workers, "all"));
  // firewall.cpp's "control plane to itself", drawn from the live groups too.
  EXPECT_TRUE(has_edge(d, k_node_control_plane, k_node_control_plane, "all"));
}

TEST(DiagramTest, NoBastionNoBastionEdges) {
  const Diagram d = diagram_from_spec(spec_from("name: x\nregion: eu-west-1\nbastion:\n  enabled: false\n"));
  EXPECT_FALSE(d.bastion);
  for (const auto& e : d.edges) {
    EXPECT_NE(e.from, k_node_bastion);
    EXPECT_NE(e.to, k_node_bastion);
    EXPECT_NE(e.from, k_node_admin);
  }
}

TEST(DiagramTest, PortLabels) {
  EXPECT_EQ(port_label({"tcp:22-22"}), "22/tcp");
  EXPECT_EQ(port_label({"tcp:6443-6443", "tcp:22-22"}), "22/tcp, 6443/tcp");
  EXPECT_EQ(port_label({"udp:53-53", "tcp:53-53", "tcp:6443-6443"}), "53/tcp+udp, 6443/tcp");
  EXPECT_EQ(port_label({"tcp:22-22", "-1:all"}), "all");
  EXPECT_EQ(port_label({"tcp:30000-32767"}), "30000-32767/tcp");
}

TEST(DiagramTest, SvgIsStandaloneXmlWithEveryCidrAddressAndPort) {
  const Diagram d = diagram_from_spec(spec_from(k_two_zones));
  const std::string svg = render_svg(d);
  pugi::xml_document doc;
  const auto parsed = doc.load_string(svg.c_str());
  ASSERT_TRUE(parsed) << parsed.description() << " at offset " << parsed.offset;
  const pugi::xml_node root = doc.child("svg");
  ASSERT_TRUE(root);
  EXPECT_STREQ(root.attribute("xmlns").value(), "http://www.w3.org/2000/svg");
  EXPECT_GT(root.attribute("width").as_int(), 800);
  const std::string text = all_text(root);
  for (const char* expected : {"VPC 10.0.0.0/16", "10.0.0.0/20", "10.0.16.0/20", "10.0.32.0/20", "10.0.48.0/20",
                               "zone eu-west-1a", "zone eu-west-1b", "10.0.0.10", "internet gateway", "NAT gateway",
                               "bastion", "control plane", "workers", "min 1 / desired 2 / max 4", "203.0.113.7/32",
                               "22/tcp", "22/tcp, 6443/tcp", "53/tcp+udp, 6443/tcp", "all", "0.0.0.0/0"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " missing from the SVG's text";
  }
  // One port label per security-group edge, drawn as a line or a loop with an arrow head.
  const auto labels = doc.select_nodes("//text[@class='port-label']");
  EXPECT_EQ(labels.size(), d.edges.size());
  EXPECT_GE(doc.select_nodes("//g[@class='rule']").size(), d.edges.size());
  EXPECT_EQ(doc.select_nodes("//rect[contains(@class,'subnet')]").size(), 4u);
}

TEST(DiagramTest, SvgEscapesText) {
  Diagram d = diagram_from_spec(spec_from(k_two_zones));
  d.title = "a < b & \"c\"";
  const std::string svg = render_svg(d);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str()));
  EXPECT_STREQ(doc.child("svg").child("title").text().get(), "a < b & \"c\"");
}

TEST(DiagramTest, DotHasClustersNodesAndLabelledEdges) {
  const std::string dot = render_dot(diagram_from_spec(spec_from(k_two_zones)));
  EXPECT_EQ(dot.rfind("digraph hopper {", 0), 0u);
  for (const char* expected : {"subgraph cluster_vpc", "subgraph cluster_eu_west_1a", "subgraph cluster_public_eu_west_1b",
                               "label=\"public subnet 10.0.32.0/20\"", "label=\"private subnet 10.0.16.0/20\"",
                               "admin -> bastion [label=\"22/tcp\"", "bastion -> control_plane [label=\"22/tcp, 6443/tcp\"",
                               "workers -> control_plane [label=\"53/tcp+udp, 6443/tcp\"", "control_plane -> workers [label=\"all\"",
                               "workers -> workers [label=\"all\"", "nat_eu_west_1a", "10.0.0.10"}) {
    EXPECT_NE(dot.find(expected), std::string::npos) << expected << " missing from\n" << dot;
  }
  EXPECT_EQ(std::count(dot.begin(), dot.end(), '{'), std::count(dot.begin(), dot.end(), '}'));
}

TEST(DiagramTest, LiveModelReadsIdsAddressesAndRealRules) {
  const std::vector<engine::Doomed> live = {
      found("vpc", "main", "vpc-1", {{"cidr_block", "10.0.0.0/16"}}),
      found("internet_gateway", "main", "igw-1"),
      found("subnet", "public-eu-west-1a", "subnet-pub", {{"cidr_block", "10.0.16.0/20"}, {"availability_zone", "eu-west-1a"}}),
      found("subnet", "private-eu-west-1a", "subnet-priv", {{"cidr_block", "10.0.0.0/20"}, {"availability_zone", "eu-west-1a"}}),
      found("nat_gateway", "eu-west-1a", "nat-1", {}, {{"public_ip", "52.0.0.9"}}, "available"),
      found("instance", "bastion", "i-bastion", {}, {{"private_ip", "10.0.16.5"}, {"public_ip", "52.0.0.8"}, {"instance_type", "t3.micro"}}),
      found("instance", "control-plane", "i-cp", {}, {{"private_ip", "10.0.0.10"}, {"instance_type", "t3.medium"}}),
      found("auto_scaling_group", "nodes", "demo-nodes", {{"min_size", "1"}, {"max_size", "3"}, {"desired_capacity", "2"}},
            {{"in_service", "2"}}),
      found("launch_template", "nodes", "lt-1", {{"instance_type", "t3.large"}}),
      found("security_group", "bastion", "sg-b", {}, {{"ingress", "tcp:22-22:cidr:203.0.113.7/32"}}),
      found("security_group", "control-plane", "sg-cp", {},
            {{"ingress", "-1:all:sg:sg-cp,tcp:22-22:sg:sg-b,tcp:53-53:sg:sg-n,tcp:6443-6443:sg:sg-b,tcp:6443-6443:sg:sg-n,"
                         "udp:53-53:sg:sg-n"}}),
      found("security_group", "nodes", "sg-n", {}, {{"ingress", "-1:all:sg:sg-cp,-1:all:sg:sg-n,tcp:22-22:sg:sg-b"}}),
  };
  const Diagram d = diagram_from_live(live, "demo", "eu-west-1", "123456789012");
  EXPECT_EQ(d.subtitle, "as found in account 123456789012");
  EXPECT_EQ(d.vpc_id, "vpc-1");
  EXPECT_EQ(d.internet_gateway_id, "igw-1");
  ASSERT_EQ(d.zones.size(), 1u);
  EXPECT_EQ(d.zones[0].public_id, "subnet-pub");
  EXPECT_EQ(d.zones[0].nat_public_ip, "52.0.0.9");
  ASSERT_TRUE(d.bastion);
  EXPECT_EQ(d.bastion->public_ip, "52.0.0.8");
  EXPECT_EQ(d.workers.desired, 2);
  EXPECT_EQ(d.workers.in_service, "2");
  EXPECT_EQ(d.workers.instance_type, "t3.large");
  EXPECT_EQ(d.admin_cidrs, std::vector<std::string>{"203.0.113.7/32"});
  EXPECT_TRUE(has_edge(d, k_node_admin, k_node_bastion, "22/tcp"));
  EXPECT_TRUE(has_edge(d, k_node_bastion, k_node_control_plane, "22/tcp, 6443/tcp"));
  EXPECT_TRUE(has_edge(d, k_node_workers, k_node_control_plane, "53/tcp+udp, 6443/tcp"));
  EXPECT_TRUE(has_edge(d, k_node_control_plane, k_node_workers, "all"));
  EXPECT_TRUE(has_edge(d, k_node_workers, k_node_workers, "all"));
  EXPECT_TRUE(has_edge(d, k_node_control_plane, k_node_control_plane, "all"));
  const std::string svg = render_svg(d);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str()));
  const std::string text = all_text(doc);
  for (const char* expected : {"vpc-1", "igw-1", "subnet-pub", "nat-1", "52.0.0.9", "i-bastion", "52.0.0.8", "i-cp",
                               "demo-nodes", "2 in service"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  }
}

}  // namespace
}  // namespace hopper::report

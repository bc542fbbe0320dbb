// `hopper up` against moto builds exactly the chapter's topology, modernised: checked resource
// by resource with hopper's own AWS client, security-group rules included.
#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "aws/autoscaling/groups.hpp"
#include "aws/ec2/addresses.hpp"
#include "aws/ec2/instances.hpp"
#include "aws/ec2/internet_gateways.hpp"
#include "aws/ec2/key_pairs.hpp"
#include "aws/ec2/launch_templates.hpp"
#include "aws/ec2/nat_gateways.hpp"
#include "aws/ec2/route_tables.hpp"
#include "aws/ec2/security_groups.hpp"
#include "aws/ec2/subnets.hpp"
#include "aws/ec2/volumes.hpp"
#include "aws/ec2/vpcs.hpp"
#include "aws/iam/instance_profiles.hpp"
#include "aws/iam/role_policies.hpp"
#include "aws/iam/roles.hpp"
#include "aws/ssm/parameters.hpp"
#include "cluster_fixture.hpp"
#include "model/kinds/security_group_rules.hpp"

namespace hopper::test {
namespace {

using aws::ec2::VpcAttribute;

class UpTopologyTest : public ClusterTest {
 protected:
  aws::ec2::Client ec2() { return aws::ec2::Client(*m_aws->session); }
  std::string owned_filter() { return "tag:kubernetes.io/cluster/hopper"; }

  aws::ec2::SecurityGroup group(const std::string& name) {
    auto groups = aws::ec2::describe_security_groups(ec2(), {{"group-name", {name}}}, {});
    EXPECT_TRUE(groups.ok());
    EXPECT_EQ(groups->size(), 1u) << name;
    return groups->empty() ? aws::ec2::SecurityGroup{} : groups->front();
  }
  aws::ec2::Subnet subnet(const std::string& cidr) {
    auto subnets = aws::ec2::describe_subnets(ec2(), {{"cidr-block", {cidr}}}, {});
    EXPECT_TRUE(subnets.ok());
    EXPECT_EQ(subnets->size(), 1u) << cidr;
    return subnets->empty() ? aws::ec2::Subnet{} : subnets->front();
  }
  aws::ec2::Instance instance(const std::string& name) {
    auto found = aws::ec2::describe_instances(ec2(), {{"tag:Name", {name}}, {"instance-state-name", {"running"}}}, {});
    EXPECT_TRUE(found.ok());
    EXPECT_EQ(found->size(), 1u) << name;
    return found->empty() ? aws::ec2::Instance{} : found->front();
  }
};

TEST_F(UpTopologyTest, BuildsTheChaptersClusterResourceByResource) {
  const HopperRun up = hopper({"up", "--yes"});
  ASSERT_EQ(up.exit_code, 0) << up.out << up.err;
  EXPECT_NE(up.out.find("Cluster hopper is up in eu-west-1"), std::string::npos) << up.out;

  // VPC with DNS support and hostnames, tagged, with a generation.
  auto vpcs = aws::ec2::describe_vpcs(ec2(), {{owned_filter(), {"owned"}}});
  ASSERT_TRUE(vpcs.ok());
  ASSERT_EQ(vpcs->size(), 1u);
  const auto vpc = vpcs->front();
  EXPECT_EQ(vpc.cidr_block, "10.0.0.0/16");
  EXPECT_EQ(vpc.tags.at("Name"), "hopper");
  EXPECT_EQ(vpc.tags.at("hopper/resource"), "vpc/main");
  EXPECT_EQ(vpc.tags.at("hopper/generation/hopper").size(), 8u);
  EXPECT_TRUE(*aws::ec2::describe_vpc_attribute(ec2(), vpc.id, VpcAttribute::enable_dns_support));
  EXPECT_TRUE(*aws::ec2::describe_vpc_attribute(ec2(), vpc.id, VpcAttribute::enable_dns_hostnames));

  // Subnets, tagged for the cloud provider's load balancers.
  const auto priv = subnet("10.0.0.0/20");
  const auto pub = subnet("10.0.16.0/20");
  EXPECT_EQ(priv.vpc_id, vpc.id);
  EXPECT_EQ(priv.availability_zone, "eu-west-1a");
  EXPECT_EQ(priv.tags.at("kubernetes.io/role/internal-elb"), "1");
  EXPECT_EQ(priv.tags.at("kubernetes.io/cluster/hopper"), "owned");
  EXPECT_EQ(pub.tags.at("kubernetes.io/role/elb"), "1");
  EXPECT_EQ(pub.availability_zone, "eu-west-1a");

  // Internet gateway attached; EIP and NAT gateway in the public subnet.
  auto gateways = aws::ec2::describe_internet_gateways(ec2(), {{owned_filter(), {"owned"}}}, {});
  ASSERT_EQ(gateways->size(), 1u);
  ASSERT_EQ(gateways->front().attachments.size(), 1u);
  EXPECT_EQ(gateways->front().attachments.front().vpc_id, vpc.id);
  auto addresses = aws::ec2::describe_addresses(ec2(), {{owned_filter(), {"owned"}}}, {});
  ASSERT_EQ(addresses->size(), 1u);
  std::vector<aws::ec2::NatGateway> nats;
  const auto all_nats = aws::ec2::describe_nat_gateways(ec2(), {{"vpc-id", {vpc.id}}}, {});
  ASSERT_TRUE(all_nats.ok());
  for (const auto& n : *all_nats) {
    if (n.state == "available" || n.state == "pending") nats.push_back(n);
  }
  ASSERT_EQ(nats.size(), 1u);
  EXPECT_EQ(nats[0].subnet_id, pub.id);
  ASSERT_FALSE(nats[0].addresses.empty());
  EXPECT_EQ(nats[0].addresses[0].allocation_id, addresses->front().allocation_id);

  // Route tables: public -> internet gateway, private -> NAT; each subnet associated.
  auto tables = aws::ec2::describe_route_tables(ec2(), {{owned_filter(), {"owned"}}}, {});
  ASSERT_EQ(tables->size(), 2u);
  for (const auto& table : *tables) {
    const bool is_public = table.tags.at("Name") == "hopper-public";
    std::string target;
    for (const auto& route : table.routes) {
      if (route.destination_cidr_block == "0.0.0.0/0") target = is_public ? route.gateway_id : route.nat_gateway_id;
    }
    EXPECT_EQ(target, is_public ? gateways->front().id : nats[0].id) << table.id;
    std::set<std::string> associated;
    for (const auto& a : table.associations) {
      if (!a.main) associated.insert(a.subnet_id);
    }
    EXPECT_EQ(associated, (std::set<std::string>{is_public ? pub.id : priv.id})) << table.id;
  }

  // Security groups: exactly these ingress rules (SSH only from the admin CIDR; the kubelet
  // reached from the control plane, not from the nodes as the chapter had it).
  const auto bastion_sg = group("hopper-bastion");
  const auto cp_sg = group("hopper-control-plane");
  const auto nodes_sg = group("hopper-nodes");
  const auto atoms = [](const aws::ec2::SecurityGroup& g) { return model::kinds::atoms_of(g.ingress); };
  std::vector<std::string> sorted;
  sorted = atoms(bastion_sg);
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, (std::vector<std::string>{"tcp:22-22:cidr:203.0.113.7/32"}));
  sorted = atoms(cp_sg);
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::string> cp_expected = {"-1:all:sg:" + cp_sg.id, "tcp:22-22:sg:" + bastion_sg.id,
                                          "tcp:53-53:sg:" + nodes_sg.id, "tcp:6443-6443:sg:" + bastion_sg.id,
                                          "tcp:6443-6443:sg:" + nodes_sg.id, "udp:53-53:sg:" + nodes_sg.id};
  std::sort(cp_expected.begin(), cp_expected.end());
  EXPECT_EQ(sorted, cp_expected);
  sorted = atoms(nodes_sg);
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::string> nodes_expected = {"-1:all:sg:" + nodes_sg.id, "-1:all:sg:" + cp_sg.id,
                                             "tcp:22-22:sg:" + bastion_sg.id};
  std::sort(nodes_expected.begin(), nodes_expected.end());
  EXPECT_EQ(sorted, nodes_expected);
  // No rule of any group is open to the world.
  for (const auto* g : {&bastion_sg, &cp_sg, &nodes_sg}) {
    for (const auto& p : g->ingress) {
      for (const auto& range : p.cidrs) EXPECT_NE(range.cidr, "0.0.0.0/0") << g->name;
    }
  }

  // Key pair imported from the user's key.
  auto pairs = aws::ec2::describe_key_pairs(ec2(), {}, {"hopper-hopper"});
  ASSERT_TRUE(pairs.ok());
  EXPECT_EQ(pairs->size(), 1u);

  // IAM: two roles EC2 may assume, inline least-privilege policies only, and their profiles.
  const aws::iam::Client iam(*m_aws->session);
  auto roles = aws::iam::list_roles(iam, "/hopper/hopper/eu-west-1/");
  ASSERT_EQ(roles->size(), 2u);
  for (const auto& role : *roles) {
    auto full = aws::iam::get_role(iam, role.name);
    ASSERT_TRUE(full.ok());
    EXPECT_NE(full->assume_role_policy_document.find("ec2.amazonaws.com"), std::string::npos);
    EXPECT_TRUE(aws::iam::list_attached_role_policies(iam, role.name)->empty()) << role.name;
    auto names = aws::iam::list_role_policies(iam, role.name);
    EXPECT_EQ(names->size(), 4u) << role.name;
    for (const auto& policy : *names) {
      const auto document = nlohmann::json::parse(*aws::iam::get_role_policy(iam, role.name, policy));
      for (const auto& statement : document["Statement"]) {
        for (const auto& action : statement["Action"]) EXPECT_NE(action.get<std::string>(), "*") << role.name << " " << policy;
      }
    }
  }
  auto profiles = aws::iam::list_instance_profiles(iam, "/hopper/hopper/eu-west-1/");
  ASSERT_EQ(profiles->size(), 2u);
  for (const auto& profile : *profiles) EXPECT_EQ(profile.role_names, std::vector<std::string>{profile.name});

  // Instances: IMDSv2 only, hop limit 2, encrypted gp3 root volume; the control plane at the
  // spec's IP with its role, the bastion public without one.
  const auto cp = instance("hopper-control-plane");
  EXPECT_EQ(cp.private_ip_address, "10.0.0.10");
  EXPECT_EQ(cp.subnet_id, priv.id);
  EXPECT_EQ(cp.instance_type, "t3.medium");
  EXPECT_NE(cp.iam_instance_profile_arn.find("hopper-eu-west-1-control-plane"), std::string::npos);
  EXPECT_EQ(cp.security_group_ids, std::vector<std::string>{cp_sg.id});
  const auto bastion = instance("hopper-bastion");
  EXPECT_EQ(bastion.subnet_id, pub.id);
  EXPECT_FALSE(bastion.public_ip_address.empty());
  EXPECT_TRUE(bastion.iam_instance_profile_arn.empty());
  for (const auto* i : {&cp, &bastion}) {
    EXPECT_EQ(i->metadata_options.http_tokens, "required") << i->id;
    EXPECT_EQ(i->metadata_options.http_put_response_hop_limit, 2) << i->id;
    EXPECT_EQ(i->key_name, "hopper-hopper");
    EXPECT_EQ(i->tags.at("kubernetes.io/cluster/hopper"), "owned");
    auto volumes = aws::ec2::describe_volumes(ec2(), {{"attachment.instance-id", {i->id}}}, {});
    ASSERT_TRUE(volumes.ok());
    ASSERT_FALSE(volumes->empty()) << i->id;
    EXPECT_TRUE(volumes->front().encrypted) << i->id;
    EXPECT_EQ(volumes->front().volume_type, "gp3") << i->id;
  }

  // Workers: a launch template with the same guarantees, and an Auto Scaling group over the
  // private subnet.
  auto templates = aws::ec2::describe_launch_templates(ec2(), {{owned_filter(), {"owned"}}}, {}, {});
  ASSERT_EQ(templates->size(), 1u);
  auto data = aws::ec2::describe_launch_template_version(ec2(), templates->front().id, templates->front().default_version);
  ASSERT_TRUE(data.ok());
  ASSERT_TRUE(data->metadata_options.has_value());
  EXPECT_EQ(data->metadata_options->http_tokens, "required");
  EXPECT_EQ(data->metadata_options->http_put_response_hop_limit, 2);
  ASSERT_TRUE(data->root_volume.has_value());
  EXPECT_TRUE(data->root_volume->encrypted);
  EXPECT_EQ(data->root_volume->volume_type, "gp3");
  EXPECT_EQ(data->iam_instance_profile_name.value_or(""), "hopper-eu-west-1-node");
  EXPECT_EQ(data->security_group_ids, std::vector<std::string>{nodes_sg.id});
  const aws::autoscaling::Client asg(*m_aws->session);
  auto groups = aws::autoscaling::describe_auto_scaling_groups(asg, {"hopper-nodes"}, {});
  ASSERT_EQ(groups->size(), 1u);
  EXPECT_EQ(groups->front().min_size, 1);
  EXPECT_EQ(groups->front().max_size, 1);
  EXPECT_EQ(groups->front().desired_capacity, 1);
  EXPECT_EQ(groups->front().subnet_ids, std::vector<std::string>{priv.id});
  ASSERT_TRUE(groups->front().launch_template.has_value());
  EXPECT_EQ(groups->front().launch_template->id, templates->front().id);

  // The image in use is kept in SSM.
  const aws::ssm::Client ssm(*m_aws->session);
  auto image = aws::ssm::get_parameter(ssm, "/hopper/hopper/image-id", false);
  ASSERT_TRUE(image.ok());
  EXPECT_EQ(image->value, cp.image_id);
}

}  // namespace
}  // namespace hopper::test

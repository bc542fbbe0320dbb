// Status rendering from canned discovery results, instances and API answers.
#include "report/status.hpp"

#include <gtest/gtest.h>

#include "report_test_support.hpp"

namespace hopper::report {
namespace {

using test_support::found;

aws::ec2::Instance instance(const std::string& id, const std::string& name, const std::string& resource,
                            const std::string& private_ip, const std::string& public_ip, const std::string& zone) {
  aws::ec2::Instance i;
  i.id = id;
  i.state.name = "running";
  i.instance_type = "t3.medium";
  i.private_ip_address = private_ip;
  i.public_ip_address = public_ip;
  i.availability_zone = zone;
  i.tags["Name"] = name;
  i.tags["kubernetes.io/cluster/demo"] = "owned";
  if (!resource.empty()) i.tags["hopper/resource"] = resource;
  else i.tags["aws:autoscaling:groupName"] = "demo-nodes";
  return i;
}

ClusterStatus canned() {
  const std::vector<engine::Doomed> live = {
      found("vpc", "main", "vpc-1", {}, {}, "available"),
      found("nat_gateway", "eu-west-1a", "nat-1", {}, {{"public_ip", "52.0.0.9"}}, "available"),
      found("auto_scaling_group", "nodes", "demo-nodes", {{"min_size", "1"}, {"max_size", "3"}, {"desired_capacity", "2"}},
            {{"in_service", "2"}, {"instances", "2"}}, "active"),
      found("instance", "control-plane", "i-cp", {}, {}, "running"),
  };
  const std::vector<aws::ec2::Instance> instances = {
      instance("i-w2", "demo-node", "", "10.0.1.22", "", "eu-west-1b"),
      instance("i-cp", "demo-control-plane", "instance/control-plane", "10.0.0.10", "", "eu-west-1a"),
      instance("i-b", "demo-bastion", "instance/bastion", "10.0.16.5", "52.0.0.8", "eu-west-1a"),
      instance("i-w1", "demo-node", "", "10.0.0.21", "", "eu-west-1a"),
  };
  return build_status("demo", "eu-west-1", "123456789012", live, instances);
}

TEST(StatusTest, BuildsInstancesInRoleOrderGroupsAndNat) {
  const ClusterStatus s = canned();
  ASSERT_EQ(s.instances.size(), 4u);
  EXPECT_EQ(s.instances[0].role, "bastion");
  EXPECT_EQ(s.instances[1].role, "control-plane");
  EXPECT_EQ(s.instances[2].role, "worker");
  EXPECT_EQ(s.instances[2].id, "i-w1");
  EXPECT_EQ(s.instances[3].zone, "eu-west-1b");
  ASSERT_EQ(s.groups.size(), 1u);
  EXPECT_EQ(s.groups[0].desired, 2);
  EXPECT_EQ(s.groups[0].in_service, 2);
  EXPECT_EQ(s.groups[0].max, 3);
  ASSERT_EQ(s.nat_gateways.size(), 1u);
  EXPECT_EQ(s.nat_gateways[0].public_ip, "52.0.0.9");
  EXPECT_EQ(s.nat_gateways[0].zone, "eu-west-1a");
  EXPECT_EQ(s.resources.size(), 4u);
}

TEST(StatusTest, TableShowsEverySectionAndTheKubernetesReason) {
  ClusterStatus s = canned();
  s.kube.reach = KubeStatus::Reach::local_endpoint;
  s.kube.message = "The AWS endpoint is local: the cluster itself was not booted.";
  std::ostringstream out;
  print_status(out, s);
  const std::string text = out.str();
  for (const char* expected : {"Cluster demo in eu-west-1 (account 123456789012)", "Instances", "i-b", "52.0.0.8",
                               "10.0.0.10", "eu-west-1b", "Auto Scaling groups", "demo-nodes", "NAT gateways", "52.0.0.9",
                               "the cluster itself was not booted", "Resources (4)", "nat_gateway", "available"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " missing from\n" << text;
  }
}

TEST(StatusTest, TableShowsNodesReadinessAndLoadBalancers) {
  ClusterStatus s = canned();
  s.kube.reach = KubeStatus::Reach::reachable;
  s.kube.address = "127.0.0.1:6443";
  s.kube.nodes = {{"ip-10-0-0-10", true, "True", "KubeletReady", "v1.36.0", "10.0.0.10", {"control-plane"}},
                  {"ip-10-0-0-21", false, "False", "KubeletNotReady", "v1.36.0", "10.0.0.21", {}}};
  s.kube.services = {{"default", "demo", "LoadBalancer", {"demo-123.eu-west-1.elb.amazonaws.com"}, {"80/TCP"}},
                     {"web", "shop", "LoadBalancer", {}, {"443/TCP"}}};
  std::ostringstream out;
  print_status(out, s);
  const std::string text = out.str();
  for (const char* expected : {"Kubernetes (API at 127.0.0.1:6443)", "1 of 2 node(s) Ready", "ip-10-0-0-10", "True",
                               "False (KubeletNotReady)", "control-plane", "default/demo",
                               "demo-123.eu-west-1.elb.amazonaws.com", "80/TCP", "web/shop", "(pending)"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " missing from\n" << text;
  }
  const auto json = status_json(s);
  EXPECT_EQ(json["kubernetes"]["reach"], "reachable");
  EXPECT_EQ(json["kubernetes"]["nodes"][0]["ready"], true);
  EXPECT_EQ(json["kubernetes"]["nodes"][1]["ready_reason"], "KubeletNotReady");
  EXPECT_EQ(json["kubernetes"]["load_balancer_services"][0]["load_balancer"][0], "demo-123.eu-west-1.elb.amazonaws.com");
  EXPECT_EQ(json["instances"][0]["public_ip"], "52.0.0.8");
  EXPECT_EQ(json["auto_scaling_groups"][0]["in_service"], 2);
  EXPECT_EQ(json["nat_gateways"][0]["public_ip"], "52.0.0.9");
  EXPECT_EQ(json["resources"].size(), 4u);
}

TEST(StatusTest, NothingFound) {
  const ClusterStatus s = build_status("gone", "eu-west-1", "1", {}, {});
  EXPECT_EQ(s.kube.reach, KubeStatus::Reach::no_cluster);
  std::ostringstream out;
  print_status(out, s);
  EXPECT_NE(out.str().find("Nothing of cluster gone exists in eu-west-1"), std::string::npos) << out.str();
  EXPECT_EQ(status_json(s)["kubernetes"]["reach"], "no_cluster");
}

}  // namespace
}  // namespace hopper::report

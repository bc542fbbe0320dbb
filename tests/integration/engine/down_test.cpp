// `hopper down` removes everything, including what Kubernetes would have made in the VPC at run
// time, works without the spec, and leaves other clusters and foreign resources alone.
#include <filesystem>

#include "aws/ec2/instances_run.hpp"
#include "aws/ec2/network_interfaces.hpp"
#include "aws/ec2/security_groups.hpp"
#include "aws/ec2/subnets.hpp"
#include "aws/ec2/volumes.hpp"
#include "aws/ec2/vpcs.hpp"
#include "aws/elb/load_balancers.hpp"
#include "aws/elbv2/load_balancers.hpp"
#include "cluster_fixture.hpp"

namespace hopper::test {
namespace {

class DownTest : public ClusterTest {
 protected:
  aws::ec2::Client ec2() { return aws::ec2::Client(*m_aws->session); }
  bool all_zero(const std::map<std::string, int>& counts) {
    for (const auto& [kind, n] : counts) {
      if (n != 0) {
        ADD_FAILURE() << kind << ": " << n << " left";
        return false;
      }
    }
    return true;
  }
};

TEST_F(DownTest, RemovesTheClusterAndWhatKubernetesMadeInIt) {
  ASSERT_EQ(hopper({"up", "--yes"}).exit_code, 0);
  const auto subnets = aws::ec2::describe_subnets(ec2(), {{"tag:Name", {"hopper-public-eu-west-1a", "hopper-private-eu-west-1a"}}}, {});
  ASSERT_EQ(subnets->size(), 2u);
  const std::string vpc = subnets->front().vpc_id;
  std::string public_subnet, private_subnet;
  for (const auto& s : *subnets) (s.cidr_block == "10.0.16.0/20" ? public_subnet : private_subnet) = s.id;
  const aws::Tags k8s_tags{{"kubernetes.io/cluster/hopper", "owned"}};

  // What the cloud controller makes for a Service of type LoadBalancer: a security group in the
  // VPC, a rule on the nodes' group that references it, and the load balancers themselves.
  auto elb_sg = aws::ec2::create_security_group(ec2(), {"k8s-elb-a1b2c3", "Security group for Kubernetes ELB", vpc, k8s_tags});
  ASSERT_TRUE(elb_sg.ok()) << elb_sg.error().message();
  const auto nodes = aws::ec2::describe_security_groups(ec2(), {{"group-name", {"hopper-nodes"}}}, {});
  aws::ec2::IpPermission from_elb;
  from_elb.protocol = "tcp";
  from_elb.from_port = 30080;
  from_elb.to_port = 30080;
  from_elb.groups = {{*elb_sg, ""}};
  ASSERT_TRUE(aws::ec2::authorize_ingress(ec2(), nodes->front().id, {from_elb}).ok());
  const aws::elb::Client elb(*m_aws->session);
  aws::elb::CreateLoadBalancerRequest classic;
  classic.name = "a1b2c3d4e5f6";
  classic.listeners = {{"TCP", 80, 30080, "TCP"}};
  classic.subnets = {public_subnet};
  classic.security_groups = {*elb_sg};
  classic.tags = k8s_tags;
  ASSERT_TRUE(aws::elb::create_load_balancer(elb, classic).ok());
  const aws::elbv2::Client elbv2(*m_aws->session);
  aws::elbv2::CreateLoadBalancerRequest nlb;
  nlb.name = "k8s-default-demo-0123456789";
  nlb.subnet_ids = {public_subnet};
  nlb.type = "network";
  nlb.scheme = "internet-facing";
  nlb.tags = k8s_tags;
  ASSERT_TRUE(aws::elbv2::create_load_balancer(elbv2, nlb).ok());
  // A persistent volume's disk and an interface the VPC CNI left behind.
  auto volume = aws::ec2::create_volume(ec2(), "eu-west-1a", 10, "gp3", k8s_tags);
  ASSERT_TRUE(volume.ok());
  auto eni = m_aws->session->query(aws::Service::ec2, "CreateNetworkInterface",
                                   aws::QueryParams().set("SubnetId", private_subnet).set("Description", "aws-K8S-i-0abc"));
  ASSERT_TRUE(eni.ok()) << eni.error().message();

  const HopperRun down = hopper({"down", "--yes"});
  ASSERT_EQ(down.exit_code, 0) << down.out << down.err;
  EXPECT_NE(down.out.find("nothing tagged for it is left"), std::string::npos) << down.out;
  EXPECT_TRUE(all_zero(census()));
  EXPECT_TRUE(aws::elb::describe_load_balancers(elb)->empty());
  EXPECT_TRUE(aws::elbv2::describe_load_balancers(elbv2)->empty());
  auto volumes = aws::ec2::describe_volumes(ec2(), {{"volume-id", {volume->id}}}, {});
  EXPECT_TRUE(!volumes.ok() || volumes->empty());
  EXPECT_TRUE(aws::ec2::describe_vpcs(ec2(), {{"vpc-id", {vpc}}})->empty());
  auto groups = aws::ec2::describe_security_groups(ec2(), {{"group-id", {*elb_sg}}}, {});
  EXPECT_TRUE(!groups.ok() || groups->empty());
}

TEST_F(DownTest, WorksWithoutTheSpecByNameAndRegion) {
  ASSERT_EQ(hopper({"up", "--yes"}).exit_code, 0);
  std::filesystem::remove(m_dir.path() / "cluster.yaml");
  const HopperRun refused = hopper({"down", "--yes"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("--name"), std::string::npos) << refused.err;
  const HopperRun down = hopper({"down", "--name", "hopper", "--region", "eu-west-1", "--yes"});
  ASSERT_EQ(down.exit_code, 0) << down.out << down.err;
  EXPECT_TRUE(all_zero(census()));
}

TEST_F(DownTest, LeavesAnotherClusterAndForeignResourcesAlone) {
  // Someone else's network and machine in the same account and region.
  auto foreign_vpc = aws::ec2::create_vpc(ec2(), "10.50.0.0/16", {{"Name", "payroll"}});
  ASSERT_TRUE(foreign_vpc.ok());
  auto foreign_subnet = aws::ec2::create_subnet(ec2(), {foreign_vpc->id, "10.50.1.0/24", "eu-west-1a", {{"Name", "payroll"}}});
  ASSERT_TRUE(foreign_subnet.ok());
  auto foreign_sg = aws::ec2::create_security_group(ec2(), {"payroll", "payroll app", foreign_vpc->id, {}});
  ASSERT_TRUE(foreign_sg.ok());

  // A second cluster, "other", with its own spec in the same folder.
  const HopperRun other_init = hopper({"init", "-f", "other.yaml", "--name", "other", "--ssh-public-key",
                                       (m_dir.path() / "id_ed25519.pub").string(), "--admin-cidr", "198.51.100.0/24"});
  ASSERT_EQ(other_init.exit_code, 0) << other_init.err;
  ASSERT_EQ(hopper({"up", "--yes", "-f", "other.yaml"}).exit_code, 0);
  ASSERT_EQ(hopper({"up", "--yes"}).exit_code, 0);
  const auto other_before = census("other");
  EXPECT_EQ(other_before.at("vpc"), 1);
  EXPECT_EQ(other_before.at("instance"), 3);  // bastion, control plane, one worker

  // Planning one cluster does not see the other's resources as its own.
  const HopperRun plan = hopper({"plan", "--detailed-exitcode"});
  EXPECT_EQ(plan.exit_code, 0) << plan.out;

  ASSERT_EQ(hopper({"down", "--yes"}).exit_code, 0);
  EXPECT_TRUE(all_zero(census("hopper")));
  EXPECT_EQ(census("other"), other_before);
  EXPECT_EQ(aws::ec2::describe_vpcs(ec2(), {{"vpc-id", {foreign_vpc->id}}})->size(), 1u);
  EXPECT_EQ(aws::ec2::describe_subnets(ec2(), {{"subnet-id", {foreign_subnet->id}}}, {})->size(), 1u);
  EXPECT_EQ(aws::ec2::describe_security_groups(ec2(), {{"group-id", {*foreign_sg}}}, {})->size(), 1u);

  ASSERT_EQ(hopper({"down", "--yes", "-f", "other.yaml"}).exit_code, 0);
  EXPECT_TRUE(all_zero(census("other")));
}

}  // namespace
}  // namespace hopper::test

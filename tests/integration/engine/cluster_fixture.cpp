#include "cluster_fixture.hpp"

#include <iostream>

#include <algorithm>
#include <fstream>
#include <sstream>

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
#include "aws/ec2/vpcs.hpp"
#include "aws/iam/instance_profiles.hpp"
#include "aws/iam/roles.hpp"
#include "aws/ssm/parameters.hpp"

namespace hopper::test {

void ClusterTest::SetUp() {
  m_moto = &MotoServer::shared_with_ubuntu();
  m_moto->reset();
  m_proxy = std::make_unique<AwsProxy>(m_moto->endpoint());
  m_aws = make_test_aws(m_moto->endpoint());
  m_dir.write("id_ed25519.pub", std::string(k_test_public_key) + "\n");
  init_spec();
}

std::map<std::string, std::string> ClusterTest::env() const {
  return {{"AWS_ENDPOINT_URL", m_proxy->endpoint()},
          {"AWS_ACCESS_KEY_ID", "testing"},
          {"AWS_SECRET_ACCESS_KEY", "testing"},
          {"HOME", m_dir.path().string()},
          {"XDG_STATE_HOME", (m_dir.path() / "state").string()}};
}

HopperRun ClusterTest::hopper(const std::vector<std::string>& args, std::function<void(int)> on_start) {
  HopperRun run = run_hopper(args, env(), m_dir.path().string(), "", std::move(on_start));
  if (run.exit_code != 0) {
    // Some tests expect a failure; either way the output belongs in the log for whoever reads it.
    std::string line = "[hopper";
    for (const auto& arg : args) line += " " + arg;
    std::cerr << line << "] exited " << run.exit_code << "; its stderr:\n" << run.err << "\n";
  }
  return run;
}

void ClusterTest::init_spec(const std::vector<std::string>& extra) {
  std::vector<std::string> args{"init", "--force", "--ssh-public-key", (m_dir.path() / "id_ed25519.pub").string(),
                                "--admin-cidr", "203.0.113.7/32"};
  args.insert(args.end(), extra.begin(), extra.end());
  const HopperRun run = hopper(args);
  ASSERT_EQ(run.exit_code, 0) << run.err;
}

void ClusterTest::edit_spec(const std::string& from, const std::string& to) {
  const auto path = m_dir.path() / "cluster.yaml";
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  const std::size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << "'" << from << "' not in cluster.yaml:\n" << text;
  text.replace(at, from.size(), to);
  std::ofstream(path) << text;
}

std::map<std::string, int> ClusterTest::census(const std::string& cluster) {
  const aws::ec2::Client ec2(*m_aws->session);
  const std::vector<aws::Filter> tagged{{"tag:kubernetes.io/cluster/" + cluster, {"owned"}}};
  std::map<std::string, int> out;
  out["vpc"] = static_cast<int>(aws::ec2::describe_vpcs(ec2, tagged)->size());
  out["subnet"] = static_cast<int>(aws::ec2::describe_subnets(ec2, tagged, {})->size());
  out["route_table"] = static_cast<int>(aws::ec2::describe_route_tables(ec2, tagged, {})->size());
  out["internet_gateway"] = static_cast<int>(aws::ec2::describe_internet_gateways(ec2, tagged, {})->size());
  out["elastic_ip"] = static_cast<int>(aws::ec2::describe_addresses(ec2, tagged, {})->size());
  int nats = 0;
  const auto nat_list = aws::ec2::describe_nat_gateways(ec2, tagged, {});
  for (const auto& nat : *nat_list) {
    if (nat.tags.count("kubernetes.io/cluster/" + cluster) && nat.state != "deleted" && nat.state != "deleting") ++nats;
  }
  out["nat_gateway"] = nats;
  out["security_group"] = static_cast<int>(aws::ec2::describe_security_groups(ec2, tagged, {})->size());
  out["key_pair"] = static_cast<int>(aws::ec2::describe_key_pairs(ec2, tagged, {})->size());
  out["launch_template"] = static_cast<int>(aws::ec2::describe_launch_templates(ec2, tagged, {}, {})->size());
  int instances = 0;
  const auto instance_list = aws::ec2::describe_instances(ec2, tagged, {});
  for (const auto& i : *instance_list) {
    if (i.state.name != "terminated" && i.state.name != "shutting-down") ++instances;
  }
  out["instance"] = instances;
  const aws::autoscaling::Client asg(*m_aws->session);
  out["auto_scaling_group"] =
      static_cast<int>(aws::autoscaling::describe_auto_scaling_groups(asg, {}, {{"tag:kubernetes.io/cluster/" + cluster, {"owned"}}})->size());
  const aws::iam::Client iam(*m_aws->session);
  out["iam_role"] = static_cast<int>(aws::iam::list_roles(iam, "/hopper/" + cluster + "/")->size());
  // moto ignores PathPrefix for instance profiles: count by path here.
  const auto profiles = aws::iam::list_instance_profiles(iam, "/hopper/" + cluster + "/");
  out["iam_instance_profile"] = static_cast<int>(std::count_if(profiles->begin(), profiles->end(), [&](const auto& p) {
    return p.path.rfind("/hopper/" + cluster + "/", 0) == 0;
  }));
  const aws::ssm::Client ssm(*m_aws->session);
  out["ssm_parameter"] = static_cast<int>(aws::ssm::get_parameters_by_path(ssm, "/hopper/" + cluster + "/", true, false)->size());
  return out;
}

}  // namespace hopper::test

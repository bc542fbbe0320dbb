#include "model/sweep.hpp"

#include <algorithm>
#include <set>

#include "aws/autoscaling/groups.hpp"
#include "aws/ec2/instances.hpp"
#include "aws/ec2/nat_gateways.hpp"
#include "aws/ec2/network_interfaces.hpp"
#include "aws/ec2/security_groups.hpp"
#include "aws/ec2/subnets.hpp"
#include "aws/ec2/addresses.hpp"
#include "aws/ec2/internet_gateways.hpp"
#include "aws/ec2/key_pairs.hpp"
#include "aws/ec2/launch_templates.hpp"
#include "aws/ec2/route_tables.hpp"
#include "aws/ec2/volumes.hpp"
#include "aws/ec2/vpcs.hpp"
#include "aws/elb/load_balancers.hpp"
#include "aws/elbv2/client.hpp"
#include "aws/elbv2/load_balancers.hpp"
#include "aws/iam/instance_profiles.hpp"
#include "aws/iam/roles.hpp"
#include "aws/ssm/parameters.hpp"

namespace hopper::model {
namespace {

bool gone_state(const std::string& state) {
  return state == "terminated" || state == "deleted" || state == "deleting" || state == "shutting-down";
}

}  // namespace

util::Result<std::vector<Leftover>> sweep(Cloud& cloud, const std::vector<std::string>& vpc_ids) {
  std::vector<Leftover> out;
  std::set<std::string> seen;
  const auto add = [&](Leftover leftover) {
    if (seen.insert(leftover.id).second) out.push_back(std::move(leftover));
  };

  // VPCs that still exist (a deleted VPC's network interfaces cannot exist on AWS, even if an
  // emulator keeps listing them).
  std::vector<std::string> live_vpcs;
  if (!vpc_ids.empty()) {
    HOPPER_ASSIGN(const auto vpcs, aws::ec2::describe_vpcs(cloud.ec2, {{"vpc-id", vpc_ids}}, {}));
    for (const auto& vpc : vpcs) live_vpcs.push_back(vpc.id);
  }

  // 1. Everything EC2 still holds with the cluster tag, kind by kind (DescribeTags alone is not
  // enough: emulators keep listing the tags of deleted resources).
  const std::vector<aws::Filter> tagged{{"tag-key", {cloud.cluster_tag_key()}}};
  const auto tag_detail = [&](const aws::Tags& tags) {
    const auto it = tags.find(cloud.cluster_tag_key());
    return "tagged " + cloud.cluster_tag_key() + "=" + (it == tags.end() ? "" : it->second);
  };
  HOPPER_ASSIGN(const auto vpcs, aws::ec2::describe_vpcs(cloud.ec2, tagged));
  for (const auto& v : vpcs) {
    if (v.tags.count(cloud.cluster_tag_key()) && v.tags.at(cloud.cluster_tag_key()) != "shared") add({"vpc", v.id, tag_detail(v.tags)});
  }
  HOPPER_ASSIGN(const auto subnets, aws::ec2::describe_subnets(cloud.ec2, tagged, {}));
  for (const auto& x : subnets) add({"subnet", x.id, tag_detail(x.tags)});
  HOPPER_ASSIGN(const auto groups, aws::ec2::describe_security_groups(cloud.ec2, tagged, {}));
  for (const auto& x : groups) add({"security-group", x.id, tag_detail(x.tags)});
  HOPPER_ASSIGN(const auto tables, aws::ec2::describe_route_tables(cloud.ec2, tagged, {}));
  for (const auto& x : tables) add({"route-table", x.id, tag_detail(x.tags)});
  HOPPER_ASSIGN(const auto gateways, aws::ec2::describe_internet_gateways(cloud.ec2, tagged, {}));
  for (const auto& x : gateways) add({"internet-gateway", x.id, tag_detail(x.tags)});
  HOPPER_ASSIGN(const auto addresses, aws::ec2::describe_addresses(cloud.ec2, tagged, {}));
  for (const auto& x : addresses) add({"elastic-ip", x.allocation_id, x.public_ip});
  HOPPER_ASSIGN(const auto pairs, aws::ec2::describe_key_pairs(cloud.ec2, tagged, {}));
  for (const auto& x : pairs) add({"key-pair", x.name, tag_detail(x.tags)});
  HOPPER_ASSIGN(const auto templates, aws::ec2::describe_launch_templates(cloud.ec2, tagged, {}, {}));
  for (const auto& x : templates) add({"launch-template", x.id, x.name});
  HOPPER_ASSIGN(const auto volumes, aws::ec2::describe_volumes(cloud.ec2, tagged, {}));
  for (const auto& x : volumes) {
    if (x.state != "deleted" && x.state != "deleting") add({"volume", x.id, x.state});
  }
  HOPPER_ASSIGN(const auto nats, aws::ec2::describe_nat_gateways(cloud.ec2, tagged, {}));
  for (const auto& x : nats) {
    // Some endpoints ignore the tag filter here: check the tags too.
    if (x.tags.count(cloud.cluster_tag_key()) && !gone_state(x.state)) add({"nat-gateway", x.id, x.state});
  }
  HOPPER_ASSIGN(const auto instances, aws::ec2::describe_instances(cloud.ec2, tagged, {}));
  for (const auto& x : instances) {
    if (!gone_state(x.state.name)) add({"instance", x.id, x.state.name});
  }
  HOPPER_ASSIGN(const auto enis, aws::ec2::describe_network_interfaces(cloud.ec2, tagged, {}));
  for (const auto& x : enis) {
    // A network interface cannot outlive its VPC on AWS, whatever an emulator still lists.
    if (std::find(live_vpcs.begin(), live_vpcs.end(), x.vpc_id) != live_vpcs.end()) add({"network-interface", x.id, x.status});
  }

  // 2. Anything still inside the cluster's VPCs.
  if (!live_vpcs.empty()) {
    const std::vector<aws::Filter> inside{{"vpc-id", live_vpcs}};
    HOPPER_ASSIGN(const auto in_subnets, aws::ec2::describe_subnets(cloud.ec2, inside, {}));
    for (const auto& x : in_subnets) add({"subnet", x.id, "in " + x.vpc_id});
    HOPPER_ASSIGN(const auto in_groups, aws::ec2::describe_security_groups(cloud.ec2, inside, {}));
    for (const auto& x : in_groups) {
      if (x.name != "default") add({"security-group", x.id, x.name});
    }
    HOPPER_ASSIGN(const auto in_instances, aws::ec2::describe_instances(cloud.ec2, inside, {}));
    for (const auto& x : in_instances) {
      if (!gone_state(x.state.name)) add({"instance", x.id, x.state.name});
    }
    HOPPER_ASSIGN(const auto in_enis, aws::ec2::describe_network_interfaces(cloud.ec2, inside, {}));
    for (const auto& x : in_enis) add({"network-interface", x.id, x.status});
  }

  // 3. Auto Scaling groups and load balancers.
  HOPPER_ASSIGN(const auto asgs, aws::autoscaling::describe_auto_scaling_groups(
                                     cloud.autoscaling, {}, {{"tag-key", {cloud.cluster_tag_key()}}}));
  for (const auto& g : asgs) add({"auto-scaling-group", g.name, g.status});
  HOPPER_ASSIGN(const auto balancers, aws::elbv2::describe_load_balancers(cloud.elbv2));
  if (!balancers.empty()) {
    std::vector<std::string> arns;
    for (const auto& lb : balancers) arns.push_back(lb.arn);
    HOPPER_ASSIGN(auto tags, aws::elbv2::describe_tags(cloud.elbv2, arns));
    for (const auto& lb : balancers) {
      if (tags[lb.arn].count(cloud.cluster_tag_key()) || std::find(vpc_ids.begin(), vpc_ids.end(), lb.vpc_id) != vpc_ids.end()) {
        add({"load-balancer", lb.arn, lb.name});
      }
    }
  }
  HOPPER_ASSIGN(const auto classics, aws::elb::describe_load_balancers(cloud.elb));
  if (!classics.empty()) {
    std::vector<std::string> names;
    for (const auto& lb : classics) names.push_back(lb.name);
    HOPPER_ASSIGN(auto tags, aws::elb::describe_tags(cloud.elb, names));
    for (const auto& lb : classics) {
      if (tags[lb.name].count(cloud.cluster_tag_key()) || std::find(vpc_ids.begin(), vpc_ids.end(), lb.vpc_id) != vpc_ids.end()) {
        add({"classic-load-balancer", lb.name, lb.dns_name});
      }
    }
  }

  // 4. IAM (global: the cluster's path carries its region) and SSM.
  HOPPER_ASSIGN(const auto roles, aws::iam::list_roles(cloud.iam, cloud.iam_path()));
  for (const auto& r : roles) {
    if (r.path.rfind(cloud.iam_path(), 0) == 0) add({"iam-role", r.name, r.path});
  }
  HOPPER_ASSIGN(const auto profiles, aws::iam::list_instance_profiles(cloud.iam, cloud.iam_path()));
  for (const auto& p : profiles) {
    // Some endpoints ignore PathPrefix here: check the path too.
    if (p.path.rfind(cloud.iam_path(), 0) == 0) add({"iam-instance-profile", p.name, p.path});
  }
  HOPPER_ASSIGN(const auto parameters, aws::ssm::get_parameters_by_path(cloud.ssm, cloud.ssm_prefix(), true, false));
  for (const auto& p : parameters) add({"ssm-parameter", p.name, p.type});
  return out;
}

}  // namespace hopper::model

// The machines: the key pair, the image in use (kept in SSM so a later run never re-resolves
// it), the bastion (public subnet, public IP, no role), the control plane (first zone's private
// subnet at the spec's IP, guarded: it holds etcd), and the workers' launch template and Auto
// Scaling group over every private subnet. Instances in private subnets wait for their zone's
// default route: they install packages at boot through the NAT.
#include "model/builders/cluster.hpp"
#include "model/kinds/auto_scaling_group.hpp"
#include "model/kinds/instance.hpp"
#include "model/kinds/key_pair.hpp"
#include "model/kinds/launch_template.hpp"
#include "model/kinds/ssm_parameter.hpp"

namespace hopper::model {

std::string nat_instance_user_data(const std::string& vpc_cidr) {
  // bootcmd runs on every boot, so forwarding and the masquerade rule survive a reboot.
  return "#cloud-config\n"
         "# hopper: NAT instance for " + vpc_cidr + "\n"
         "bootcmd:\n"
         "  - [sysctl, -w, net.ipv4.ip_forward=1]\n"
         "  - [sh, -c, 'out=$(ip route show default | awk \"{print \\$5; exit}\"); "
         "iptables -t nat -C POSTROUTING -o \"$out\" -s " + vpc_cidr + " -j MASQUERADE 2>/dev/null || "
         "iptables -t nat -A POSTROUTING -o \"$out\" -s " + vpc_cidr + " -j MASQUERADE']\n";
}

void build_compute(const ClusterInputs& inputs, std::vector<std::unique_ptr<Resource>>& out) {
  const spec::ClusterSpec& spec = *inputs.spec;
  const ClusterIdentity& id = inputs.identity;
  const std::string prefix = "/hopper/" + id.name + "/";
  const bool has_nat = spec.network.nat != spec::NatMode::none;

  const ResourceKey key_pair{"key_pair", "main"};
  out.push_back(kinds::make_key_pair("hopper-" + id.name, spec.ssh_key.public_key));

  out.push_back(kinds::make_ssm_parameter(
      "image-id", {prefix + "image-id", inputs.image_id, false, "The AMI of cluster " + id.name + " (hopper keeps it)"}));
  for (const auto& parameter : inputs.bootstrap.parameters) {
    out.push_back(kinds::make_ssm_parameter(parameter.name, {prefix + parameter.name, parameter.value, parameter.secure,
                                                             parameter.description}));
  }
  std::vector<ResourceKey> parameters;
  for (const auto& parameter : inputs.bootstrap.parameters) parameters.push_back({"ssm_parameter", parameter.name});

  const std::string first_zone = spec.network.zones.front().name;
  const auto private_route = [&](const std::string& zone) {
    return ResourceKey{"route", "private-" + zone + "-default"};
  };

  if (spec.bastion.enabled) {
    kinds::InstanceSpec bastion;
    bastion.launch = {keys::image(), spec.bastion.instance_type, key_pair, {{"security_group", "bastion"}},
                      std::nullopt, "", inputs.bootstrap.bastion_user_data, spec.bastion.root_volume_gib};
    bastion.subnet = {"subnet", "public-" + first_zone};
    bastion.public_ip = true;
    bastion.also_after = {{"route", "public-default"}};
    out.push_back(kinds::make_instance("bastion", display_name(inputs, "bastion"), bastion));
  }

  if (spec.network.nat == spec::NatMode::instance) {
    for (const auto& zone : spec.network.zones) {
      kinds::InstanceSpec nat;
      nat.launch = {keys::image(), spec.network.nat_instance_type, key_pair, {{"security_group", "nat"}}, std::nullopt, "",
                    nat_instance_user_data(spec.network.vpc_cidr.str()), k_nat_instance_root_gib};
      nat.subnet = {"subnet", "public-" + zone.name};
      nat.public_ip = true;
      nat.source_dest_check = false;
      nat.also_after = {{"route", "public-default"}};
      out.push_back(kinds::make_instance("nat-" + zone.name, display_name(inputs, "nat-" + zone.name), nat));
    }
  }

  kinds::InstanceSpec control_plane;
  control_plane.launch = {keys::image(), spec.control_plane.instance_type, key_pair,
                          {{"security_group", "control-plane"}}, ResourceKey{"iam_instance_profile", "control-plane"},
                          id.name + "-" + id.region + "-control-plane", inputs.bootstrap.control_plane_user_data,
                          spec.control_plane.root_volume_gib};
  control_plane.subnet = {"subnet", "private-" + first_zone};
  control_plane.private_ip = spec.control_plane.private_ip.str();
  control_plane.guarded = true;
  control_plane.also_after = parameters;
  if (has_nat) control_plane.also_after.push_back(private_route(first_zone));
  out.push_back(kinds::make_instance("control-plane", display_name(inputs, "control-plane"), control_plane));

  kinds::LaunchSettings workers{keys::image(), spec.workers.instance_type, key_pair, {{"security_group", "nodes"}},
                                ResourceKey{"iam_instance_profile", "node"}, id.name + "-" + id.region + "-node",
                                inputs.bootstrap.worker_user_data, spec.workers.root_volume_gib};
  out.push_back(kinds::make_launch_template("nodes", display_name(inputs, "nodes"), workers, parameters));

  kinds::AutoScalingGroupSpec group;
  group.launch_template = {"launch_template", "nodes"};
  group.min_size = spec.workers.min;
  group.max_size = spec.workers.max;
  group.desired_capacity = spec.workers.desired;
  for (const auto& zone : spec.network.zones) {
    group.subnets.push_back({"subnet", "private-" + zone.name});
    if (has_nat) group.also_after.push_back(private_route(zone.name));
  }
  auto asg = kinds::make_auto_scaling_group("nodes", display_name(inputs, "nodes"), group);
  aws::Tags asg_tags = owned_tags(id, keys::workers(), display_name(inputs, "node"));
  // The cluster autoscaler finds groups by these tags.
  asg_tags["k8s.io/cluster-autoscaler/enabled"] = "true";
  asg_tags["k8s.io/cluster-autoscaler/" + id.name] = "owned";
  asg->set_tags(asg_tags);
  out.push_back(std::move(asg));
}

}  // namespace hopper::model

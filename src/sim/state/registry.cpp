// The one list of resource families: their handlers, what a new region holds, and the order in
// which pending states advance.
#include "sim/call.hpp"
#include "sim/state/ec2_network.hpp"
#include "sim/state/families.hpp"

namespace hopper::sim {

void seed_public_parameters(World& world, nlohmann::json& region);

void register_families(Registry& registry) {
  register_ec2_vpcs(registry);
  register_ec2_routes(registry);
  register_ec2_gateways(registry);
  register_ec2_security_groups(registry);
  register_ec2_instances(registry);
  register_ec2_images(registry);
  register_ec2_misc(registry);
  register_ec2_launch_templates(registry);
  register_iam(registry);
  register_autoscaling(registry);
  register_ssm(registry);
  register_elb(registry);
}

void seed_region(World& world, const std::string& name, nlohmann::json& region) {
  // A real account's region: the default VPC with a public subnet per zone, its IGW, and the
  // stock images with Canonical's public parameters.
  Json& vpc = make_vpc(world, region, "172.31.0.0/16", true, {});
  const std::string vpc_id = vpc["vpcId"];
  const auto zones = zone_names(name);
  for (std::size_t i = 0; i < zones.size(); ++i) {
    make_subnet(world, region, name, vpc_id, "172.31." + std::to_string(16 * i) + ".0/20", zones[i], true, {});
  }
  make_internet_gateway(world, region, vpc_id, {});
  for (auto& [id, table] : collection(region, col::route_tables).items()) {
    if (table.value("vpcId", "") == vpc_id) {
      table["routeSet"].push_back({{"destinationCidrBlock", "0.0.0.0/0"}, {"state", "active"}, {"origin", "CreateRoute"},
                                   {"gatewayId", (*collection(region, col::internet_gateways).begin())["internetGatewayId"]}});
    }
  }
  seed_images(world, region, name);
  seed_public_parameters(world, region);
}

void advance_region(World& world, const std::string& name, nlohmann::json& region, long long now) {
  advance_nat_gateways(world, region, now);
  advance_instances(world, region, now);
  advance_images(world, region, now);
  advance_autoscaling(world, name, region, now);
  advance_instances(world, region, now);
  advance_load_balancers(world, region, now);
}

}  // namespace hopper::sim

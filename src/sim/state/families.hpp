// The resource families of the simulator, each in its own file under sim/state/: what each
// registers (its actions), how a new region is seeded (default VPC, stock images), and how
// pending states advance with time. registry.cpp is the one list of them.
//
// Thread-safety: as World (under the Simulator's mutex).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace hopper::sim {

class Registry;
class World;

// Adds every family's handlers to `registry`.
void register_families(Registry& registry);

void register_ec2_vpcs(Registry& registry);             // VPCs, subnets, attributes, AZs
void register_ec2_routes(Registry& registry);           // route tables, routes, associations
void register_ec2_gateways(Registry& registry);         // internet gateways, addresses, NAT gateways
void register_ec2_security_groups(Registry& registry);  // groups and rules
void register_ec2_instances(Registry& registry);        // run, describe, stop/start/terminate, console
void register_ec2_images(Registry& registry);           // images, snapshots, volumes
void register_ec2_misc(Registry& registry);             // key pairs, tags, instance types, ENIs
void register_ec2_launch_templates(Registry& registry);
void register_iam(Registry& registry);                  // roles, policies, instance profiles, users; STS
void register_autoscaling(Registry& registry);          // groups, launch configurations, activities
void register_ssm(Registry& registry);
void register_elb(Registry& registry);                  // ELBv2 and classic ELB

// Fills a new region: the default VPC (172.31.0.0/16, a default subnet per zone, default
// security group, main route table, attached internet gateway) and the stock images.
void seed_region(World& world, const std::string& name, nlohmann::json& region);
// Moves every due transition of `region` at time `now` (ms).
void advance_region(World& world, const std::string& name, nlohmann::json& region, long long now);

// The stock images of a new region (ec2_images.cpp).
void seed_images(World& world, nlohmann::json& region, const std::string& region_name);
// The data of a launch template version ("$Latest", "$Default", a number; empty = default), or nullptr.
const nlohmann::json* launch_template_data(nlohmann::json& region, const std::string& id_or_name, const std::string& version);

// Per-family advance steps (called by advance_region).
void advance_nat_gateways(World& world, nlohmann::json& region, long long now);
void advance_instances(World& world, nlohmann::json& region, long long now);
void advance_images(World& world, nlohmann::json& region, long long now);
void advance_autoscaling(World& world, const std::string& name, nlohmann::json& region, long long now);
void advance_load_balancers(World& world, nlohmann::json& region, long long now);

}  // namespace hopper::sim

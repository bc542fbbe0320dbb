#include "sim/seed.hpp"

#include "sim/state/ec2_instances.hpp"
#include "sim/state/ec2_network.hpp"

namespace hopper::sim {

void seed_unrelated(World& world, const std::string& region_name, int count) {
  Json& region = world.region(region_name);
  int made = 0;
  for (int v = 0; made < count; ++v) {
    const Tags tags = {{"Name", "unrelated-" + std::to_string(v)}, {"kubernetes.io/cluster/unrelated-" + std::to_string(v), "owned"}};
    const std::string cidr = "10." + std::to_string(v % 250) + ".0.0/16";
    Json& vpc = make_vpc(world, region, cidr, false, tags);  // with its route table and group: 3
    const std::string vpc_id = vpc["vpcId"];
    made += 3;
    const auto zones = zone_names(region_name);
    for (int s = 0; s < 8 && made < count; ++s) {
      Json& subnet = make_subnet(world, region, region_name, vpc_id, "10." + std::to_string(v % 250) + "." +
                                 std::to_string(s * 16) + ".0/20", zones[static_cast<std::size_t>(s) % zones.size()], false, tags);
      ++made;
      const std::string group_id = world.new_id("sg");
      Json group = {{"groupId", group_id}, {"groupName", "unrelated-" + std::to_string(v) + "-" + std::to_string(s)},
                    {"groupDescription", "unrelated"}, {"vpcId", vpc_id}, {"ownerId", k_account}, {"tagSet", ec2_tag_set(tags)},
                    {"_ingress", Json::array()}, {"_egress", Json::array()}};
      insert(world, region, col::security_groups, group_id, std::move(group));
      ++made;
      for (int i = 0; i < 4 && made < count; ++i) {
        LaunchSpec spec;
        for (auto& [id, image] : collection(region, col::images).items()) {
          if (image.value("architecture", "") == "x86_64") spec.image_id = id;
        }
        spec.instance_type = "t3.micro";
        spec.subnet_id = subnet["subnetId"];
        spec.group_ids = {group_id};
        spec.instance_tags = tags;
        spec.volume_tags = tags;
        launch_instance(world, region, region_name, spec, world.new_id("r"), 0);
        made += 3;  // the instance, its interface and its volume
      }
    }
  }
  world.changed();
}

}  // namespace hopper::sim

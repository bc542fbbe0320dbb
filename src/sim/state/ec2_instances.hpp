// Instances as RunInstances and Auto Scaling launch them: validation of everything a launch
// names (image, type, key, subnet, groups, instance profile as EC2 sees it), the instance with
// its network interface, addresses and volumes, the AWS-shaped view of it, and its lifecycle.
//
// Thread-safety: as World.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/state/ec2_common.hpp"

namespace hopper::sim {

struct LaunchSpec {
  std::string image_id;
  std::string instance_type = "m1.small";
  std::string key_name;
  std::string subnet_id;           // empty: the default subnet of the first zone
  std::vector<std::string> group_ids;
  std::vector<std::string> group_names;
  std::optional<std::string> private_ip;
  std::optional<bool> public_ip;   // nullopt: the subnet's MapPublicIpOnLaunch
  std::string profile_name;
  std::string profile_arn;
  std::string user_data;           // base64, as sent
  Json metadata = Json::object();  // httpTokens, httpPutResponseHopLimit, httpEndpoint
  Json block_devices = Json::array();  // [{deviceName, volumeSize, volumeType, deleteOnTermination, encrypted}]
  Tags instance_tags;
  Tags volume_tags;
  Tags eni_tags;
  std::string client_token;
};

// Checks every reference of `spec` and fills its defaults (subnet, groups); throws ApiFault
// with EC2's codes. Nothing is created.
void check_launch(World& world, Json& region, const std::string& region_name, LaunchSpec& spec);
// Creates one instance of a checked `spec` (pending, or running at once with instant timing),
// launched at `launched_at` (ms; default now): Auto Scaling launches when its delay fell due, which
// the lazily advanced clock may only reach at a later request, and the boot time counts from then.
Json& launch_instance(World& world, Json& region, const std::string& region_name, const LaunchSpec& spec,
                      const std::string& reservation_id, int launch_index, std::optional<long long> launched_at = std::nullopt);
// Starts terminating `instance` (shutting-down, then terminated).
void terminate_instance(World& world, Json& instance);
// The instance as DescribeInstances shows it.
Json view_instance(Json& region, const std::string& region_name, const Json& instance);
// Sets instanceState to `name` with AWS's code.
void set_instance_state(Json& instance, const std::string& name);

// A known instance type's description (DescribeInstanceTypes shape), or nullptr.
const Json* instance_type_info(const std::string& type);

}  // namespace hopper::sim

// Helpers every EC2 family shares: collections by name, lookups that answer AWS's NotFound codes
// (and honour the eventual-consistency window), Describe with ids + filters + pagination, and
// the creation bookkeeping (sequence, consistency window, tags from TagSpecification).
//
// Thread-safety: as World.
#pragma once

#include <functional>
#include <string>

#include "sim/api_fault.hpp"
#include "sim/call.hpp"
#include "sim/state/query.hpp"

namespace hopper::sim {

// The collections of a region (JSON keys).
namespace col {
inline constexpr const char* vpcs = "vpcs";
inline constexpr const char* subnets = "subnets";
inline constexpr const char* route_tables = "routeTables";
inline constexpr const char* internet_gateways = "internetGateways";
inline constexpr const char* addresses = "addresses";
inline constexpr const char* nat_gateways = "natGateways";
inline constexpr const char* security_groups = "securityGroups";
inline constexpr const char* instances = "instances";
inline constexpr const char* images = "images";
inline constexpr const char* snapshots = "snapshots";
inline constexpr const char* volumes = "volumes";
inline constexpr const char* key_pairs = "keyPairs";
inline constexpr const char* launch_templates = "launchTemplates";
inline constexpr const char* network_interfaces = "networkInterfaces";
}  // namespace col

// The collection `name` of `region` (created empty when absent).
Json& collection(Json& region, const char* name);
// The resource `id` of `name`, or nullptr (also while inside its consistency window when
// `world` is given).
Json* find(Json& region, const char* name, const std::string& id, const World* world = nullptr);
// The resource `id`, or throws `code` with `message`.
Json& need(Call& call, const char* name, const std::string& id, const std::string& code, const std::string& message);

// Stores `object` as `id` in collection `name` with its creation sequence, starts its
// consistency window, and marks the world dirty. Returns the stored object.
Json& insert(World& world, Json& region, const char* name, const std::string& id, Json object);
void erase(World& world, Json& region, const char* name, const std::string& id);

struct DescribeSpec {
  const char* collection;
  std::string id_param;                                  // "VpcId" (EC2 list VpcId.N)
  std::string set_name;                                  // "vpcSet"
  std::function<std::string(const std::string&)> not_found;  // id -> message
  std::string not_found_code;                            // "InvalidVpcID.NotFound"
  FilterTable filters;
  std::function<Json(Call&, const Json&)> view;          // resource -> rendered item (default: as stored)
  bool paged = true;                                     // MaxResults/NextToken
  std::function<bool(const Json&)> listed;               // hidden from listings when false
};
// The standard Describe: ids (all must exist), filters, pagination; answers {set_name: [...],
// nextToken}.
Json describe(Call& call, const DescribeSpec& spec);

// The members of `items` (a collection of the call's region) that a listing with `filters` can
// hold, oldest first: all of them or, when a tag:K or exact tag-key filter is given, only the
// members carrying that key, from the world's tag-key index instead of a walk. A superset of the
// matches: the caller still applies every filter.
std::vector<Json*> candidates(Call& call, Json& items, const std::vector<Filter>& filters);

// "return": true — the answer of EC2 calls with no other output.
Json ok();
std::string now_iso(Call& call);
// The default VPC of the call's region (its id).
std::string default_vpc_id(Json& region);

}  // namespace hopper::sim

// A route in one of the cluster's route tables: the default route of the public table to the
// internet gateway, and of each private table to its zone's NAT gateway (or NAT instance).
// Found in its table's discovery; a changed target is replaced in place (ReplaceRoute). Before
// routing to a NAT gateway, waits until it is available.
#pragma once

#include <memory>
#include <string>

#include "model/resource.hpp"

namespace hopper::model::kinds {

const Kind& route_kind();

enum class RouteTargetType { internet_gateway, nat_gateway, instance };

struct RouteSpec {
  ResourceKey table;
  std::string destination = "0.0.0.0/0";
  RouteTargetType target_type = RouteTargetType::internet_gateway;
  ResourceKey target;
};

std::unique_ptr<Resource> make_route(const std::string& name, const std::string& display_name, RouteSpec spec);

}  // namespace hopper::model::kinds

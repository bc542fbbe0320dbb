// A route table of the cluster's VPC (public, or private per zone). Its routes and subnet
// associations are resources of their own (route.hpp, route_table_association.hpp), which read
// what exists from this table's discovery: attributes "route:<cidr>" (target id) and
// "association:<subnet id>" (association id).
#pragma once

#include <memory>
#include <string>

#include "model/resource.hpp"

namespace hopper::model::kinds {

const Kind& route_table_kind();
std::unique_ptr<Resource> make_route_table(const std::string& name, const std::string& display_name,
                                           const ResourceKey& vpc);

}  // namespace hopper::model::kinds

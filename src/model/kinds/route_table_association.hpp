// The association of a subnet with a route table (public subnets with the public table, each
// private subnet with its zone's private table). Found in the table's discovery.
#pragma once

#include <memory>
#include <string>

#include "model/resource.hpp"

namespace hopper::model::kinds {

const Kind& route_table_association_kind();
std::unique_ptr<Resource> make_route_table_association(const std::string& name, const std::string& display_name,
                                                       const ResourceKey& table, const ResourceKey& subnet);

}  // namespace hopper::model::kinds

// The internet gateway of the cluster's VPC, attached to it (the attachment is a field: a
// gateway found detached is attached in place).
#pragma once

#include <memory>
#include <string>

#include "model/resource.hpp"

namespace hopper::model::kinds {

const Kind& internet_gateway_kind();
std::unique_ptr<Resource> make_internet_gateway(const std::string& display_name, const ResourceKey& vpc);

}  // namespace hopper::model::kinds

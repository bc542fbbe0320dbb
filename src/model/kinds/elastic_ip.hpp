// An Elastic IP address (VPC domain), used by a zone's NAT gateway.
#pragma once

#include <memory>
#include <string>

#include "model/resource.hpp"

namespace hopper::model::kinds {

const Kind& elastic_ip_kind();
std::unique_ptr<Resource> make_elastic_ip(const std::string& name, const std::string& display_name);

}  // namespace hopper::model::kinds

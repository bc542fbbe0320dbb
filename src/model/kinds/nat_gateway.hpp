// A NAT gateway in a zone's public subnet with its Elastic IP; private subnets of that zone
// route to it. Creation waits until it is available (one to two minutes on AWS); a gateway found
// failed is replaced.
#pragma once

#include <memory>
#include <string>

#include "model/resource.hpp"

namespace hopper::model::kinds {

const Kind& nat_gateway_kind();

struct NatGatewaySpec {
  ResourceKey subnet;
  ResourceKey elastic_ip;
  ResourceKey internet_gateway;  // must be attached first, or the gateway fails (Gateway.NotAttached)
};

std::unique_ptr<Resource> make_nat_gateway(const std::string& name, const std::string& display_name, NatGatewaySpec spec);

}  // namespace hopper::model::kinds

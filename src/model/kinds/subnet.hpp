// A subnet of the cluster's VPC in one zone, private or public, tagged for the AWS cloud
// provider (kubernetes.io/role/elb or internal-elb).
#pragma once

#include <memory>
#include <string>

#include "model/resource.hpp"

namespace hopper::model::kinds {

const Kind& subnet_kind();

struct SubnetSpec {
  ResourceKey vpc;
  std::string cidr_block;
  std::string availability_zone;
};

std::unique_ptr<Resource> make_subnet(const std::string& name, const std::string& display_name, SubnetSpec spec);

}  // namespace hopper::model::kinds

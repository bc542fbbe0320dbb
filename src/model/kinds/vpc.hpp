// The cluster's VPC: CIDR, DNS support and DNS hostnames (both required by the AWS cloud
// provider), and the cluster's generation tag. With an existing VPC (spec network.existingVpcId)
// hopper only tags it `shared` and never deletes it.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "model/resource.hpp"

namespace hopper::model::kinds {

const Kind& vpc_kind();

struct VpcSpec {
  std::string cidr_block;
  std::optional<std::string> existing_id;
};

std::unique_ptr<Resource> make_vpc(const std::string& display_name, VpcSpec spec);

}  // namespace hopper::model::kinds

// The check that ends `hopper down`: everything that is still tagged for the cluster, still
// inside its VPC, or still under its IAM path or SSM prefix. An empty list means nothing is left.
#pragma once

#include <string>
#include <vector>

#include "model/cloud.hpp"

namespace hopper::model {

struct Leftover {
  std::string type;  // "vpc", "instance", "iam-role", "ssm-parameter", ...
  std::string id;
  std::string detail;
};

// `vpc_ids`: the cluster's VPCs as discovery saw them before the deletion.
util::Result<std::vector<Leftover>> sweep(Cloud& cloud, const std::vector<std::string>& vpc_ids);

}  // namespace hopper::model

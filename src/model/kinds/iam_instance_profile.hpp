// An IAM instance profile holding one of the cluster's roles, named and pathed like the role.
#pragma once

#include <memory>
#include <string>

#include "model/resource.hpp"

namespace hopper::model::kinds {

const Kind& iam_instance_profile_kind();

struct InstanceProfileSpec {
  std::string profile_name;
  std::string path;
  ResourceKey role;
  std::string role_name;
};

std::unique_ptr<Resource> make_iam_instance_profile(const std::string& name, InstanceProfileSpec spec);

}  // namespace hopper::model::kinds

// A parameter under the cluster's SSM prefix (/hopper/<cluster>/<name>): what is chosen once and
// must not be chosen again by a later run (the image in use), and the cluster's secrets
// (SecureString: the CA key, the join token), readable only by the roles that need them.
#pragma once

#include <memory>
#include <string>

#include "model/resource.hpp"

namespace hopper::model::kinds {

const Kind& ssm_parameter_kind();

struct SsmParameterSpec {
  std::string full_name;   // /hopper/<cluster>/<name>
  std::string value;
  bool secure = false;     // SecureString
  std::string description;
};

// `name` is the part after the cluster prefix ("image-id", "pki/ca.key").
std::unique_ptr<Resource> make_ssm_parameter(const std::string& name, SsmParameterSpec spec);

}  // namespace hopper::model::kinds

// An IAM role for the cluster's instances (control plane, nodes) with its trust policy (EC2 may
// assume it) and inline least-privilege policies. IAM is global, so the role's name carries the
// cluster and the region, and its path (/hopper/<cluster>/<region>/) is how discovery finds it.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "model/resource.hpp"

namespace hopper::model::kinds {

const Kind& iam_role_kind();

struct IamRoleSpec {
  std::string role_name;                          // <cluster>-<region>-<suffix>
  std::string path;                               // /hopper/<cluster>/<region>/
  std::string trust_policy;                       // JSON
  std::map<std::string, std::string> policies;    // inline policy name -> JSON document
  std::string description;
};

// `name` is the suffix ("control-plane", "node").
std::unique_ptr<Resource> make_iam_role(const std::string& name, IamRoleSpec spec);

// JSON text in a canonical form (parsed and printed with sorted keys), so that formatting never
// shows as a change. Invalid JSON is returned unchanged.
std::string canonical_json(const std::string& text);

}  // namespace hopper::model::kinds

// The IAM policy documents of the cluster's instance roles (least privilege, from the AWS cloud
// provider's and the VPC CNI's documented action lists; see ../shared/BOOTSTRAP-NOTES.md 3, 4).
// Pure; the JSON is compact with sorted keys so that it compares as IAM returns it.
#pragma once

#include <string>

#include "model/cloud.hpp"

namespace hopper::model::policies {

std::string ec2_trust();
std::string cloud_controller();
std::string vpc_cni(const ClusterIdentity& cluster);
std::string ecr_read();
std::string node();
// Read every bootstrap parameter of the cluster; write the join token (the refresh timer).
std::string control_plane_parameters(const ClusterIdentity& cluster);
// Read the join token only (never the CA key).
std::string node_parameters(const ClusterIdentity& cluster);

// The SSM parameter names the policies grant (under /hopper/<cluster>/).
inline constexpr const char* k_join_token_parameter = "bootstrap/join-token";
inline constexpr const char* k_bootstrap_prefix = "bootstrap/";

}  // namespace hopper::model::policies

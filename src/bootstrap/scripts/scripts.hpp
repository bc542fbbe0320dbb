// The boot scripts, as text. They are the same for every cluster (what differs is in
// /etc/hopper/cluster.env, see node_files.hpp), written for bash on Ubuntu 24.04 and checked with
// shellcheck by the tests. Every path goes through $ROOT (HOPPER_ROOT, empty on a node) and the
// IMDS, SSM and ECR endpoints are overridable, so that tests run them for real in a scratch root
// against a fake IMDS and moto.
//
// Where they go on the node (k_*_path below): the library and node steps under
// /usr/local/lib/hopper, the entry points under /usr/local/sbin.
//
// Thread-safety: constant data.
#pragma once

#include <string_view>

namespace hopper::bootstrap::scripts {

inline constexpr const char* k_lib_path = "/usr/local/lib/hopper/lib.sh";
inline constexpr const char* k_node_path = "/usr/local/lib/hopper/node.sh";
inline constexpr const char* k_boot_control_plane_path = "/usr/local/sbin/hopper-boot-control-plane";
inline constexpr const char* k_boot_worker_path = "/usr/local/sbin/hopper-boot-worker";
inline constexpr const char* k_refresh_join_token_path = "/usr/local/sbin/hopper-refresh-join-token";
inline constexpr const char* k_build_image_path = "/usr/local/sbin/hopper-build-image";

// Sourced: log/step/finish, retry, imds, load_credentials, sigv4_authorization, aws_json,
// ssm_get, ssm_put_secure, ecr_password, valid_join_token.
std::string_view lib_sh();
// Sourced: read_metadata, disable_swap, install_packages, configure_containerd,
// pull_vpc_cni_images, fill_template, prepare_node.
std::string_view node_sh();
std::string_view boot_control_plane_sh();
std::string_view boot_worker_sh();
std::string_view refresh_join_token_sh();
std::string_view build_image_sh();

}  // namespace hopper::bootstrap::scripts

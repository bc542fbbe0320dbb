// The chapter's demo app as an optional addon: a small web Deployment behind a Service of type
// LoadBalancer, which the AWS cloud controller manager turns into an ELB in the public subnets.
//
// Thread-safety: pure.
#pragma once

#include <string>

namespace hopper::bootstrap {

inline constexpr const char* k_demo_manifest_path = "/etc/hopper/manifests/demo.yaml";
inline constexpr const char* k_demo_image = "public.ecr.aws/nginx/nginx:1.27";

std::string demo_manifest();

}  // namespace hopper::bootstrap

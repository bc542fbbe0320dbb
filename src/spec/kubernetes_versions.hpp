// The Kubernetes versions hopper can build, and what each needs from elsewhere.
//
// A minor is supported when it is still maintained upstream AND kubernetes/cloud-provider-aws
// has a release for it (the cloud controller manager's minor must match the cluster's). See
// ../shared/BOOTSTRAP-NOTES.md section 0: 1.37 is out, but no 1.37 cloud-provider-aws tag yet.
//
// Thread-safety: read-only data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace hopper::spec {

struct KubernetesRelease {
  std::string_view minor;                 // "1.36"
  std::string_view cloud_provider_aws;    // newest cloud-controller-manager tag, "v1.36.1"
};

inline constexpr std::string_view k_default_kubernetes_version = "1.36";

// Supported minors, oldest first: 1.34, 1.35, 1.36.
const std::vector<KubernetesRelease>& supported_kubernetes_releases();
// "1.34, 1.35, 1.36".
std::string supported_kubernetes_minors();

// The release for `version` ("1.36" or "1.36.2"), or an Error (ExitCode::usage) whose message
// is one sentence naming the supported minors:
//   "'1.36-rc' is not a Kubernetes version (expected major.minor or major.minor.patch, e.g. 1.36 or 1.36.2)"
//   "1.37 is not supported yet: cloud-provider-aws has no 1.37 release (supported: 1.34, 1.35, 1.36)"
//   "1.33 is no longer supported (supported: 1.34, 1.35, 1.36)"
//   "2.0 is not a Kubernetes version hopper knows (supported: 1.34, 1.35, 1.36)"
util::Result<KubernetesRelease> find_kubernetes_release(std::string_view version);

}  // namespace hopper::spec

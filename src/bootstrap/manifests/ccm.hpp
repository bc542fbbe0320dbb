// The AWS cloud controller manager (kubernetes/cloud-provider-aws) at the cluster's minor: its
// ServiceAccount, RBAC (as the project's Helm chart grants it) and a DaemonSet on the control
// plane with the host network (so it needs neither a pod network nor an IMDS hop limit of 2 to
// start), written by hopper: no chart, no kustomize base with a stale image.
//
// Thread-safety: pure.
#pragma once

#include <string>

#include "util/result.hpp"

namespace hopper::bootstrap {

inline constexpr const char* k_ccm_manifest_path = "/etc/hopper/manifests/cloud-controller-manager.yaml";

// "registry.k8s.io/provider-aws/cloud-controller-manager:v1.36.1" for Kubernetes "1.36" or
// "1.36.2". Errors: a version without a cloud-provider-aws release.
util::Result<std::string> ccm_image(const std::string& kubernetes_version);

util::Result<std::string> ccm_manifest(const std::string& cluster_name, const std::string& kubernetes_version);

}  // namespace hopper::bootstrap

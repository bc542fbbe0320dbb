// `hopper image build`: the chapter's baked image, made by hopper. A builder instance in the
// cluster's first private subnet (it reaches the package mirrors through the NAT) runs the
// install-only user data (containerd and the Kubernetes packages pinned to the spec's version,
// then power off); hopper images the stopped builder as hopper-k8s-<version>-ubuntu-24.04-<date>,
// tags it with the Ubuntu image it started from, waits until it is available, and always
// terminates the builder, also when something failed (a builder left by an interrupted run is
// found by its tag and terminated first). An available image for the same Kubernetes version and
// the same Ubuntu image is reused instead of building again. `image: baked` in the spec then boots
// every node from the newest such image, and the boot scripts skip the installation.
//
// Against a local endpoint (moto, hopper sim) instances never run their user data: hopper stops
// the builder itself there, and says so.
//
// Thread-safety: one call at a time per cluster.
#pragma once

#include <ostream>
#include <string>

#include "model/cloud.hpp"
#include "spec/cluster_spec.hpp"

namespace hopper::cli {

inline constexpr const char* k_tag_base_image = "hopper/base-image";
inline constexpr const char* k_tag_kubernetes_version = "hopper/kubernetes-version";

struct ImageBuildResult {
  std::string image_id;
  std::string image_name;
  bool reused = false;
};

// REQUIRES: the cluster's network exists (`hopper up` made it); else a usage error that says so.
util::Result<ImageBuildResult> build_image(model::Cloud& cloud, const spec::ClusterSpec& spec, std::ostream& progress);

// The builder's ResourceKey ("instance/image-builder") and the image name for `date` (yyyymmdd).
std::string image_name(const std::string& kubernetes_version, const std::string& yyyymmdd);

}  // namespace hopper::cli

// The amazon-vpc-cni-k8s manifest is not written by hopper: the control plane fetches the pinned
// upstream release (RenderContext::sources) at boot and applies it only if its SHA-256 matches;
// its images sit in a private ECR registry, so every node pulls them with its own role first.
// This file describes that choice for `hopper render` (the nodes read it from cluster.env).
//
// Thread-safety: pure.
#pragma once

#include <string>

#include "bootstrap/render.hpp"

namespace hopper::bootstrap {

// A short text naming the manifest's URL, its SHA-256 and the images nodes pull.
std::string vpc_cni_source_note(const Sources& sources);

}  // namespace hopper::bootstrap

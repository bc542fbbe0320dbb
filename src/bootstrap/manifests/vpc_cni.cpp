#include "bootstrap/manifests/vpc_cni.hpp"

namespace hopper::bootstrap {

std::string vpc_cni_source_note(const Sources& sources) {
  std::string out;
  out += "# hopper: the VPC CNI is the pinned upstream manifest, fetched by the control plane at boot\n";
  out += "# and applied only when its SHA-256 matches; its images are pulled by every node from\n";
  out += "# private ECR (" + sources.vpc_cni_registry_region + ") with the node's own role.\n";
  out += "url: " + sources.vpc_cni_manifest_url + "\n";
  out += "sha256: " + sources.vpc_cni_manifest_sha256 + "\n";
  out += "images:\n";
  for (const auto& image : sources.vpc_cni_images) out += "- " + image + "\n";
  return out;
}

}  // namespace hopper::bootstrap

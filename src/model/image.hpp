// Which AMI the cluster's instances run. Chosen once, at the first `up`, and kept in the SSM
// parameter /hopper/<cluster>/image-id; later runs use the kept one, so a new Ubuntu release never
// replaces the control plane by surprise. A newer image is taken only when asked (`--update-image`)
// or when the spec names an AMI explicitly.
#pragma once

#include <string>

#include "model/cloud.hpp"
#include "spec/cluster_spec.hpp"

namespace hopper::model {

// Canonical's public parameter for the current Ubuntu 24.04 amd64 gp3 AMI.
inline constexpr const char* k_ubuntu_ami_parameter =
    "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id";
inline constexpr const char* k_canonical_owner = "099720109477";
inline constexpr const char* k_ubuntu_name_pattern = "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*";
// The name prefix of images `hopper image build` makes: hopper-k8s-<version>-ubuntu-24.04-<date>.
std::string baked_image_prefix(const std::string& kubernetes_version);

struct ImageChoice {
  std::string image_id;
  std::string source;  // where it came from, for the plan's header
};

util::Result<ImageChoice> choose_image(Cloud& cloud, const spec::ClusterSpec& spec, bool update_image);

}  // namespace hopper::model

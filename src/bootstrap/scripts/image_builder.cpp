// The image builder's install-only script.
// Plain shell, the same for every cluster: what differs comes from /etc/hopper/cluster.env.
#include "bootstrap/scripts/scripts.hpp"

namespace hopper::bootstrap::scripts {

std::string_view build_image_sh() {
  return R"sh(#!/bin/bash
# hopper-build-image: the builder instance of `hopper image build` installs containerd and the
# Kubernetes packages pinned to the cluster's version, then powers off; hopper images the stopped
# instance. Nodes booted from that image skip the installation.
set -Eeuo pipefail
# shellcheck source=/dev/null
. "${HOPPER_ROOT:-}/etc/hopper/cluster.env"
# shellcheck source=/dev/null
. "${HOPPER_ROOT:-}/usr/local/lib/hopper/lib.sh"
# shellcheck source=/dev/null
. "${HOPPER_ROOT:-}/usr/local/lib/hopper/node.sh"

# Leave no trace of the builder's own boot in the image.
clean_up() {
  rm -rf "$ROOT/var/lib/hopper" "$ROOT/etc/hopper" "$ROOT/usr/local/lib/hopper" "$ROOT/run/hopper"
  rm -f "$ROOT/usr/local/sbin/hopper-build-image" "$HOPPER_LOG"
}

begin "image builder for Kubernetes $KUBERNETES_VERSION"
step "install containerd and Kubernetes $KUBERNETES_VERSION packages" install_packages
step "remove the builder's files" clean_up
log "done: packages installed; powering off for imaging"
printf 'hopper: packages installed; powering off\n' >&3
shutdown -h now
)sh";
}

}  // namespace hopper::bootstrap::scripts

// containerd 2.x configuration (version 3) for the kubelet: the runc runtime with the systemd
// cgroup driver written explicitly (containerd 2.x's default config no longer has a
// `SystemdCgroup = false` line to flip) and the pause image pinned so the kubelet never collects
// it. Ubuntu 24.04 ships containerd 2.x; Kubernetes 1.36 needs it.
//
// Thread-safety: pure.
#pragma once

#include <string>

namespace hopper::bootstrap {

// Where cloud-init puts it; the boot script installs it as /etc/containerd/config.toml once the
// containerd package is in (so the package never asks about a changed conffile).
inline constexpr const char* k_containerd_config_path = "/etc/hopper/containerd-config.toml";
inline constexpr const char* k_pause_image = "registry.k8s.io/pause:3.10";

std::string containerd_config();

}  // namespace hopper::bootstrap

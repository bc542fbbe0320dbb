#include "bootstrap/containerd_config.hpp"

namespace hopper::bootstrap {

std::string containerd_config() {
  std::string out;
  out += "# hopper: containerd 2.x for the kubelet (CRI socket unix:///var/run/containerd/containerd.sock)\n";
  out += "version = 3\n";
  out += "\n";
  out += "[plugins.'io.containerd.cri.v1.images'.pinned_images]\n";
  out += "  sandbox = '" + std::string(k_pause_image) + "'\n";
  out += "\n";
  out += "[plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc]\n";
  out += "  runtime_type = 'io.containerd.runc.v2'\n";
  out += "\n";
  out += "[plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc.options]\n";
  out += "  SystemdCgroup = true\n";
  return out;
}

}  // namespace hopper::bootstrap

// Node rules: instance types (and kubeadm's control-plane minimum), worker counts, root volumes,
// and who may reach the bastion.
#include "spec/instance_types.hpp"
#include "spec/validate.hpp"
#include "spec/validate_rules.hpp"

namespace hopper::spec::detail {
namespace {

void check_instance_types(const ClusterSpec& spec, Checker& checker) {
  if (spec.bastion.enabled && !checker.skip("bastion.instanceType")) {
    auto type = find_instance_type(spec.bastion.instance_type);
    if (!type) checker.error("bastion.instanceType", type.error().message());
  }
  if (!checker.skip("controlPlane.instanceType")) {
    auto type = find_instance_type(spec.control_plane.instance_type);
    if (!type) {
      checker.error("controlPlane.instanceType", type.error().message());
    } else if (type->vcpus < k_control_plane_min_vcpus || type->memory_mib < k_control_plane_min_memory_mib) {
      checker.error("controlPlane.instanceType",
                    type->name + " has " + std::to_string(type->vcpus) + (type->vcpus == 1 ? " vCPU" : " vCPUs") +
                        " and " + std::to_string(type->memory_mib) + " MiB of memory; kubeadm needs at least " +
                        std::to_string(k_control_plane_min_vcpus) + " vCPUs and " +
                        std::to_string(k_control_plane_min_memory_mib) + " MiB on the control plane (e.g. t3.medium)");
    }
  }
  if (!checker.skip("workers.instanceType")) {
    auto type = find_instance_type(spec.workers.instance_type);
    if (!type) checker.error("workers.instanceType", type.error().message());
  }
}

void check_workers(const WorkersSpec& workers, Checker& checker) {
  const bool min_ok = !checker.skip("workers.min");
  const bool max_ok = !checker.skip("workers.max");
  const bool desired_ok = !checker.skip("workers.desired");
  bool counts_ok = min_ok && max_ok && desired_ok;
  if (min_ok && workers.min < 0) {
    checker.error("workers.min", "must not be negative, got " + std::to_string(workers.min));
    counts_ok = false;
  }
  if (max_ok && workers.max < 1) {
    checker.error("workers.max", "must be at least 1, got " + std::to_string(workers.max));
    counts_ok = false;
  } else if (max_ok && workers.max > k_max_workers) {
    checker.error("workers.max", std::to_string(workers.max) + " is above hopper's limit of " +
                                     std::to_string(k_max_workers) + " workers");
  }
  if (desired_ok && workers.desired < 0) {
    checker.error("workers.desired", "must not be negative, got " + std::to_string(workers.desired));
    counts_ok = false;
  }
  if (!counts_ok) return;
  if (workers.min > workers.max) {
    checker.error("workers.min", std::to_string(workers.min) + " is larger than workers.max " +
                                     std::to_string(workers.max));
  } else if (workers.desired < workers.min || workers.desired > workers.max) {
    checker.error("workers.desired", std::to_string(workers.desired) + " is outside workers.min..workers.max (" +
                                         std::to_string(workers.min) + ".." + std::to_string(workers.max) + ")");
  }
}

void check_root_volume(const std::string& path, int gib, Checker& checker) {
  if (checker.skip(path) || (gib >= k_min_root_volume_gib && gib <= k_max_root_volume_gib)) return;
  checker.error(path, std::to_string(gib) + " GiB is outside the allowed " + std::to_string(k_min_root_volume_gib) +
                          ".." + std::to_string(k_max_root_volume_gib) + " GiB");
}

void check_bastion_access(const BastionSpec& bastion, Checker& checker) {
  const std::string path = "bastion.sshAllowedCIDRs";
  if (checker.skip(path)) return;
  for (std::size_t i = 0; i < bastion.ssh_allowed_cidrs.size(); ++i) {
    const std::string item = path + "[" + std::to_string(i) + "]";
    if (checker.skip(item) || bastion.ssh_allowed_cidrs[i].prefix != 0 || bastion.allow_ssh_from_anywhere) continue;
    checker.error(item, "0.0.0.0/0 lets anyone on the internet try SSH; set bastion.allowSSHFromAnywhere: true "
                        "if you mean it, or use your own address, e.g. 203.0.113.7/32");
  }
  if (bastion.enabled && bastion.ssh_allowed_cidrs.empty()) {
    checker.warning(path, "nobody can reach the bastion; set bastion.sshAllowedCIDRs to your address, "
                          "e.g. 203.0.113.7/32");
  }
}

}  // namespace

void check_nodes(const ClusterSpec& spec, Checker& checker) {
  check_instance_types(spec, checker);
  check_workers(spec.workers, checker);
  if (spec.bastion.enabled) check_root_volume("bastion.rootVolumeGiB", spec.bastion.root_volume_gib, checker);
  check_root_volume("controlPlane.rootVolumeGiB", spec.control_plane.root_volume_gib, checker);
  check_root_volume("workers.rootVolumeGiB", spec.workers.root_volume_gib, checker);
  check_bastion_access(spec.bastion, checker);
}

}  // namespace hopper::spec::detail

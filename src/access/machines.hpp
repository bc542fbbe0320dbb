// The machines of a cluster as SSH sees them: the bastion (public address), the control plane and
// the workers (private addresses, reached through the bastion), found by the cluster's tags, and
// the names a user gives them on the command line ("bastion", "control-plane", "worker 2",
// "i-0abc...").
//
// Workers are the Auto Scaling group's instances: they carry the cluster tag but no
// hopper/resource tag (it does not propagate). They are numbered 1..N by launch time, then id,
// so "worker 1" is the oldest; a replaced worker renumbers the ones after it.
//
// Thread-safety: plain values and free functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aws/ec2/client.hpp"
#include "aws/ec2/instances.hpp"
#include "util/result.hpp"

namespace hopper::access {

enum class Role { bastion, control_plane, worker };

struct Machine {
  Role role = Role::worker;
  int index = 0;  // workers: 1..N; others 0
  std::string instance_id;
  std::string state;  // pending | running | ...
  std::string private_ip;
  std::string public_ip;
  std::string private_dns_name;
  std::string availability_zone;

  // "bastion", "control-plane", "worker-2".
  std::string role_name() const;
};

struct Machines {
  std::optional<Machine> bastion;
  std::optional<Machine> control_plane;
  std::vector<Machine> workers;  // by index

  // Every machine: bastion, control plane, workers.
  std::vector<Machine> all() const;
};

// Sorts `instances` (DescribeInstances of the cluster) into roles; terminated and shutting-down
// instances are left out; `cluster_tag_key` is kubernetes.io/cluster/<name>. Pure.
Machines classify_machines(const std::vector<aws::ec2::Instance>& instances, const std::string& cluster_tag_key);

// DescribeInstances of cluster `cluster_name`'s instances (by its tag), classified.
util::Result<Machines> find_machines(const aws::ec2::Client& ec2, const std::string& cluster_name);

// The machine `words` names: {"bastion"}, {"control-plane"} (or "cp", "controlplane",
// "control_plane"), {"worker", "N"} (or "worker-N"), {"i-..."}. Error (usage) for a name that
// is not one, and (failed) for a machine the cluster does not have, listing what it has.
util::Result<Machine> select_machine(const Machines& machines, const std::vector<std::string>& words);

}  // namespace hopper::access

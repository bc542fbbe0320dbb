#include "access/machines.hpp"

#include <algorithm>
#include <charconv>
#include <tuple>

#include "model/builders/cluster.hpp"
#include "model/cloud.hpp"
#include "util/strings.hpp"

namespace hopper::access {
namespace {

Machine machine_of(const aws::ec2::Instance& instance, Role role) {
  Machine m;
  m.role = role;
  m.instance_id = instance.id;
  m.state = instance.state.name;
  m.private_ip = instance.private_ip_address;
  m.public_ip = instance.public_ip_address;
  m.private_dns_name = instance.private_dns_name;
  m.availability_zone = instance.availability_zone;
  return m;
}

std::optional<int> parse_index(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1) return std::nullopt;
  return value;
}

std::string what_it_has(const Machines& machines) {
  std::vector<std::string> names;
  for (const auto& m : machines.all()) names.push_back(m.role_name() + " (" + m.instance_id + ")");
  return names.empty() ? "no running instances" : util::join(names, ", ");
}

}  // namespace

std::string Machine::role_name() const {
  switch (role) {
    case Role::bastion: return "bastion";
    case Role::control_plane: return "control-plane";
    case Role::worker: return "worker-" + std::to_string(index);
  }
  return "";
}

std::vector<Machine> Machines::all() const {
  std::vector<Machine> out;
  if (bastion) out.push_back(*bastion);
  if (control_plane) out.push_back(*control_plane);
  out.insert(out.end(), workers.begin(), workers.end());
  return out;
}

Machines classify_machines(const std::vector<aws::ec2::Instance>& instances, const std::string& cluster_tag_key) {
  const std::string bastion_key = model::keys::bastion().str();
  const std::string control_plane_key = model::keys::control_plane().str();
  Machines out;
  std::vector<const aws::ec2::Instance*> workers;
  for (const auto& instance : instances) {
    if (instance.state.name == "terminated" || instance.state.name == "shutting-down") continue;
    const auto cluster = instance.tags.find(cluster_tag_key);
    if (cluster == instance.tags.end() || cluster->second != "owned") continue;  // some endpoints ignore tag filters
    const auto resource = instance.tags.find(std::string(model::k_tag_resource));
    if (resource == instance.tags.end()) {
      workers.push_back(&instance);
    } else if (resource->second == bastion_key) {
      out.bastion = machine_of(instance, Role::bastion);
    } else if (resource->second == control_plane_key) {
      out.control_plane = machine_of(instance, Role::control_plane);
    }
  }
  std::sort(workers.begin(), workers.end(), [](const aws::ec2::Instance* a, const aws::ec2::Instance* b) {
    return std::tie(a->launch_time, a->id) < std::tie(b->launch_time, b->id);
  });
  for (const auto* instance : workers) {
    out.workers.push_back(machine_of(*instance, Role::worker));
    out.workers.back().index = static_cast<int>(out.workers.size());
  }
  return out;
}

util::Result<Machines> find_machines(const aws::ec2::Client& ec2, const std::string& cluster_name) {
  const std::string tag_key = "kubernetes.io/cluster/" + cluster_name;
  HOPPER_ASSIGN(const auto instances,
                aws::ec2::describe_instances(ec2, {{"tag:" + tag_key, {"owned"}},
                                                   {"instance-state-name", {"pending", "running", "stopping", "stopped"}}})
                    .context("listing the instances of cluster " + cluster_name));
  return classify_machines(instances, tag_key);
}

util::Result<Machine> select_machine(const Machines& machines, const std::vector<std::string>& words) {
  if (words.empty()) return util::Error::usage("name a machine: bastion, control-plane, worker N or an instance id");
  const std::string first = util::to_lower(words[0]);
  const auto missing = [&](const std::string& what) {
    return util::Error::failed("cluster has no " + what + " (it has " + what_it_has(machines) + ")");
  };
  const auto one_word = [&]() -> util::Status {
    if (words.size() > 1) return util::Error::usage("unexpected '" + words[1] + "' after " + words[0] + " (put a command after --)");
    return {};
  };
  if (first == "bastion") {
    HOPPER_TRY(one_word());
    if (!machines.bastion) return missing("bastion");
    return *machines.bastion;
  }
  if (first == "control-plane" || first == "controlplane" || first == "control_plane" || first == "cp") {
    HOPPER_TRY(one_word());
    if (!machines.control_plane) return missing("control plane");
    return *machines.control_plane;
  }
  if (first == "worker" || first.rfind("worker-", 0) == 0) {
    std::string number;
    if (first == "worker") {
      if (words.size() < 2) {
        if (machines.workers.size() == 1) return machines.workers.front();
        return util::Error::usage("which worker? give its number, 1 to " + std::to_string(machines.workers.size()));
      }
      if (words.size() > 2) return util::Error::usage("unexpected '" + words[2] + "' (put a command after --)");
      number = words[1];
    } else {
      HOPPER_TRY(one_word());
      number = first.substr(7);
    }
    const auto index = parse_index(number);
    if (!index) return util::Error::usage("a worker number is 1 or more, not '" + number + "'");
    if (*index > static_cast<int>(machines.workers.size())) return missing("worker " + number);
    return machines.workers[static_cast<std::size_t>(*index - 1)];
  }
  if (first.rfind("i-", 0) == 0) {
    HOPPER_TRY(one_word());
    for (const auto& m : machines.all()) {
      if (m.instance_id == first) return m;
    }
    return missing("instance " + first);
  }
  return util::Error::usage("unknown machine '" + words[0] + "': say bastion, control-plane, worker N or an instance id");
}

}  // namespace hopper::access

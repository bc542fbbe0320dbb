#include "report/status.hpp"

#include <algorithm>

#include "aws/ec2/instances.hpp"
#include "engine/destroy.hpp"
#include "model/builders/cluster.hpp"
#include "report/table.hpp"
#include "util/strings.hpp"

namespace hopper::report {
namespace {

std::string tag_of(const aws::Tags& tags, const std::string& key) {
  const auto it = tags.find(key);
  return it == tags.end() ? "" : it->second;
}

std::string role_of(const aws::ec2::Instance& instance) {
  const std::string key = tag_of(instance.tags, std::string(model::k_tag_resource));
  if (key == model::keys::bastion().str()) return "bastion";
  if (key == model::keys::control_plane().str()) return "control-plane";
  if (key.rfind("instance/nat-", 0) == 0) return "nat";
  if (!tag_of(instance.tags, "aws:autoscaling:groupName").empty()) return "worker";
  // Workers carry the group's tags (PropagateAtLaunch) but not hopper/resource.
  if (key.empty()) return "worker";
  return "";
}

int role_rank(const std::string& role) {
  if (role == "bastion") return 0;
  if (role == "control-plane") return 1;
  if (role == "nat") return 2;
  if (role == "worker") return 3;
  return 4;
}

const char* reach_name(KubeStatus::Reach reach) {
  switch (reach) {
    case KubeStatus::Reach::reachable: return "reachable";
    case KubeStatus::Reach::failed: return "failed";
    case KubeStatus::Reach::not_reachable: return "not_reachable";
    case KubeStatus::Reach::local_endpoint: return "local_endpoint";
    case KubeStatus::Reach::no_cluster: return "no_cluster";
  }
  return "unknown";
}

std::string dash(const std::string& text) { return text.empty() ? "-" : text; }

}  // namespace

ClusterStatus build_status(const std::string& cluster, const std::string& region, const std::string& account,
                           const std::vector<engine::Doomed>& found, const std::vector<aws::ec2::Instance>& instances) {
  ClusterStatus status;
  status.cluster = cluster;
  status.region = region;
  status.account = account;
  for (const engine::Doomed& item : found) {
    status.resources.push_back({item.key.kind, item.key.name, item.display_name, item.observed.id, item.observed.state});
    if (item.key.kind == "auto_scaling_group") {
      status.groups.push_back({item.observed.id, util::int_or_zero(item.observed.field("min_size")),
                               util::int_or_zero(item.observed.field("max_size")),
                               util::int_or_zero(item.observed.field("desired_capacity")),
                               util::int_or_zero(item.observed.attribute("in_service")),
                               util::int_or_zero(item.observed.attribute("instances"))});
    } else if (item.key.kind == "nat_gateway") {
      status.nat_gateways.push_back({item.key.name, item.observed.id, item.observed.state,
                                     item.observed.attribute("public_ip")});
    }
  }
  for (const aws::ec2::Instance& instance : instances) {
    status.instances.push_back({role_of(instance), tag_of(instance.tags, "Name"), instance.id, instance.state.name,
                                instance.instance_type, instance.private_ip_address, instance.public_ip_address,
                                instance.availability_zone});
  }
  std::stable_sort(status.instances.begin(), status.instances.end(), [](const StatusInstance& a, const StatusInstance& b) {
    return std::make_tuple(role_rank(a.role), a.name, a.id) < std::make_tuple(role_rank(b.role), b.name, b.id);
  });
  if (found.empty()) {
    status.kube.reach = KubeStatus::Reach::no_cluster;
    status.kube.message = "nothing of cluster " + cluster + " exists in " + region;
  }
  return status;
}

util::Result<ClusterStatus> collect_status(model::Cloud& cloud, int parallelism) {
  HOPPER_ASSIGN(const auto found, engine::discover_owned(cloud, true, parallelism));
  std::vector<aws::Filter> filters{{"tag:" + cloud.cluster_tag_key(), {"owned"}},
                                   {"instance-state-name", {"pending", "running", "stopping", "stopped"}}};
  HOPPER_ASSIGN(const auto described, aws::ec2::describe_instances(cloud.ec2, filters, {}));
  std::vector<aws::ec2::Instance> instances;
  // Some endpoints ignore filters: keep only what carries the cluster tag and is not gone.
  for (const auto& instance : described) {
    const bool live = instance.state.name != "terminated" && instance.state.name != "shutting-down";
    // Not Cloud::is_owned: that also wants hopper/resource, which the group's workers do not carry.
    if (live && cloud.carries_owned_cluster_tag(instance.tags)) instances.push_back(instance);
  }
  return build_status(cloud.cluster().name, cloud.cluster().region, cloud.cluster().account_id, found, instances);
}

KubeStatus read_kube_status(const KubeApiReader& reader, const std::string& address) {
  KubeStatus kube;
  kube.address = address;
  auto nodes = reader.nodes();
  if (!nodes) {
    kube.reach = KubeStatus::Reach::failed;
    kube.message = "the Kubernetes API at " + address + " did not answer: " + nodes.error().message();
    if (nodes.error().message().find("HTTP 403") != std::string::npos) {
      kube.message += " (right after `up` this means kubeadm init has not finished binding the admin group yet)";
    }
    return kube;
  }
  kube.nodes = std::move(nodes).value();
  auto services = reader.load_balancer_services();
  if (!services) {
    kube.reach = KubeStatus::Reach::failed;
    kube.message = "listing Services at " + address + " failed: " + services.error().message();
    return kube;
  }
  kube.services = std::move(services).value();
  kube.reach = KubeStatus::Reach::reachable;
  return kube;
}

void print_status(std::ostream& out, const ClusterStatus& s) {
  out << "Cluster " << s.cluster << " in " << s.region << (s.account.empty() ? "" : " (account " + s.account + ")") << "\n";
  if (s.resources.empty()) {
    out << "\nNothing of cluster " << s.cluster << " exists in " << s.region << " (run `hopper up` to make it).\n";
    return;
  }
  out << "\nInstances\n";
  if (s.instances.empty()) {
    out << "  none\n";
  } else {
    Table table({"ROLE", "NAME", "ID", "STATE", "TYPE", "PRIVATE IP", "PUBLIC IP", "ZONE"});
    for (const auto& i : s.instances) {
      table.add({dash(i.role), dash(i.name), i.id, i.state, i.instance_type, dash(i.private_ip), dash(i.public_ip), dash(i.zone)});
    }
    table.print(out, 2);
  }
  if (!s.groups.empty()) {
    out << "\nAuto Scaling groups\n";
    Table table({"NAME", "DESIRED", "MIN", "MAX", "IN SERVICE", "INSTANCES"});
    for (const auto& g : s.groups) {
      table.add({g.name, std::to_string(g.desired), std::to_string(g.min), std::to_string(g.max), std::to_string(g.in_service),
                 std::to_string(g.instances)});
    }
    table.print(out, 2);
  }
  if (!s.nat_gateways.empty()) {
    out << "\nNAT gateways\n";
    Table table({"ZONE", "ID", "STATE", "PUBLIC IP"});
    for (const auto& n : s.nat_gateways) table.add({n.zone, n.id, dash(n.state), dash(n.public_ip)});
    table.print(out, 2);
  }

  out << "\nKubernetes";
  if (s.kube.reach == KubeStatus::Reach::reachable) {
    out << " (API at " << s.kube.address << ")\n";
    const auto ready = std::count_if(s.kube.nodes.begin(), s.kube.nodes.end(), [](const NodeInfo& n) { return n.ready; });
    out << "  " << ready << " of " << s.kube.nodes.size() << " node(s) Ready\n";
    if (!s.kube.nodes.empty()) {
      Table table({"NODE", "READY", "ROLES", "VERSION", "INTERNAL IP"});
      for (const auto& n : s.kube.nodes) {
        table.add({n.name, n.ready ? "True" : dash(n.ready_status) + (n.ready_reason.empty() ? "" : " (" + n.ready_reason + ")"),
                   dash(util::join(n.roles, ",")), dash(n.kubelet_version), dash(n.internal_ip)});
      }
      table.print(out, 2);
    }
    if (s.kube.services.empty()) {
      out << "  no Service of type LoadBalancer\n";
    } else {
      Table table({"SERVICE", "LOAD BALANCER", "PORTS"});
      for (const auto& svc : s.kube.services) {
        const std::string ingress = util::join(svc.ingress, ", ");
        table.add({svc.name_space + "/" + svc.name, ingress.empty() ? "(pending)" : ingress, dash(util::join(svc.ports, ", "))});
      }
      table.print(out, 2);
    }
  } else {
    out << "\n  " << s.kube.message << "\n";
  }

  out << "\nResources (" << s.resources.size() << ")\n";
  Table table({"KIND", "NAME", "ID", "STATE"});
  for (const auto& r : s.resources) table.add({r.kind, r.name, r.id, dash(r.state)});
  table.print(out, 2);
}

nlohmann::json status_json(const ClusterStatus& s) {
  nlohmann::json resources = nlohmann::json::array();
  for (const auto& r : s.resources) {
    resources.push_back({{"kind", r.kind}, {"name", r.name}, {"display_name", r.display_name}, {"id", r.id}, {"state", r.state}});
  }
  nlohmann::json instances = nlohmann::json::array();
  for (const auto& i : s.instances) {
    instances.push_back({{"role", i.role}, {"name", i.name}, {"id", i.id}, {"state", i.state},
                         {"instance_type", i.instance_type}, {"private_ip", i.private_ip}, {"public_ip", i.public_ip},
                         {"zone", i.zone}});
  }
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& g : s.groups) {
    groups.push_back({{"name", g.name}, {"min", g.min}, {"max", g.max}, {"desired", g.desired},
                      {"in_service", g.in_service}, {"instances", g.instances}});
  }
  nlohmann::json nats = nlohmann::json::array();
  for (const auto& n : s.nat_gateways) {
    nats.push_back({{"zone", n.zone}, {"id", n.id}, {"state", n.state}, {"public_ip", n.public_ip}});
  }
  nlohmann::json nodes = nlohmann::json::array();
  for (const auto& n : s.kube.nodes) {
    nodes.push_back({{"name", n.name}, {"ready", n.ready}, {"ready_status", n.ready_status}, {"ready_reason", n.ready_reason},
                     {"roles", n.roles}, {"kubelet_version", n.kubelet_version}, {"internal_ip", n.internal_ip}});
  }
  nlohmann::json services = nlohmann::json::array();
  for (const auto& svc : s.kube.services) {
    services.push_back({{"namespace", svc.name_space}, {"name", svc.name}, {"type", svc.type},
                        {"load_balancer", svc.ingress}, {"ports", svc.ports}});
  }
  return {{"cluster", s.cluster},
          {"region", s.region},
          {"account", s.account},
          {"resources", resources},
          {"instances", instances},
          {"auto_scaling_groups", groups},
          {"nat_gateways", nats},
          {"kubernetes",
           {{"reach", reach_name(s.kube.reach)},
            {"address", s.kube.address},
            {"message", s.kube.message},
            {"nodes", nodes},
            {"load_balancer_services", services}}}};
}

}  // namespace hopper::report

// The Diagram model: from the spec (what the builders in model/builders/ make) and from what
// discovery found.
#include <algorithm>
#include <map>
#include <set>

#include "report/diagram.hpp"
#include "util/cidr.hpp"
#include "util/strings.hpp"

namespace hopper::report {
namespace {

// The box a security group stands for (its hopper/resource name).
std::string node_of_group(const std::string& group_name) {
  if (group_name == "bastion") return k_node_bastion;
  if (group_name == "control-plane") return k_node_control_plane;
  if (group_name == "nodes") return k_node_workers;
  if (group_name == "nat") return k_node_nat;
  return "";
}

}  // namespace

std::string port_label(const std::vector<std::string>& protocol_ports) {
  // port range -> protocols
  std::map<std::pair<int, int>, std::set<std::string>> ports;
  for (const std::string& atom : protocol_ports) {
    const std::size_t colon = atom.find(':');
    if (colon == std::string::npos) continue;
    const std::string protocol = atom.substr(0, colon);
    const std::string range = atom.substr(colon + 1);
    if (protocol == "-1" || range == "all") return "all";
    const std::size_t dash = range.find('-');
    const int from = util::int_or_zero(range.substr(0, dash));
    const int to = dash == std::string::npos ? from : util::int_or_zero(range.substr(dash + 1));
    ports[{from, to}].insert(protocol);
  }
  std::vector<std::string> parts;
  for (const auto& [range, protocols] : ports) {
    const std::string number = range.first == range.second ? std::to_string(range.first)
                                                           : std::to_string(range.first) + "-" + std::to_string(range.second);
    parts.push_back(number + "/" + util::join(std::vector<std::string>(protocols.begin(), protocols.end()), "+"));
  }
  return util::join(parts, ", ");
}

Diagram diagram_from_spec(const spec::ClusterSpec& spec) {
  Diagram d;
  d.title = "Cluster " + spec.name + " in " + spec.region;
  d.subtitle = "from the spec" + (spec.source_path.empty() ? std::string() : " " + spec.source_path.filename().string());
  d.vpc_cidr = spec.network.vpc_cidr.str();
  if (spec.network.existing_vpc_id) d.vpc_id = *spec.network.existing_vpc_id;
  for (const auto& cidr : spec.bastion.ssh_allowed_cidrs) d.admin_cidrs.push_back(cidr.str());
  for (const auto& zone : spec.network.zones) {
    DiagramZone z;
    z.name = zone.name;
    z.public_cidr = zone.public_subnet.str();
    z.private_cidr = zone.private_subnet.str();
    if (spec.network.nat == spec::NatMode::gateway) z.nat = "NAT gateway";
    if (spec.network.nat == spec::NatMode::instance) z.nat = "NAT instance";
    d.zones.push_back(std::move(z));
  }
  if (spec.bastion.enabled) d.bastion = DiagramMachine{"bastion", spec.bastion.instance_type, "", "", ""};
  d.control_plane = DiagramMachine{"control plane", spec.control_plane.instance_type, "", spec.control_plane.private_ip.str(), ""};
  d.workers = {spec.workers.instance_type, spec.workers.min, spec.workers.max, spec.workers.desired, "", ""};

  // The rules of model/builders/firewall.cpp, one edge per pair of boxes.
  if (spec.bastion.enabled) {
    if (!d.admin_cidrs.empty()) d.edges.push_back({k_node_admin, k_node_bastion, "22/tcp"});
    d.edges.push_back({k_node_bastion, k_node_control_plane, "22/tcp, 6443/tcp"});
    d.edges.push_back({k_node_bastion, k_node_workers, "22/tcp"});
  }
  d.edges.push_back({k_node_workers, k_node_control_plane, "53/tcp+udp, 6443/tcp"});
  d.edges.push_back({k_node_control_plane, k_node_workers, "all"});
  d.edges.push_back({k_node_control_plane, k_node_control_plane, "all"});
  d.edges.push_back({k_node_workers, k_node_workers, "all"});
  return d;
}

Diagram diagram_from_live(const std::vector<engine::Doomed>& found, const std::string& cluster,
                          const std::string& region, const std::string& account) {
  Diagram d;
  d.title = "Cluster " + cluster + " in " + region;
  d.subtitle = "as found" + (account.empty() ? std::string() : " in account " + account);

  std::map<std::string, DiagramZone> zones;  // by zone name
  std::map<std::string, std::string> subnet_zone;  // subnet id -> zone
  std::map<std::string, std::string> group_node;   // security group id -> box
  std::map<std::string, std::string> group_ingress;
  for (const engine::Doomed& item : found) {
    const std::string& kind = item.key.kind;
    const model::Observed& o = item.observed;
    if (kind == "vpc") {
      d.vpc_id = o.id;
      d.vpc_cidr = o.field("cidr_block");
    } else if (kind == "internet_gateway") {
      d.internet_gateway_id = o.id;
    } else if (kind == "subnet") {
      const std::string zone = o.field("availability_zone");
      DiagramZone& z = zones[zone];
      z.name = zone;
      subnet_zone[o.id] = zone;
      if (item.key.name.rfind("public-", 0) == 0) {
        z.public_cidr = o.field("cidr_block");
        z.public_id = o.id;
      } else {
        z.private_cidr = o.field("cidr_block");
        z.private_id = o.id;
      }
    } else if (kind == "instance") {
      DiagramMachine machine{"", o.attribute("instance_type"), o.id, o.attribute("private_ip"),
                             o.attribute("public_ip")};
      if (item.key.name == "bastion") {
        machine.title = "bastion";
        d.bastion = machine;
      } else if (item.key.name == "control-plane") {
        machine.title = "control plane";
        d.control_plane = machine;
      } else if (item.key.name.rfind("nat-", 0) == 0) {
        DiagramZone& z = zones[item.key.name.substr(4)];
        z.name = item.key.name.substr(4);
        z.nat = "NAT instance";
        z.nat_id = o.id;
        z.nat_public_ip = machine.public_ip;
      }
    } else if (kind == "nat_gateway") {
      DiagramZone& z = zones[item.key.name];
      z.name = item.key.name;
      z.nat = "NAT gateway";
      z.nat_id = o.id;
      z.nat_public_ip = o.attribute("public_ip");
    } else if (kind == "auto_scaling_group") {
      d.workers.name = o.id;
      d.workers.min = util::int_or_zero(o.field("min_size"));
      d.workers.max = util::int_or_zero(o.field("max_size"));
      d.workers.desired = util::int_or_zero(o.field("desired_capacity"));
      d.workers.in_service = o.attribute("in_service");
    } else if (kind == "launch_template") {
      if (d.workers.instance_type.empty()) d.workers.instance_type = o.field("instance_type");
    } else if (kind == "security_group") {
      const std::string node = node_of_group(item.key.name);
      if (!node.empty()) group_node[o.id] = node;
      group_ingress[o.id] = o.attribute("ingress");
    }
  }
  // Zones in name order; the control plane's zone first.
  for (auto& [name, zone] : zones) {
    if (!name.empty()) d.zones.push_back(zone);
  }
  // The bastion and the control plane are drawn in zones[0]: the zone whose private subnet holds
  // the control plane's address goes first.
  if (d.control_plane) {
    const auto address = util::Ipv4::parse(d.control_plane->private_ip);
    const auto holds = std::find_if(d.zones.begin(), d.zones.end(), [&](const DiagramZone& z) {
      const auto cidr = util::Cidr::parse(z.private_cidr);
      return address && cidr.ok() && cidr->contains(*address);
    });
    if (holds != d.zones.end()) std::rotate(d.zones.begin(), holds, holds + 1);
  }

  // Edges from the ingress atoms "protocol:ports:sg:<id>" / "protocol:ports:cidr:<cidr>".
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> rules;
  std::set<std::string> admin_cidrs;
  for (const auto& [group_id, ingress] : group_ingress) {
    const auto target = group_node.find(group_id);
    if (target == group_node.end()) continue;
    for (const std::string& atom : util::split(ingress, ',')) {
      const std::vector<std::string> parts = util::split(atom, ':');
      if (parts.size() < 4) continue;
      const std::string protocol_ports = parts[0] + ":" + parts[1];
      std::string source;
      if (parts[2] == "sg") {
        const auto from = group_node.find(parts[3]);
        if (from == group_node.end()) continue;
        source = from->second;
      } else {
        // A CIDR source: the admin's addresses (a NAT instance's VPC-wide rule is not an edge).
        if (target->second != k_node_bastion) continue;
        source = k_node_admin;
        admin_cidrs.insert(util::join(std::vector<std::string>(parts.begin() + 3, parts.end()), ":"));
      }
      rules[{source, target->second}].push_back(protocol_ports);
    }
  }
  d.admin_cidrs.assign(admin_cidrs.begin(), admin_cidrs.end());
  for (const auto& [pair, atoms] : rules) d.edges.push_back({pair.first, pair.second, port_label(atoms)});
  return d;
}

}  // namespace hopper::report

// Graphviz DOT text of a Diagram: clusters for the VPC, zones and subnets; boxes for the
// machines and gateways; solid edges for security-group rules, dashed ones for routes.
#include <sstream>

#include "report/diagram.hpp"
#include "util/strings.hpp"

namespace hopper::report {
namespace {

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string node_id(const std::string& node) {
  std::string out;
  for (const char c : node) out += (c == '-' || c == '.') ? '_' : c;
  return out;
}

std::string with_id(const std::string& text, const std::string& id) { return id.empty() ? text : text + "\n" + id; }

std::string machine_label(const DiagramMachine& m) {
  std::string label = m.title + "\n" + m.instance_type;
  if (!m.private_ip.empty()) label += "\n" + m.private_ip;
  if (!m.public_ip.empty()) label += " / " + m.public_ip;
  return with_id(label, m.id);
}

std::string workers_label(const DiagramWorkers& w) {
  std::string label = "workers\n" + w.instance_type + "\nAuto Scaling group min " + std::to_string(w.min) + " / desired " +
                      std::to_string(w.desired) + " / max " + std::to_string(w.max);
  if (!w.in_service.empty()) label += "\n" + w.in_service + " in service";
  return with_id(label, w.name);
}

}  // namespace

std::string render_dot(const Diagram& d) {
  std::ostringstream out;
  out << "digraph hopper {\n";
  out << "  graph [rankdir=TB, fontname=\"Helvetica\", labelloc=t, label=" << quoted(d.title + " (" + d.subtitle + ")")
      << "];\n";
  out << "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=10];\n";
  out << "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  out << "  internet [shape=ellipse, label=\"internet\"];\n";
  if (!d.admin_cidrs.empty()) {
    out << "  admin [shape=ellipse, label=" << quoted("admin\n" + util::join(d.admin_cidrs, "\n")) << "];\n";
  }
  out << "  subgraph cluster_vpc {\n";
  out << "    label=" << quoted(with_id("VPC " + d.vpc_cidr, d.vpc_id)) << "; style=rounded; color=\"#1f6feb\";\n";
  out << "    igw [label=" << quoted(with_id("internet gateway", d.internet_gateway_id)) << ", fillcolor=\"#dbe9ff\"];\n";
  for (std::size_t i = 0; i < d.zones.size(); ++i) {
    const DiagramZone& z = d.zones[i];
    const std::string zid = node_id(z.name);
    out << "    subgraph cluster_" << zid << " {\n";
    out << "      label=" << quoted(z.name) << "; style=dashed; color=\"#8b949e\";\n";
    out << "      subgraph cluster_public_" << zid << " {\n";
    out << "        label=" << quoted(with_id("public subnet " + z.public_cidr, z.public_id))
        << "; style=filled; fillcolor=\"#e6f4ea\";\n";
    out << "        public_" << zid << " [shape=point, style=invis];\n";
    if (i == 0 && d.bastion) out << "        bastion [label=" << quoted(machine_label(*d.bastion)) << "];\n";
    if (!z.nat.empty()) {
      std::string label = z.nat;
      if (!z.nat_public_ip.empty()) label += "\n" + z.nat_public_ip;
      out << "        nat_" << zid << " [label=" << quoted(with_id(label, z.nat_id)) << ", fillcolor=\"#fff4d6\"];\n";
    }
    out << "      }\n";
    out << "      subgraph cluster_private_" << zid << " {\n";
    out << "        label=" << quoted(with_id("private subnet " + z.private_cidr, z.private_id))
        << "; style=filled; fillcolor=\"#fdecea\";\n";
    out << "        private_" << zid << " [shape=point, style=invis];\n";
    if (i == 0 && d.control_plane) out << "        control_plane [label=" << quoted(machine_label(*d.control_plane)) << "];\n";
    if (i == 0) out << "        workers [label=" << quoted(workers_label(d.workers)) << "];\n";
    out << "      }\n";
    out << "    }\n";
  }
  out << "  }\n";
  // Routes.
  out << "  igw -> internet [style=dashed, dir=both, label=\"0.0.0.0/0\"];\n";
  for (const DiagramZone& z : d.zones) {
    const std::string zid = node_id(z.name);
    out << "  public_" << zid << " -> igw [style=dashed, label=\"0.0.0.0/0\"];\n";
    if (!z.nat.empty()) {
      out << "  private_" << zid << " -> nat_" << zid << " [style=dashed, label=\"0.0.0.0/0\"];\n";
      out << "  nat_" << zid << " -> igw [style=dashed];\n";
    }
  }
  // Security-group edges.
  const auto drawn = [&](const std::string& node) {
    return node == k_node_workers || (node == k_node_admin && !d.admin_cidrs.empty()) ||
           (node == k_node_bastion && d.bastion) || (node == k_node_control_plane && d.control_plane);
  };
  for (const DiagramEdge& e : d.edges) {
    if (!drawn(e.from) || !drawn(e.to)) continue;
    out << "  " << node_id(e.from) << " -> " << node_id(e.to) << " [label=" << quoted(e.label) << ", color=\"#cf222e\"];\n";
  }
  out << "}\n";
  return out.str();
}

}  // namespace hopper::report

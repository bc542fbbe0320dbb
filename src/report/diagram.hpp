// The cluster drawn like the chapter's figure 3-1: the VPC, each zone with its public and private
// subnet, the internet gateway, the NAT gateways (or instances), the bastion, the control plane,
// the workers' Auto Scaling group, and the security-group edges labelled with their ports.
//
// Two steps, both pure: a small model (Diagram) made from the spec (diagram_from_spec) or from
// what discovery found (diagram_from_live: ids, addresses, the real ingress rules), then a
// renderer: Graphviz DOT text (render_dot, for `dot -Tpng` if the user has Graphviz) or a
// standalone SVG that hopper lays out itself (render_svg: no Graphviz needed; valid XML).
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/apply.hpp"
#include "spec/cluster_spec.hpp"

namespace hopper::report {

// The boxes an edge can join.
inline constexpr const char* k_node_admin = "admin";
inline constexpr const char* k_node_bastion = "bastion";
inline constexpr const char* k_node_control_plane = "control-plane";
inline constexpr const char* k_node_workers = "workers";
inline constexpr const char* k_node_nat = "nat";  // NAT instances (nat: instance)

struct DiagramMachine {
  std::string title;       // "bastion", "control plane"
  std::string instance_type;
  std::string id;          // instance id (live only)
  std::string private_ip;  // spec: the control plane's; live: every found one
  std::string public_ip;   // live only
};

struct DiagramZone {
  std::string name;
  std::string public_cidr;
  std::string public_id;   // subnet id (live only)
  std::string private_cidr;
  std::string private_id;
  std::string nat;         // "NAT gateway", "NAT instance" or "" (none)
  std::string nat_id;
  std::string nat_public_ip;
};

struct DiagramWorkers {
  std::string instance_type;
  int min = 0;
  int max = 0;
  int desired = 0;
  std::string in_service;  // live only
  std::string name;        // the Auto Scaling group's name (live only)
};

struct DiagramEdge {
  std::string from;   // k_node_*
  std::string to;
  std::string label;  // "22/tcp", "6443/tcp, 53/tcp+udp", "all"
  bool operator==(const DiagramEdge&) const = default;
};

struct Diagram {
  std::string title;     // "Cluster hopper in eu-west-1"
  std::string subtitle;  // "from the spec" / "as found in account 123456789012"
  std::string vpc_cidr;
  std::string vpc_id;
  std::string internet_gateway_id;
  std::vector<std::string> admin_cidrs;
  std::vector<DiagramZone> zones;  // the control plane and bastion live in zones[0]
  std::optional<DiagramMachine> bastion;
  std::optional<DiagramMachine> control_plane;
  DiagramWorkers workers;
  std::vector<DiagramEdge> edges;  // security-group edges: who may reach whom, on which ports
};

// The diagram of what `spec` asks for.
Diagram diagram_from_spec(const spec::ClusterSpec& spec);

// The diagram of what discovery found (engine::discover_owned): ids, addresses, and the edges
// read from the security groups' ingress rules. Missing pieces are left out of the drawing.
Diagram diagram_from_live(const std::vector<engine::Doomed>& found, const std::string& cluster,
                          const std::string& region, const std::string& account);

// Labels an edge's rules: atoms "tcp:22-22", "udp:53-53", "-1:all" -> "22/tcp", "53/udp",
// "all"; tcp and udp of one port merge as "53/tcp+udp". Exposed for tests.
std::string port_label(const std::vector<std::string>& protocol_ports);

std::string render_dot(const Diagram& diagram);
std::string render_svg(const Diagram& diagram);

}  // namespace hopper::report

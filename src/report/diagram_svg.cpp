// A standalone SVG of a Diagram, laid out on a fixed grid (no Graphviz): the internet and the
// admin's addresses on top, the internet gateway on the VPC's edge, one column per zone with its
// public subnet (bastion, NAT) above its private subnet (control plane, workers). Red arrows are
// security-group rules with their ports; grey dashed arrows are the default routes.
#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "codec/xml.hpp"
#include "report/diagram.hpp"
#include "util/strings.hpp"

namespace hopper::report {
namespace {

constexpr int k_zone_width = 440;
constexpr int k_zone_gap = 20;
constexpr int k_box_width = 180;

struct Box {
  double x = 0, y = 0, w = 0, h = 0;
  double cx() const { return x + w / 2; }
  double cy() const { return y + h / 2; }
};

class Canvas {
 public:
  void rect(const Box& b, const std::string& fill, const std::string& stroke, const std::string& extra = "") {
    m_out << fmt::format(R"(  <rect x="{:.0f}" y="{:.0f}" width="{:.0f}" height="{:.0f}" rx="8" fill="{}" stroke="{}" {}/>)",
                         b.x, b.y, b.w, b.h, fill, stroke, extra)
          << "\n";
  }
  void text(double x, double y, const std::string& content, int size = 12, const std::string& anchor = "start",
            const std::string& weight = "normal", const std::string& klass = "") {
    m_out << fmt::format(R"(  <text x="{:.0f}" y="{:.0f}" font-size="{}" text-anchor="{}" font-weight="{}"{}>{}</text>)", x, y,
                         size, anchor, weight, klass.empty() ? "" : " class=\"" + klass + "\"", codec::xml_escape(content))
          << "\n";
  }
  // A box with centred lines of text; the first line bold.
  void labelled_box(const Box& b, const std::vector<std::string>& lines, const std::string& fill, const std::string& klass) {
    m_out << "  <g class=\"" << klass << "\">\n";
    rect(b, fill, "#24292f", "stroke-width=\"1.5\"");
    const double top = b.cy() - (static_cast<double>(lines.size()) - 1) * 7.5 + 4;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      text(b.cx(), top + static_cast<double>(i) * 15, lines[i], i == 0 ? 13 : 11, "middle", i == 0 ? "bold" : "normal");
    }
    m_out << "  </g>\n";
  }
  // An arrow from box `a` to box `b` (clipped to their edges), shifted sideways by `offset`.
  void arrow(const Box& a, const Box& b, const std::string& label, bool route, double offset, const std::string& klass) {
    double x1 = a.cx(), y1 = a.cy(), x2 = b.cx(), y2 = b.cy();
    const double dx = x2 - x1, dy = y2 - y1;
    const double length = std::hypot(dx, dy);
    if (length < 1) return;
    const double nx = -dy / length * offset, ny = dx / length * offset;
    const auto clip = [](const Box& box, double dirx, double diry) {
      const double tx = dirx == 0 ? 1e9 : (box.w / 2) / std::fabs(dirx);
      const double ty = diry == 0 ? 1e9 : (box.h / 2) / std::fabs(diry);
      return std::min(tx, ty);
    };
    const double ta = clip(a, dx, dy), tb = clip(b, dx, dy);
    const double sx = x1 + dx * ta + nx, sy = y1 + dy * ta + ny;
    const double ex = x2 - dx * tb + nx, ey = y2 - dy * tb + ny;
    line(sx, sy, ex, ey, label, route, klass);
  }
  void line(double sx, double sy, double ex, double ey, const std::string& label, bool route, const std::string& klass) {
    m_out << "  <g class=\"" << klass << "\">\n";
    m_out << fmt::format(R"svg(    <line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="{}" stroke-width="{}" {}marker-end="url(#{})"/>)svg",
                         sx, sy, ex, ey, route ? "#6e7781" : "#cf222e", route ? "1.2" : "1.8",
                         route ? "stroke-dasharray=\"6 4\" " : "", route ? "route" : "rule")
          << "\n";
    if (!label.empty()) edge_label((sx + ex) / 2, (sy + ey) / 2, label, route);
    m_out << "  </g>\n";
  }
  void edge_label(double x, double y, const std::string& label, bool route) {
    const double width = static_cast<double>(label.size()) * 6.2 + 8;
    m_out << fmt::format(R"(    <rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="16" rx="3" fill="#ffffff" fill-opacity="0.9"/>)",
                         x - width / 2, y - 11, width)
          << "\n";
    m_out << fmt::format(R"(    <text x="{:.1f}" y="{:.1f}" font-size="11" text-anchor="middle" fill="{}" class="{}">{}</text>)", x, y + 1,
                         route ? "#57606a" : "#a40e26", route ? "route-label" : "port-label", codec::xml_escape(label))
          << "\n";
  }
  void raw(const std::string& text) { m_out << text; }
  std::string str() const { return m_out.str(); }

 private:
  std::ostringstream m_out;
};

std::vector<std::string> machine_lines(const DiagramMachine& m) {
  std::vector<std::string> lines{m.title, m.instance_type};
  if (!m.private_ip.empty()) lines.push_back(m.private_ip + (m.public_ip.empty() ? "" : "  (public " + m.public_ip + ")"));
  else if (!m.public_ip.empty()) lines.push_back("public " + m.public_ip);
  if (!m.id.empty()) lines.push_back(m.id);
  return lines;
}

}  // namespace

std::string render_svg(const Diagram& d) {
  const int zones = std::max<int>(1, static_cast<int>(d.zones.size()));
  const int inner = zones * k_zone_width + (zones - 1) * k_zone_gap;
  const int width = std::max(800, inner + 100);
  const int vpc_top = 160;
  const int zone_top = 210;
  const int height = 960;

  Canvas c;
  c.raw(fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}" font-family="Helvetica, Arial, sans-serif">
  <title>{2}</title>
  <defs>
    <marker id="rule" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#cf222e"/></marker>
    <marker id="route" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#6e7781"/></marker>
  </defs>
  <rect x="0" y="0" width="{0}" height="{1}" fill="#ffffff"/>
)",
                    width, height, codec::xml_escape(d.title)));
  c.text(30, 32, d.title, 20, "start", "bold", "title");
  c.text(30, 52, d.subtitle, 12, "start", "normal", "subtitle");

  // The outside world.
  const Box internet{width / 2.0 - 75, 70, 150, 44};
  c.raw(fmt::format(R"(  <ellipse class="internet" cx="{:.0f}" cy="{:.0f}" rx="75" ry="22" fill="#f6f8fa" stroke="#24292f"/>)",
                    internet.cx(), internet.cy()) +
        "\n");
  c.text(internet.cx(), internet.cy() + 5, "internet", 13, "middle", "bold");
  Box admin{30, 66, 230, 52};
  const bool has_admin = !d.admin_cidrs.empty();
  if (has_admin) {
    c.labelled_box(admin, {"admin (SSH from)", util::join(d.admin_cidrs, ", ")}, "#f6f8fa", "admin");
  }

  // The VPC and its internet gateway.
  const Box vpc{30, static_cast<double>(vpc_top), static_cast<double>(width - 60), static_cast<double>(height - vpc_top - 70)};
  c.rect(vpc, "none", "#1f6feb", "stroke-width=\"2.5\" class=\"vpc\"");
  c.text(vpc.x + 14, vpc.y + 22, "VPC " + d.vpc_cidr + (d.vpc_id.empty() ? "" : "  " + d.vpc_id), 14, "start", "bold", "vpc-label");
  const Box igw{width / 2.0 - 85, vpc_top - 22.0, 170, 44};
  std::vector<std::string> igw_lines{"internet gateway"};
  if (!d.internet_gateway_id.empty()) igw_lines.push_back(d.internet_gateway_id);
  c.labelled_box(igw, igw_lines, "#dbe9ff", "igw");
  c.arrow(igw, internet, "", true, 0, "route");

  std::map<std::string, Box> nodes;  // the boxes edges join (zone 0)
  if (has_admin) nodes[k_node_admin] = admin;
  for (int i = 0; i < static_cast<int>(d.zones.size()); ++i) {
    const DiagramZone& z = d.zones[static_cast<std::size_t>(i)];
    const double zx = 50 + i * (k_zone_width + k_zone_gap);
    c.rect({zx, static_cast<double>(zone_top), k_zone_width, 660}, "none", "#8b949e", "stroke-dasharray=\"8 5\" class=\"zone\"");
    c.text(zx + 12, zone_top + 20, "zone " + z.name, 13, "start", "bold", "zone-label");

    const Box public_subnet{zx + 10, zone_top + 32.0, k_zone_width - 20.0, 200};
    c.rect(public_subnet, "#e6f4ea", "#2da44e", "class=\"subnet public\"");
    c.text(public_subnet.x + 10, public_subnet.y + 18, "public subnet " + z.public_cidr, 12, "start", "bold", "subnet-label");
    if (!z.public_id.empty()) c.text(public_subnet.x + 10, public_subnet.y + 33, z.public_id, 10);

    const Box private_subnet{zx + 10, zone_top + 250.0, k_zone_width - 20.0, 400};
    c.rect(private_subnet, "#fdecea", "#cf222e", "class=\"subnet private\"");
    c.text(private_subnet.x + 10, private_subnet.y + 18, "private subnet " + z.private_cidr, 12, "start", "bold", "subnet-label");
    if (!z.private_id.empty()) c.text(private_subnet.x + 10, private_subnet.y + 33, z.private_id, 10);

    // Routes: public subnet -> internet gateway; private subnet -> NAT -> internet gateway.
    const Box public_anchor{zx + 60, public_subnet.y, 1, 1};
    c.arrow(public_anchor, igw, i == 0 ? "0.0.0.0/0" : "", true, 0, "route");
    const Box nat{zx + 235, public_subnet.y + 70, k_box_width, 80};
    if (!z.nat.empty()) {
      std::vector<std::string> lines{z.nat};
      if (!z.nat_public_ip.empty()) lines.push_back("public " + z.nat_public_ip);
      if (!z.nat_id.empty()) lines.push_back(z.nat_id);
      c.labelled_box(nat, lines, "#fff4d6", "nat");
      c.line(nat.cx(), private_subnet.y, nat.cx(), nat.y + nat.h + 2, "0.0.0.0/0", true, "route");
    }

    const Box bastion{zx + 25, public_subnet.y + 70, k_box_width, 80};
    const Box control_plane{zx + 25, private_subnet.y + 60, k_box_width, 90};
    const Box workers{zx + 235, private_subnet.y + 210, k_box_width, 110};
    if (i == 0) {
      if (d.bastion) {
        c.labelled_box(bastion, machine_lines(*d.bastion), "#ffffff", "bastion");
        nodes[k_node_bastion] = bastion;
      }
      if (d.control_plane) {
        c.labelled_box(control_plane, machine_lines(*d.control_plane), "#ffffff", "control-plane");
        nodes[k_node_control_plane] = control_plane;
      }
      std::vector<std::string> lines{"workers", d.workers.instance_type,
                                     fmt::format("min {} / desired {} / max {}", d.workers.min, d.workers.desired, d.workers.max)};
      if (!d.workers.in_service.empty()) lines.push_back(d.workers.in_service + " in service");
      lines.push_back(d.workers.name.empty() ? "Auto Scaling group" : d.workers.name);
      c.labelled_box(workers, lines, "#ffffff", "workers");
      nodes[k_node_workers] = workers;
    } else {
      c.labelled_box(workers, {"workers", "same Auto Scaling group", "spread over the zones"}, "#ffffff", "workers-more");
    }
  }

  // Security-group edges. A pair with edges both ways gets them side by side.
  for (const DiagramEdge& e : d.edges) {
    const auto from = nodes.find(e.from);
    const auto to = nodes.find(e.to);
    if (from == nodes.end() || to == nodes.end()) continue;
    if (e.from == e.to) {
      // A group that admits itself: a loop under its box.
      const Box& b = from->second;
      c.raw(fmt::format(R"svg(  <g class="rule"><path d="M{:.0f},{:.0f} C{:.0f},{:.0f} {:.0f},{:.0f} {:.0f},{:.0f}" fill="none" stroke="#cf222e" stroke-width="1.8" marker-end="url(#rule)"/>)svg",
                        b.x + 50, b.y + b.h, b.x + 40, b.y + b.h + 40, b.x + b.w - 40, b.y + b.h + 40, b.x + b.w - 50,
                        b.y + b.h + 2) +
            "\n");
      c.edge_label(b.cx(), b.y + b.h + 40, e.label + " (among themselves)", false);
      c.raw("  </g>\n");
      continue;
    }
    const bool both_ways = std::any_of(d.edges.begin(), d.edges.end(),
                                       [&](const DiagramEdge& other) { return other.from == e.to && other.to == e.from; });
    c.arrow(from->second, to->second, e.label, false, both_ways ? 9 : 0, "rule");
  }

  // Legend.
  const double legend_y = height - 40;
  c.line(40, legend_y, 90, legend_y, "", false, "legend");
  c.text(98, legend_y + 4, "security-group rule: who may connect, on which ports", 11);
  c.line(430, legend_y, 480, legend_y, "", true, "legend");
  c.text(488, legend_y + 4, "default route", 11);
  c.raw("</svg>\n");
  return c.str();
}

}  // namespace hopper::report

#include "report/cost.hpp"

#include <cmath>

#include <fmt/format.h>

#include "model/builders/cluster.hpp"
#include "util/strings.hpp"

namespace hopper::report {
namespace {

CostLine hourly_line(std::string item, std::string detail, double quantity, std::string unit, double unit_price) {
  CostLine line{std::move(item), std::move(detail), quantity, std::move(unit), unit_price, 0, 0};
  line.hourly = quantity * unit_price;
  line.monthly = line.hourly * k_hours_per_month;
  return line;
}

CostLine monthly_line(std::string item, std::string detail, double quantity, std::string unit, double unit_price) {
  CostLine line{std::move(item), std::move(detail), quantity, std::move(unit), unit_price, 0, 0};
  line.monthly = quantity * unit_price;
  line.hourly = line.monthly / k_hours_per_month;
  return line;
}

std::string plural(int n, const std::string& word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

std::string price_text(double price) {
  // Enough digits for $0.0058 and $0.10264, no trailing zeros beyond the cents.
  std::string text = fmt::format("{:.5f}", price);
  while (text.size() > 4 && text.back() == '0' && text[text.size() - 3] != '.') text.pop_back();
  return "$" + text;
}

// A note's price: "$0.048", or "an unsourced amount" when the table has no source for it.
std::string optional_price_text(const OptionalPrice& price) { return price ? price_text(*price) : "an unsourced amount"; }

}  // namespace

std::string format_dollars(double amount) {
  const bool negative = amount < 0;
  const long long cents = std::llround(std::fabs(amount) * 100);
  std::string whole = std::to_string(cents / 100);
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(static_cast<std::size_t>(i), ",");
  return fmt::format("{}${}.{:02}", negative ? "-" : "", whole, cents % 100);
}

util::Result<CostEstimate> estimate_cost(const spec::ClusterSpec& spec, const PriceTable& table) {
  HOPPER_ASSIGN(const RegionPrices* prices, region_prices(table, spec.region));
  CostEstimate estimate;
  estimate.cluster = spec.name;
  estimate.region = spec.region;
  estimate.table_date = prices_date(table, *prices);
  estimate.table_source = table.source;
  estimate.workers_desired = spec.workers.desired;
  estimate.workers_max = spec.workers.max;
  const int zones = static_cast<int>(spec.network.zones.size());

  int root_gib = 0;
  std::vector<std::string> volumes;
  if (spec.bastion.enabled) {
    HOPPER_ASSIGN(const double price, instance_price(table, *prices, spec.bastion.instance_type));
    estimate.lines.push_back(hourly_line("bastion", spec.bastion.instance_type, 1, "instance-hour", price));
    root_gib += spec.bastion.root_volume_gib;
    volumes.push_back(std::to_string(spec.bastion.root_volume_gib));
  }
  HOPPER_ASSIGN(const double control_plane_price, instance_price(table, *prices, spec.control_plane.instance_type));
  estimate.lines.push_back(
      hourly_line("control plane", spec.control_plane.instance_type, 1, "instance-hour", control_plane_price));
  root_gib += spec.control_plane.root_volume_gib;
  volumes.push_back(std::to_string(spec.control_plane.root_volume_gib));

  HOPPER_ASSIGN(const double worker_price, instance_price(table, *prices, spec.workers.instance_type));
  estimate.lines.push_back(hourly_line("workers",
                                       fmt::format("{} x {} (min {}, max {})", spec.workers.instance_type,
                                                   spec.workers.desired, spec.workers.min, spec.workers.max),
                                       spec.workers.desired, "instance-hour", worker_price));
  root_gib += spec.workers.desired * spec.workers.root_volume_gib;
  if (spec.workers.desired > 0) {
    volumes.push_back(spec.workers.desired == 1 ? std::to_string(spec.workers.root_volume_gib)
                                                : fmt::format("{} x {}", spec.workers.desired, spec.workers.root_volume_gib));
  }

  int public_addresses = spec.bastion.enabled ? 1 : 0;
  std::vector<std::string> address_owners;
  if (spec.bastion.enabled) address_owners.push_back("bastion");
  if (spec.network.nat == spec::NatMode::instance) {
    HOPPER_ASSIGN(const double nat_price, instance_price(table, *prices, spec.network.nat_instance_type));
    estimate.lines.push_back(hourly_line("NAT instances", fmt::format("{} x {}", spec.network.nat_instance_type, zones), zones,
                                         "instance-hour", nat_price));
    root_gib += zones * model::k_nat_instance_root_gib;
    volumes.push_back(fmt::format("{} x {}", zones, model::k_nat_instance_root_gib));
    public_addresses += zones;
    address_owners.push_back(plural(zones, "NAT instance"));
  }

  // A line when the table sources the price, else an unpriced item with its quantity (no guess).
  const auto add = [&](const OptionalPrice& price, CostLine line, std::string what) {
    if (price) {
      estimate.lines.push_back(std::move(line));
      return;
    }
    estimate.unpriced.push_back(UnpricedItem{std::move(line.item), std::move(what), line.quantity, std::move(line.unit),
                                             "no sourced price for " + spec.region});
  };
  add(prices->gp3_gib_month,
      monthly_line("EBS gp3 root volumes", util::join(volumes, " + ") + " GiB", root_gib, "GiB-month",
                   prices->gp3_gib_month.value_or(0)),
      fmt::format("EBS gp3 {} GiB", root_gib));

  if (spec.network.nat == spec::NatMode::gateway) {
    add(prices->nat_gateway_hour,
        hourly_line("NAT gateways", "one per zone (" + plural(zones, "zone") + ")", zones, "gateway-hour",
                    prices->nat_gateway_hour.value_or(0)),
        plural(zones, "NAT gateway"));
    public_addresses += zones;
    address_owners.push_back(plural(zones, "NAT gateway Elastic IP"));
    estimate.notes.push_back("NAT gateways also charge " + optional_price_text(prices->nat_gateway_gb) +
                             " per GB they process (package installs, image pulls): not counted");
  }
  if (public_addresses > 0) {
    add(prices->public_ipv4_hour,
        hourly_line("public IPv4 addresses", util::join(address_owners, " + "), public_addresses, "address-hour",
                    prices->public_ipv4_hour.value_or(0)),
        fmt::format("{} public IPv4 address{}", public_addresses, public_addresses == 1 ? "" : "es"));
  }
  if (spec.addons.demo_app) {
    add(prices->clb_hour,
        hourly_line("load balancer (demo app)", "Classic Load Balancer", 1, "balancer-hour", prices->clb_hour.value_or(0)),
        "1 Classic Load Balancer (demo app)");
    estimate.notes.push_back("the demo app's Service of type LoadBalancer gets a Classic Load Balancer from the AWS "
                             "cloud controller; with the NLB annotation it would cost " +
                             optional_price_text(prices->nlb_hour) + "/hour instead");
  } else {
    estimate.notes.push_back("no load balancer: addons.demoApp is off (a Service of type LoadBalancer adds " +
                             optional_price_text(prices->clb_hour) + "/hour for a Classic Load Balancer)");
  }

  for (const CostLine& line : estimate.lines) {
    estimate.hourly += line.hourly;
    estimate.monthly += line.monthly;
  }
  const int extra_workers = spec.workers.max - spec.workers.desired;
  // The extra workers' root volumes are left out with the others when gp3 is unpriced.
  estimate.monthly_at_max = estimate.monthly + extra_workers * (worker_price * k_hours_per_month +
                                                                spec.workers.root_volume_gib *
                                                                    prices->gp3_gib_month.value_or(0));
  estimate.not_counted = {
      "data transfer (to the internet, between zones)",
      "NAT gateway data processing per GB",
      "EBS snapshots (a baked image keeps one)",
      "load balancer capacity units (LCU/NLCU), per-GB processing and the load balancer's own public IPv4 addresses",
      "CPU credits above the baseline of T instances (unlimited mode)",
      "volumes and load balancers that other workloads create, and any free tier",
  };
  return estimate;
}

namespace {

// "EBS gp3 24 GiB (no sourced price for eu-west-1), ...".
std::string unpriced_text(const CostEstimate& estimate) {
  std::vector<std::string> items;
  for (const UnpricedItem& item : estimate.unpriced) items.push_back(item.what + " (" + item.reason + ")");
  return util::join(items, ", ");
}

}  // namespace

std::string cost_summary_line(const CostEstimate& estimate) {
  const char* bound = estimate.complete() ? "" : "at least ";
  std::string line = fmt::format("Estimated cost: {}{}/month ({}{}/hour) at {} list prices ({})", bound,
                                 format_dollars(estimate.monthly), bound, fmt::format("${:.4f}", estimate.hourly),
                                 estimate.region, estimate.table_date);
  if (estimate.workers_max > estimate.workers_desired) {
    line += fmt::format(", up to {}{}/month with {} workers", bound, format_dollars(estimate.monthly_at_max),
                        estimate.workers_max);
  }
  if (!estimate.complete()) line += "; not priced: " + unpriced_text(estimate);
  return line + " (`hopper cost` shows the details)";
}

std::string spec_cost_line(const spec::ClusterSpec& spec) {
  auto estimate = estimate_cost(spec, shipped_price_table());
  if (!estimate) return "Estimated cost: not available (" + estimate.error().message() + ")";
  return cost_summary_line(*estimate);
}

nlohmann::json spec_cost_json(const spec::ClusterSpec& spec) {
  auto estimate = estimate_cost(spec, shipped_price_table());
  if (!estimate) return {{"error", estimate.error().message()}};
  return cost_json(*estimate);
}

void print_cost(std::ostream& out, const CostEstimate& estimate) {
  out << fmt::format("Cost estimate of cluster {} in {} (on-demand list prices, {}, USD)\n\n", estimate.cluster,
                     estimate.region, estimate.table_date);
  out << fmt::format("  {:<26} {:<42} {:>10} {:>10}\n", "item", "detail", "per hour", "per month");
  for (const CostLine& line : estimate.lines) {
    out << fmt::format("  {:<26} {:<42} {:>10} {:>10}\n", line.item, line.detail, fmt::format("${:.4f}", line.hourly),
                       format_dollars(line.monthly));
    out << fmt::format("  {:<26} {}\n", "", fmt::format("{} {} x {}", line.quantity, line.unit, price_text(line.unit_price)));
  }
  const bool complete = estimate.complete();
  out << fmt::format("  {:<26} {:<42} {:>10} {:>10}\n", complete ? "total" : "total, at least",
                     complete ? "" : "(not priced items excluded, see below)", fmt::format("${:.4f}", estimate.hourly),
                     format_dollars(estimate.monthly));
  if (estimate.workers_max > estimate.workers_desired) {
    out << fmt::format("  {:<26} {:<42} {:>10} {:>10}\n", complete ? "total with workers at max" : "at max, at least",
                       fmt::format("{} workers", estimate.workers_max), "", format_dollars(estimate.monthly_at_max));
  }
  if (!complete) {
    out << fmt::format("\nAt least {}/month; not priced (hopper's table has no source for them, so the total "
                       "excludes them; pass --prices FILE to price them):\n",
                       format_dollars(estimate.monthly));
    for (const UnpricedItem& item : estimate.unpriced) out << "  - " << item.what << ": " << item.reason << "\n";
  }
  out << "\nA month is 730 hours. Notes:\n";
  for (const std::string& note : estimate.notes) out << "  - " << note << "\n";
  out << "Not counted:\n";
  for (const std::string& item : estimate.not_counted) out << "  - " << item << "\n";
  out << "Prices: " << estimate.table_source << ".\n";
}

nlohmann::json cost_json(const CostEstimate& estimate) {
  nlohmann::json lines = nlohmann::json::array();
  for (const CostLine& line : estimate.lines) {
    lines.push_back({{"item", line.item},
                     {"detail", line.detail},
                     {"quantity", line.quantity},
                     {"unit", line.unit},
                     {"unit_price", line.unit_price},
                     {"hourly", line.hourly},
                     {"monthly", line.monthly}});
  }
  nlohmann::json unpriced = nlohmann::json::array();
  for (const UnpricedItem& item : estimate.unpriced) {
    unpriced.push_back({{"item", item.item},
                        {"what", item.what},
                        {"quantity", item.quantity},
                        {"unit", item.unit},
                        {"reason", item.reason}});
  }
  return {{"cluster", estimate.cluster},
          {"region", estimate.region},
          {"currency", "USD"},
          {"hours_per_month", k_hours_per_month},
          {"prices_date", estimate.table_date},
          {"prices_source", estimate.table_source},
          {"lines", lines},
          {"complete", estimate.complete()},
          {"unpriced", unpriced},
          {"hourly", estimate.hourly},
          {"monthly", estimate.monthly},
          {"monthly_with_workers_at_max", estimate.monthly_at_max},
          {"workers", {{"desired", estimate.workers_desired}, {"max", estimate.workers_max}}},
          {"notes", estimate.notes},
          {"not_counted", estimate.not_counted}};
}

}  // namespace hopper::report

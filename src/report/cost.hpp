// The cost estimate of a cluster spec: what its AWS resources cost per hour and per month (730
// hours) at list prices, line by line, from a PriceTable. Pure: no network call.
//
// Counted: instances (bastion, control plane, workers at the desired count, NAT instances with
// `nat: instance`), their gp3 root volumes, NAT gateway hours (one per zone), public IPv4
// addresses (the bastion's, each NAT gateway's Elastic IP or NAT instance's address), and the
// demo app's load balancer when `addons.demoApp` is on (a Classic Load Balancer: what the AWS
// cloud controller makes for a Service of type LoadBalancer without annotations).
// An item whose price the table does not source (std::nullopt: EBS gp3, NAT gateway, public IPv4,
// load balancer) is not guessed: it goes to CostEstimate::unpriced with its quantity, and the
// totals then exclude it (a lower bound, "at least $X/month"). Only instances must be priced (they
// are the bulk of the cost): a missing instance price is an error, as is a region not in the table.
// Not counted (listed in CostEstimate::not_counted): data transfer, NAT gateway data processing
// per GB, EBS snapshots, load balancer capacity units and the load balancer's own public IPv4
// addresses, CPU credits above the baseline of burstable (T) instances in unlimited mode.
//
// Thread-safety: pure functions.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/price_table.hpp"
#include "spec/cluster_spec.hpp"

namespace hopper::report {

inline constexpr double k_hours_per_month = 730;

struct CostLine {
  std::string item;      // "control plane", "EBS gp3 root volumes", ...
  std::string detail;    // "t3.medium", "38 GiB", "2 zones"
  double quantity = 0;   // instances, GiB, gateways, addresses
  std::string unit;      // "instance-hour", "GiB-month", ...
  double unit_price = 0; // $ per unit
  double hourly = 0;     // $ per hour
  double monthly = 0;    // $ per month (730 h)
};

// An item the spec needs whose price the table leaves unsourced: in no line and no total.
struct UnpricedItem {
  std::string item;      // "EBS gp3 root volumes", as CostLine::item would say
  std::string what;      // "EBS gp3 24 GiB", "1 NAT gateway": what is left out, with its quantity
  double quantity = 0;   // GiB, gateways, addresses, balancers
  std::string unit;      // "GiB-month", "gateway-hour", ...
  std::string reason;    // "no sourced price for eu-west-1"
};

struct CostEstimate {
  std::string cluster;
  std::string region;
  std::string table_date;
  std::string table_source;
  std::vector<CostLine> lines;
  // Items left out of the totals for want of a sourced price; when not empty the totals are lower
  // bounds ("at least").
  std::vector<UnpricedItem> unpriced;
  double hourly = 0;   // sum of the lines (priced items only)
  double monthly = 0;  // sum of the lines (priced items only)
  // The monthly total with the workers at their maximum (the Auto Scaling group's ceiling); also
  // without the unpriced items (the extra workers' volumes when gp3 is unpriced).
  double monthly_at_max = 0;
  int workers_desired = 0;
  int workers_max = 0;
  std::vector<std::string> notes;        // what an item assumes ("NAT data processing: $0.045/GB on top")
  std::vector<std::string> not_counted;  // what the estimate leaves out by design

  // True when every item the spec needs is priced (the totals are the estimate, not a lower bound).
  bool complete() const { return unpriced.empty(); }
};

// The estimate of `spec` with `table`. Errors (ExitCode::usage): the spec's region is not in the
// table, or an instance type has no price there (the message names both). Any other unsourced
// price is no error: the item goes to `unpriced`.
util::Result<CostEstimate> estimate_cost(const spec::ClusterSpec& spec, const PriceTable& table);

// "$1,234.56": dollars with cents and thousands separators.
std::string format_dollars(double amount);
// One line for `plan` and `up`: "Estimated cost: $118.28/month ($0.1620/hour) at us-east-1 list
// prices (2026-01-19) (hopper cost shows the details)"; with unpriced items "Estimated cost: at
// least $124.54/month ... ; not priced: EBS gp3 24 GiB (no sourced price for eu-west-1) (...)".
std::string cost_summary_line(const CostEstimate& estimate);

// The line `plan` and `up` print: cost_summary_line of `spec` at the shipped prices, or
// "Estimated cost: not available (<why>)" when the table lacks the region or an instance type.
std::string spec_cost_line(const spec::ClusterSpec& spec);
// cost_json of `spec` at the shipped prices, or {"error": "<why>"}.
nlohmann::json spec_cost_json(const spec::ClusterSpec& spec);

// The table `hopper cost` prints.
void print_cost(std::ostream& out, const CostEstimate& estimate);
nlohmann::json cost_json(const CostEstimate& estimate);

}  // namespace hopper::report

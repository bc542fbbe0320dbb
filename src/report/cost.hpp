// The cost estimate of a cluster spec: what its AWS resources cost per hour and per month (730
// hours) at list prices, line by line, from a PriceTable. Pure: no network call.
//
// Counted: instances (bastion, control plane, workers at the desired count, NAT instances with
// `nat: instance`), their gp3 root volumes, NAT gateway hours (one per zone), public IPv4
// addresses (the bastion's, each NAT gateway's Elastic IP or NAT instance's address), and the
// demo app's load balancer when `addons.demoApp` is on (a Classic Load Balancer: what the AWS
// cloud controller makes for a Service of type LoadBalancer without annotations).
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

struct CostEstimate {
  std::string cluster;
  std::string region;
  std::string table_date;
  std::string table_source;
  std::vector<CostLine> lines;
  double hourly = 0;
  double monthly = 0;
  // The monthly total with the workers at their maximum (the Auto Scaling group's ceiling).
  double monthly_at_max = 0;
  int workers_desired = 0;
  int workers_max = 0;
  std::vector<std::string> notes;        // what an item assumes ("NAT data processing: $0.045/GB on top")
  std::vector<std::string> not_counted;  // what the estimate leaves out
};

// The estimate of `spec` with `table`. Errors (ExitCode::usage): the spec's region is not in the
// table, or an instance type has no price there (the message names both).
util::Result<CostEstimate> estimate_cost(const spec::ClusterSpec& spec, const PriceTable& table);

// "$1,234.56": dollars with cents and thousands separators.
std::string format_dollars(double amount);
// One line for `plan` and `up`: "Estimated cost: $118.28/month ($0.1620/hour) at us-east-1 list
// prices of 2026-01-19 (hopper cost shows the details)".
std::string cost_summary_line(const CostEstimate& estimate);

// The line `plan` and `up` print: cost_summary_line of `spec` at the shipped prices, or
// "Estimated cost: not available (<why>)" when the table lacks the region or a type.
std::string spec_cost_line(const spec::ClusterSpec& spec);
// cost_json of `spec` at the shipped prices, or {"error": "<why>"}.
nlohmann::json spec_cost_json(const spec::ClusterSpec& spec);

// The table `hopper cost` prints.
void print_cost(std::ostream& out, const CostEstimate& estimate);
nlohmann::json cost_json(const CostEstimate& estimate);

}  // namespace hopper::report

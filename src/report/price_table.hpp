// The price table hopper ships: AWS list prices (USD, on-demand, Linux, shared tenancy) for the
// regions it lists, with the table's date and sources. `hopper cost` and the cost line of `plan`
// and `up` read it; nothing here makes a network call. docs/report.md says where every number
// comes from; a price that could not be sourced is absent, never guessed, and asking for it is an
// error that names the region and type.
//
// Thread-safety: read-only static data.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace hopper::report {

struct RegionPrices {
  std::string region;
  // $ per GiB-month of EBS gp3 storage (the baseline 3000 IOPS / 125 MB/s are included).
  double gp3_gib_month = 0;
  // $ per NAT gateway-hour, and $ per GB it processes (shown as a note, not counted).
  double nat_gateway_hour = 0;
  double nat_gateway_gb = 0;
  // $ per public IPv4 address-hour (in use or idle; since 1 February 2024).
  double public_ipv4_hour = 0;
  // $ per load balancer-hour, before capacity units (LCU / NLCU).
  double nlb_hour = 0;
  double clb_hour = 0;
  // $ per instance-hour by instance type (on-demand, Linux).
  std::map<std::string, double, std::less<>> instance_hour;
  std::string instance_source;  // where the instance prices of this region come from
};

struct PriceTable {
  std::string date;    // "2026-01-19": when the prices were taken
  std::string source;  // one line naming the sources (details in docs/report.md)
  std::vector<RegionPrices> regions;
};

// The table compiled into hopper.
const PriceTable& shipped_price_table();

// The prices of `region`. Error (ExitCode::usage): "hopper's price table (2026-01-19) has no
// prices for region ap-south-1 (it lists eu-central-1, eu-west-1, us-east-1, us-west-2)".
util::Result<const RegionPrices*> region_prices(const PriceTable& table, std::string_view region);

// The hourly price of `instance_type` in `prices`. Error (ExitCode::usage): "hopper's price table
// (2026-01-19) has no price for m7i.large in eu-west-1".
util::Result<double> instance_price(const PriceTable& table, const RegionPrices& prices, std::string_view instance_type);

}  // namespace hopper::report

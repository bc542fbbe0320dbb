// The price table hopper ships: AWS list prices (USD, on-demand, Linux, shared tenancy) for the
// regions it lists, each region with its own date and sources. `hopper cost` and the cost line of `plan`
// and `up` read it; nothing here makes a network call. docs/report.md says where every number
// comes from; a price that could not be sourced is absent, never guessed: an instance type without
// a price is an error naming the region and type, any other unsourced item is listed by the
// estimate as not priced (report/cost.hpp).
//
// Thread-safety: read-only static data.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace hopper::report {

// A price that may be unsourced: std::nullopt means no source for it could be found when the table
// was made. An estimate that needs it lists the item as not priced and excludes it from its totals
// (hopper does not guess).
using OptionalPrice = std::optional<double>;

struct RegionPrices {
  std::string region;
  std::string date;  // when this region's prices were taken ("2026-01-19"); empty: the table's date
  // $ per GiB-month of EBS gp3 storage (the baseline 3000 IOPS / 125 MB/s are included).
  OptionalPrice gp3_gib_month;
  // $ per NAT gateway-hour, and $ per GB it processes (shown as a note, not counted).
  OptionalPrice nat_gateway_hour;
  OptionalPrice nat_gateway_gb;
  // $ per public IPv4 address-hour (in use or idle; since 1 February 2024).
  OptionalPrice public_ipv4_hour;
  // $ per load balancer-hour, before capacity units (LCU / NLCU).
  OptionalPrice nlb_hour;
  OptionalPrice clb_hour;
  // $ per instance-hour by instance type (on-demand, Linux).
  std::map<std::string, double, std::less<>> instance_hour;
  std::string instance_source;  // where the instance prices of this region come from
};

struct PriceTable {
  std::string date;    // "2026-01-19": when the table was assembled (each region has its own date)
  std::string source;  // one line naming the sources (details in docs/report.md)
  std::vector<RegionPrices> regions;
};

// The table compiled into hopper.
const PriceTable& shipped_price_table();

// The prices of `region`. Error (ExitCode::usage): "hopper's price table (2026-01-19) has no
// prices for region ap-south-1 (it lists us-east-1, eu-west-1, us-west-2, eu-central-1)".
util::Result<const RegionPrices*> region_prices(const PriceTable& table, std::string_view region);

// The date of `prices`: its own, else the table's.
const std::string& prices_date(const PriceTable& table, const RegionPrices& prices);

// The hourly price of `instance_type` in `prices`. Error (ExitCode::usage): "hopper's price table
// (2026-01-19) has no price for m7i.large in eu-west-1".
util::Result<double> instance_price(const PriceTable& table, const RegionPrices& prices, std::string_view instance_type);

}  // namespace hopper::report

// A price table from a file, for regions or prices hopper does not ship (`hopper cost --prices
// FILE`). JSON, one object per region, in the units of RegionPrices:
//
//   {"date": "2026-05-01", "source": "AWS pricing pages, read by hand",
//    "regions": [{"region": "eu-west-1", "gp3_gib_month": 0.088, "nat_gateway_hour": 0.048,
//                 "nat_gateway_gb": 0.048, "public_ipv4_hour": 0.005, "nlb_hour": 0.0252,
//                 "clb_hour": 0.028, "instances": {"t3.medium": 0.0456}}]}
//
// Thread-safety: pure functions.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "report/price_table.hpp"

namespace hopper::report {

// Every problem at once, each naming its place ("regions[0].nat_gateway_hour: missing"), with
// ExitCode::usage. Prices must be non-negative numbers.
util::Result<PriceTable> parse_price_table(std::string_view json_text);

// The table in the same JSON shape (what `hopper cost --show-prices` prints).
nlohmann::json price_table_json(const PriceTable& table);

}  // namespace hopper::report

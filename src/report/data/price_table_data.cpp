// The price table compiled into hopper (see report/price_table.hpp and docs/report.md, "Where the
// prices come from"): one data file per region (prices_<region>.cpp, each naming its sources),
// assembled here. A price that could not be sourced is absent (std::nullopt, or a missing
// instance type), never guessed: a spec needing a missing instance price gets an error naming the
// region and type; any other unsourced item is listed by the estimate as not priced.
#include "report/data/regions.hpp"

namespace hopper::report {

const PriceTable& shipped_price_table() {
  static const PriceTable table = [] {
    PriceTable t;
    t.date = "2026-01-19";
    t.source = "AWS Price List API snapshots (Karpenter's generated us-east-1 table; SkyPilot's AWS catalog for "
               "eu-west-1, us-west-2, eu-central-1; AWS's AmazonEC2 offer file of 2026-09-25 for the eu-west-1 "
               "NAT gateway; Price List API answers of 2026-05-01 for eu-west-1 gp3 and Classic Load Balancer) "
               "and AWS pricing pages; see docs/report.md";
    t.regions = {data::us_east_1(), data::eu_west_1(), data::us_west_2(), data::eu_central_1()};
    return t;
  }();
  return table;
}

}  // namespace hopper::report

#include "report/price_table.hpp"

#include "util/strings.hpp"

namespace hopper::report {

util::Result<const RegionPrices*> region_prices(const PriceTable& table, std::string_view region) {
  std::vector<std::string> listed;
  for (const RegionPrices& prices : table.regions) {
    if (prices.region == region) return &prices;
    listed.push_back(prices.region);
  }
  return util::Error::usage("hopper's price table (" + table.date + ") has no prices for region " + std::string(region) +
                            " (it lists " + util::join(listed, ", ") +
                            "; pass --prices FILE with a table for that region, see docs/report.md)");
}

const std::string& prices_date(const PriceTable& table, const RegionPrices& prices) {
  return prices.date.empty() ? table.date : prices.date;
}

util::Result<double> instance_price(const PriceTable& table, const RegionPrices& prices, std::string_view instance_type) {
  const auto it = prices.instance_hour.find(instance_type);
  if (it == prices.instance_hour.end()) {
    return util::Error::usage("hopper's price table (" + prices_date(table, prices) + ") has no price for " + std::string(instance_type) +
                              " in " + prices.region);
  }
  return it->second;
}

}  // namespace hopper::report

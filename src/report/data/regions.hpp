// The regions of the price table compiled into hopper, one function per region (one data file
// each: prices_<region>.cpp, which names its sources); price_table_data.cpp assembles them.
#pragma once

#include "report/price_table.hpp"

namespace hopper::report::data {

RegionPrices us_east_1();
RegionPrices eu_west_1();
RegionPrices us_west_2();
RegionPrices eu_central_1();

}  // namespace hopper::report::data

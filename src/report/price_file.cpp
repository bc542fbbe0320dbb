#include "report/price_file.hpp"

#include "util/strings.hpp"

namespace hopper::report {
namespace {

struct Reader {
  std::vector<std::string> problems;

  double price(const nlohmann::json& object, const char* key, const std::string& where) {
    const auto it = object.find(key);
    if (it == object.end()) {
      problems.push_back(where + "." + key + ": missing");
      return 0;
    }
    if (!it->is_number() || it->get<double>() < 0) {
      problems.push_back(where + "." + key + ": expected a non-negative number, got " + it->dump());
      return 0;
    }
    return it->get<double>();
  }
  // A price that may be null (unsourced), but not absent.
  OptionalPrice optional_price(const nlohmann::json& object, const char* key, const std::string& where) {
    const auto it = object.find(key);
    if (it != object.end() && it->is_null()) return std::nullopt;
    return price(object, key, where);
  }
  std::string text(const nlohmann::json& object, const char* key, const std::string& where, bool required) {
    const auto it = object.find(key);
    if (it == object.end()) {
      if (required) problems.push_back(where + "." + key + ": missing");
      return "";
    }
    if (!it->is_string()) {
      problems.push_back(where + "." + key + ": expected a string");
      return "";
    }
    return it->get<std::string>();
  }
};

}  // namespace

util::Result<PriceTable> parse_price_table(std::string_view json_text) {
  const nlohmann::json document = nlohmann::json::parse(json_text, nullptr, false);
  if (document.is_discarded() || !document.is_object()) return util::Error::usage("price table: not a JSON object");
  Reader reader;
  PriceTable table;
  table.date = reader.text(document, "date", "price table", true);
  table.source = reader.text(document, "source", "price table", false);
  const auto regions = document.find("regions");
  if (regions == document.end() || !regions->is_array() || regions->empty()) {
    reader.problems.push_back("price table.regions: expected a non-empty list");
  } else {
    for (std::size_t i = 0; i < regions->size(); ++i) {
      const nlohmann::json& entry = (*regions)[i];
      const std::string where = "regions[" + std::to_string(i) + "]";
      if (!entry.is_object()) {
        reader.problems.push_back(where + ": expected an object");
        continue;
      }
      RegionPrices prices;
      prices.region = reader.text(entry, "region", where, true);
      prices.gp3_gib_month = reader.optional_price(entry, "gp3_gib_month", where);
      prices.nat_gateway_hour = reader.optional_price(entry, "nat_gateway_hour", where);
      prices.nat_gateway_gb = reader.optional_price(entry, "nat_gateway_gb", where);
      prices.public_ipv4_hour = reader.optional_price(entry, "public_ipv4_hour", where);
      prices.nlb_hour = reader.optional_price(entry, "nlb_hour", where);
      prices.clb_hour = reader.optional_price(entry, "clb_hour", where);
      prices.date = reader.text(entry, "date", where, false);
      prices.instance_source = reader.text(entry, "instance_source", where, false);
      const auto instances = entry.find("instances");
      if (instances == entry.end() || !instances->is_object()) {
        reader.problems.push_back(where + ".instances: expected an object of instance type -> $ per hour");
      } else {
        for (const auto& [type, value] : instances->items()) {
          prices.instance_hour[type] = reader.price(*instances, type.c_str(), where + ".instances");
        }
      }
      table.regions.push_back(std::move(prices));
    }
  }
  if (!reader.problems.empty()) return util::Error::usage("price table: " + util::join(reader.problems, "; "));
  return table;
}

nlohmann::json price_table_json(const PriceTable& table) {
  const auto value = [](const OptionalPrice& price) { return price ? nlohmann::json(*price) : nlohmann::json(nullptr); };
  nlohmann::json regions = nlohmann::json::array();
  for (const RegionPrices& prices : table.regions) {
    nlohmann::json instances = nlohmann::json::object();
    for (const auto& [type, price] : prices.instance_hour) instances[type] = price;
    regions.push_back({{"region", prices.region},
                       {"date", prices.date},
                       {"gp3_gib_month", value(prices.gp3_gib_month)},
                       {"nat_gateway_hour", value(prices.nat_gateway_hour)},
                       {"nat_gateway_gb", value(prices.nat_gateway_gb)},
                       {"public_ipv4_hour", value(prices.public_ipv4_hour)},
                       {"nlb_hour", value(prices.nlb_hour)},
                       {"clb_hour", value(prices.clb_hour)},
                       {"instance_source", prices.instance_source},
                       {"instances", instances}});
  }
  return {{"date", table.date}, {"source", table.source}, {"regions", regions}};
}

}  // namespace hopper::report

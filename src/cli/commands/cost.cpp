// hopper cost: the hourly and monthly estimate of the spec at list prices (report/cost.hpp).
// No network call and no AWS credentials needed.
#include <ostream>

#include "cli/command.hpp"
#include "report/cost.hpp"
#include "report/price_file.hpp"
#include "spec/load.hpp"
#include "util/fs.hpp"

namespace hopper::cli {
namespace {

struct CostFlags {
  std::string prices_file;
  bool show_prices = false;
};

util::Result<report::PriceTable> price_table(const CostFlags& flags) {
  if (flags.prices_file.empty()) return report::shipped_price_table();
  HOPPER_ASSIGN(const std::string text, util::read_file(util::expand_user(flags.prices_file)));
  return report::parse_price_table(text).context(flags.prices_file);
}

util::Result<util::ExitCode> run_cost(Context& context, const CostFlags& flags) {
  HOPPER_ASSIGN(const report::PriceTable table, price_table(flags));
  if (flags.show_prices) {
    *context.out << report::price_table_json(table).dump(2) << "\n";
    return util::ExitCode::ok;
  }
  HOPPER_ASSIGN(const spec::ClusterSpec spec, spec::load_valid_spec(context.options.spec_path, *context.err));
  HOPPER_ASSIGN(const report::CostEstimate estimate, report::estimate_cost(spec, table));
  if (context.format() == OutputFormat::json) {
    *context.out << report::cost_json(estimate).dump(2) << "\n";
  } else {
    report::print_cost(*context.out, estimate);
  }
  return util::ExitCode::ok;
}

}  // namespace

void register_cost(Registry& registry) {
  auto flags = std::make_shared<CostFlags>();
  CLI::App* sub = registry.add("cost", "Estimate what the spec's cluster costs per hour and per month (list prices)",
                               [flags](Context& context) { return run_cost(context, *flags); });
  sub->add_option("--prices", flags->prices_file, "A price table (JSON, see docs/report.md) instead of the one hopper ships");
  sub->add_flag("--show-prices", flags->show_prices, "Print the price table in use (JSON) and exit");
}

}  // namespace hopper::cli

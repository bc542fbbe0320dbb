// hopper validate: loads the -f spec and reports every problem (spec/load.hpp). No network.
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "spec/load.hpp"

namespace hopper::cli {
namespace {

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// The JSON report: {"file", "valid", "problems": [{file, line, column, path, message, severity}]}.
nlohmann::json to_json(const std::string& file, const spec::LoadResult& result) {
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& p : result.problems) {
    problems.push_back({{"file", p.file},
                        {"line", p.line},
                        {"column", p.column},
                        {"path", p.path},
                        {"message", p.message},
                        {"severity", spec::to_string(p.severity)}});
  }
  return {{"file", file}, {"valid", result.spec.has_value()}, {"problems", problems}};
}

util::Result<util::ExitCode> run_validate(Context& context) {
  const std::string file = context.options.spec_path;
  const spec::LoadResult result = spec::load_spec_file(file);
  const std::size_t errors = spec::count_errors(result.problems);
  if (context.format() == OutputFormat::json) {
    *context.out << to_json(file, result).dump(2) << "\n";
  } else {
    for (const auto& problem : result.problems) *context.err << problem.format() << "\n";
  }
  if (!result.spec) {
    const bool table = context.format() == OutputFormat::table;
    return util::Error::usage(file + ": " + plural(errors, "error") + (table ? " (see above)" : ""));
  }
  if (context.format() == OutputFormat::table) {
    const spec::ClusterSpec& s = *result.spec;
    const std::size_t warnings = spec::count_warnings(result.problems);
    *context.out << file << ": valid (cluster " << s.name << " in " << s.region << ", "
                 << plural(s.network.zones.size(), "zone") << ", Kubernetes " << s.kubernetes.version
                 << (warnings > 0 ? ", " + plural(warnings, "warning") : std::string()) << ")\n";
  }
  return util::ExitCode::ok;
}

}  // namespace

void register_validate(Registry& registry) {
  registry.add("validate", "Check the cluster spec (-f, default ./cluster.yaml) and print every problem",
               [](Context& context) { return run_validate(context); });
}

}  // namespace hopper::cli

#include "engine/destroy.hpp"

#include "engine/dag.hpp"

namespace hopper::engine {

util::Result<std::vector<Doomed>> discover_owned(model::Cloud& cloud, bool include_runtime, int parallelism,
                                                 const std::vector<const model::Kind*>& only) {
  std::vector<const model::Kind*> kinds;
  for (const model::Kind* kind : only.empty() ? model::all_kinds() : only) {
    if (include_runtime || !kind->runtime_only()) kinds.push_back(kind);
  }
  std::vector<std::vector<std::pair<model::ResourceKey, model::Observed>>> found(kinds.size());
  const DagResult result = run_dag(std::vector<std::vector<std::size_t>>(kinds.size()), parallelism,
                                   [&](std::size_t i) -> util::Status {
                                     const model::Kind& kind = *kinds[i];
                                     HOPPER_ASSIGN(found[i], cloud.cached<model::Discovered>(
                                                                 "discover:" + std::string(kind.name()),
                                                                 [&] { return kind.discover(cloud); }));
                                     return {};
                                   });
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    if (result.errors[i]) return util::Error(*result.errors[i]).context("discovering " + std::string(kinds[i]->name()));
  }
  std::vector<Doomed> out;
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    for (auto& [key, observed] : found[i]) {
      if (observed.shared) continue;
      const std::string name = observed.tags.count("Name") ? observed.tags.at("Name") : observed.id;
      out.push_back({key, kinds[i], std::move(observed), name});
    }
  }
  return out;
}

}  // namespace hopper::engine

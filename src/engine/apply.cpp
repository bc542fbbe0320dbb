#include "engine/apply.hpp"

#include <set>

#include "aws/core/error.hpp"
#include "engine/dag.hpp"
#include "model/wait.hpp"
#include "net/http.hpp"
#include "util/strings.hpp"

namespace hopper::engine {
namespace {

using Clock = std::chrono::steady_clock;

class Reporter {
 public:
  Reporter(ProgressSink* sink, model::ResourceKey key, std::string display_name, std::string verb)
      : m_sink(sink), m_key(std::move(key)), m_name(std::move(display_name)), m_verb(std::move(verb)),
        m_start(Clock::now()) {
    emit(Phase::started, "");
  }
  void emit(Phase phase, const std::string& detail) const {
    if (m_sink == nullptr) return;
    m_sink->event({m_key, m_name, m_verb, phase,
                   detail, std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - m_start)});
  }

 private:
  ProgressSink* m_sink;
  model::ResourceKey m_key;
  std::string m_name;
  std::string m_verb;
  Clock::time_point m_start;
};

bool is_ambiguous(const util::Error& error) {
  const auto kind = net::transport_error_kind(error);
  return kind && (*kind == net::TransportError::Kind::timeout || *kind == net::TransportError::Kind::dropped);
}

bool should_retry_delete(const util::Error& error) {
  return aws::is_dependency_violation(error) || aws::error_code(error) == aws::codes::incorrect_state;
}

util::Result<model::Observed> create_once(const model::Resource& resource, model::Cloud& cloud, model::State& state) {
  auto created = resource.create(cloud, state);
  for (int attempt = 0; attempt < 3 && !created.ok() && is_ambiguous(created.error()); ++attempt) {
    // AWS may have acted before the answer was lost: look again before creating again.
    cloud.invalidate("discover:" + std::string(resource.kind().name()));
    HOPPER_ASSIGN(auto found, resource.find(cloud, state));
    if (found) return std::move(*found);
    created = resource.create(cloud, state);
  }
  return created;
}

util::Status delete_with_retries(const model::Kind& kind, const model::Resource* resource, model::Cloud& cloud,
                                 const model::Observed& observed, const ApplyOptions& options, const Reporter& reporter) {
  bool reported = false;
  return model::retry_status_while(cloud.clock(), options.dependency_timeout,
                                   [&](const util::Error& error) {
                                     const bool retry = should_retry_delete(error) || is_ambiguous(error);
                                     if (retry && !reported) {
                                       reporter.emit(Phase::retrying, error.message());
                                       reported = true;
                                     }
                                     return retry;
                                   },
                                   [&]() -> util::Status {
                                     auto status = resource ? resource->destroy(cloud, observed) : kind.destroy(cloud, observed);
                                     if (!status.ok() && aws::is_not_found(status.error())) return {};
                                     return status;
                                   });
}

util::Status summarize(const DagResult& result, const std::vector<std::string>& names, const std::string& what) {
  std::vector<std::string> failures;
  std::size_t skipped = 0;
  for (std::size_t i = 0; i < result.outcomes.size(); ++i) {
    if (result.outcomes[i] == NodeOutcome::failed) failures.push_back(names[i] + ": " + result.errors[i]->message());
    if (result.outcomes[i] == NodeOutcome::skipped) ++skipped;
  }
  if (failures.empty()) return {};
  std::string message = what + " failed for " + std::to_string(failures.size()) + " resource" +
                        (failures.size() == 1 ? "" : "s");
  if (skipped > 0) message += " (" + std::to_string(skipped) + " more skipped)";
  message += ": " + util::join(failures, "; ");
  // Keep the exit code of the first failure (credentials problems stay exit 3).
  for (std::size_t i = 0; i < result.outcomes.size(); ++i) {
    if (result.errors[i]) return util::Error(message, result.errors[i]->exit_code());
  }
  return util::Error::failed(message);
}

}  // namespace

util::Status delete_objects(const std::vector<Doomed>& doomed, const Graph* graph, model::Cloud& cloud,
                            model::State& state, const ApplyOptions& options) {
  const std::size_t n = doomed.size();
  std::vector<std::vector<std::size_t>> deps(n);
  for (std::size_t a = 0; a < n; ++a) {
    const auto after = doomed[a].kind->delete_after();
    for (std::size_t b = 0; b < n; ++b) {
      if (a == b) continue;
      const bool kind_order = std::find(after.begin(), after.end(), doomed[b].kind->name()) != after.end();
      bool graph_order = false;
      if (graph != nullptr) {
        // b depends on a in the graph: b must go first.
        if (const auto* rb = graph->find(doomed[b].key)) {
          for (const auto& dep : rb->dependencies()) graph_order = graph_order || dep == doomed[a].key;
        }
      }
      if (kind_order || graph_order) deps[a].push_back(b);
    }
  }
  if (!topological_order(deps).cycle.empty()) {
    // Kind order and graph order disagree: fall back to kind order alone, which is acyclic.
    for (std::size_t a = 0; a < n; ++a) {
      deps[a].clear();
      const auto after = doomed[a].kind->delete_after();
      for (std::size_t b = 0; b < n; ++b) {
        if (a != b && std::find(after.begin(), after.end(), doomed[b].kind->name()) != after.end()) deps[a].push_back(b);
      }
    }
  }
  std::vector<std::string> names;
  for (const auto& d : doomed) names.push_back(d.key.str());
  const DagResult result = run_dag(deps, options.parallelism, [&](std::size_t i) -> util::Status {
    const Doomed& d = doomed[i];
    const Reporter reporter(options.progress, d.key, d.display_name, "deleting");
    const model::Resource* resource = graph != nullptr ? graph->find(d.key) : nullptr;
    auto status = delete_with_retries(*d.kind, resource, cloud, d.observed, options, reporter);
    if (!status.ok()) {
      reporter.emit(Phase::failed, status.error().message());
      return status;
    }
    state.erase(d.key);
    reporter.emit(Phase::done, d.observed.id);
    return {};
  });
  return summarize(result, names, "deleting");
}

util::Status apply_plan(const Plan& plan, const Graph& graph, model::Cloud& cloud, model::State& state,
                        const ApplyOptions& options) {
  // Phase 1: what goes away (removals and the old half of each replacement).
  std::vector<Doomed> doomed;
  for (const auto& action : plan.actions) {
    if (action.refused) return util::Error::failed("refusing to replace " + action.key.str() + ": pass --allow-replace");
    if ((action.type == ActionType::remove || action.type == ActionType::replace) && action.observed) {
      doomed.push_back({action.key, action.kind, *action.observed, action.display_name});
    }
  }
  if (!doomed.empty()) HOPPER_TRY(delete_objects(doomed, &graph, cloud, state, options));

  // Phase 2: creations and updates, in dependency order.
  std::vector<const Action*> work;
  std::map<model::ResourceKey, std::size_t> index;
  for (const auto& action : plan.actions) {
    if (action.type == ActionType::create || action.type == ActionType::update || action.type == ActionType::replace) {
      index[action.key] = work.size();
      work.push_back(&action);
    }
  }
  std::vector<std::vector<std::size_t>> deps(work.size());
  std::vector<std::string> names;
  for (std::size_t i = 0; i < work.size(); ++i) {
    names.push_back(work[i]->key.str());
    for (const auto& dep : work[i]->resource->dependencies()) {
      if (const auto it = index.find(dep); it != index.end()) deps[i].push_back(it->second);
    }
  }
  const DagResult result = run_dag(deps, options.parallelism, [&](std::size_t i) -> util::Status {
    const Action& action = *work[i];
    const model::Resource& resource = *action.resource;
    const bool update = action.type == ActionType::update;
    const Reporter reporter(options.progress, action.key, action.display_name,
                            update ? "updating" : (action.type == ActionType::replace ? "replacing" : "creating"));
    util::Result<model::Observed> outcome =
        update ? resource.update(cloud, state, *action.observed, action.changes) : create_once(resource, cloud, state);
    if (!outcome) {
      reporter.emit(Phase::failed, outcome.error().message());
      return std::move(outcome).error();
    }
    reporter.emit(Phase::done, outcome->id);
    state.set(action.key, std::move(outcome).value());
    return {};
  });
  return summarize(result, names, "applying");
}

}  // namespace hopper::engine

#include "engine/graph.hpp"

#include "engine/dag.hpp"
#include "util/strings.hpp"

namespace hopper::engine {

void Graph::add(std::unique_ptr<model::Resource> resource) {
  const auto key = resource->key();
  if (m_index.count(key)) {
    m_duplicates.push_back(key);
    return;
  }
  m_index[key] = m_resources.size();
  m_resources.push_back(std::move(resource));
}

const model::Resource* Graph::find(const model::ResourceKey& key) const {
  const auto it = m_index.find(key);
  return it == m_index.end() ? nullptr : m_resources[it->second].get();
}

std::optional<std::size_t> Graph::index_of(const model::ResourceKey& key) const {
  const auto it = m_index.find(key);
  if (it == m_index.end()) return std::nullopt;
  return it->second;
}

std::vector<std::vector<std::size_t>> Graph::dependency_indexes() const {
  std::vector<std::vector<std::size_t>> deps(m_resources.size());
  for (std::size_t i = 0; i < m_resources.size(); ++i) {
    for (const auto& key : m_resources[i]->dependencies()) {
      if (const auto j = index_of(key)) deps[i].push_back(*j);
    }
  }
  return deps;
}

util::Status Graph::validate() const {
  std::vector<std::string> problems;
  for (const auto& key : m_duplicates) problems.push_back("duplicate resource " + key.str());
  for (const auto& resource : m_resources) {
    for (const auto& dep : resource->dependencies()) {
      if (!m_index.count(dep)) problems.push_back(resource->key().str() + " depends on " + dep.str() + ", which is not in the graph");
    }
  }
  if (problems.empty()) {
    const TopoResult topo = topological_order(dependency_indexes());
    if (!topo.cycle.empty()) {
      std::vector<std::string> names;
      for (std::size_t i : topo.cycle) names.push_back(m_resources[i]->key().str());
      names.push_back(names.front());
      problems.push_back("dependency cycle: " + util::join(names, " -> "));
    }
  }
  if (problems.empty()) return {};
  return util::Error::failed("invalid resource graph: " + util::join(problems, "; "));
}

std::vector<std::size_t> Graph::order() const { return topological_order(dependency_indexes()).order; }

}  // namespace hopper::engine

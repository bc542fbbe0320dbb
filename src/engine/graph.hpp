// Graph: the desired resources of a cluster and their dependency edges, checked at plan time
// (no duplicate keys, no edge to a missing resource, no cycle — each named in the error).
//
// Thread-safety: build on one thread, then read from any.
#pragma once

#include <map>
#include <memory>
#include <vector>

#include "model/resource.hpp"

namespace hopper::engine {

class Graph {
 public:
  // Adds `resource`. REQUIRES: validate() is called before use.
  void add(std::unique_ptr<model::Resource> resource);
  // Every problem: duplicate keys, dependencies on keys not in the graph, a cycle (with the keys
  // on it, in order).
  util::Status validate() const;

  std::size_t size() const { return m_resources.size(); }
  const model::Resource& at(std::size_t index) const { return *m_resources[index]; }
  const model::Resource* find(const model::ResourceKey& key) const;
  std::optional<std::size_t> index_of(const model::ResourceKey& key) const;
  // dependencies()[i] = indexes of the resources resource i depends on.
  std::vector<std::vector<std::size_t>> dependency_indexes() const;
  // Indexes in dependency order. REQUIRES: validate() succeeded.
  std::vector<std::size_t> order() const;

 private:
  std::vector<std::unique_ptr<model::Resource>> m_resources;
  std::map<model::ResourceKey, std::size_t> m_index;
  std::vector<model::ResourceKey> m_duplicates;
};

}  // namespace hopper::engine

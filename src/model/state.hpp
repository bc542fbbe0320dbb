// State: what the engine knows about each resource during a run (key -> Observed), filled by
// discovery and updated as resources are created, so that dependents can read the ids and
// attributes they need.
//
// Thread-safety: every method may be called from several threads at once.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "model/resource.hpp"

namespace hopper::model {

class State {
 public:
  void set(const ResourceKey& key, Observed observed);
  void erase(const ResourceKey& key);
  std::optional<Observed> get(const ResourceKey& key) const;
  bool has(const ResourceKey& key) const;
  // The id of `key`, or k_known_after_apply when it does not exist (yet).
  std::string id_of(const ResourceKey& key) const;
  // An attribute of `key`, or k_known_after_apply.
  std::string attribute_of(const ResourceKey& key, const std::string& name) const;
  std::map<ResourceKey, Observed> snapshot() const;

 private:
  mutable std::mutex m_mutex;
  std::map<ResourceKey, Observed> m_entries;
};

}  // namespace hopper::model

#include "model/state.hpp"

namespace hopper::model {

void State::set(const ResourceKey& key, Observed observed) {
  std::lock_guard lock(m_mutex);
  m_entries[key] = std::move(observed);
}

void State::erase(const ResourceKey& key) {
  std::lock_guard lock(m_mutex);
  m_entries.erase(key);
}

std::optional<Observed> State::get(const ResourceKey& key) const {
  std::lock_guard lock(m_mutex);
  const auto it = m_entries.find(key);
  if (it == m_entries.end()) return std::nullopt;
  return it->second;
}

bool State::has(const ResourceKey& key) const {
  std::lock_guard lock(m_mutex);
  return m_entries.count(key) > 0;
}

std::string State::id_of(const ResourceKey& key) const {
  std::lock_guard lock(m_mutex);
  const auto it = m_entries.find(key);
  return it == m_entries.end() ? std::string(k_known_after_apply) : it->second.id;
}

std::string State::attribute_of(const ResourceKey& key, const std::string& name) const {
  std::lock_guard lock(m_mutex);
  const auto it = m_entries.find(key);
  if (it == m_entries.end()) return std::string(k_known_after_apply);
  const auto a = it->second.attributes.find(name);
  return a == it->second.attributes.end() ? std::string(k_known_after_apply) : a->second;
}

std::map<ResourceKey, Observed> State::snapshot() const {
  std::lock_guard lock(m_mutex);
  return m_entries;
}

}  // namespace hopper::model

#include "sim/params.hpp"

#include <charconv>
#include <set>

namespace hopper::sim {

Params::Params(const std::vector<std::pair<std::string, std::string>>& entries) {
  for (const auto& [name, value] : entries) m_values.emplace(name, value);
}

std::optional<std::string> Params::get(const std::string& name) const {
  const auto it = m_values.find(name);
  if (it == m_values.end()) return std::nullopt;
  return it->second;
}

std::vector<int> Params::indexes(const std::string& prefix) const {
  std::set<int> found;
  const std::string start = prefix + ".";
  for (auto it = m_values.lower_bound(start); it != m_values.end(); ++it) {
    const std::string& key = it->first;
    if (key.compare(0, start.size(), start) != 0) break;
    const std::size_t end = key.find('.', start.size());
    const std::string digits = key.substr(start.size(), end == std::string::npos ? std::string::npos : end - start.size());
    int n = 0;
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec == std::errc() && ptr == digits.data() + digits.size() && n > 0) found.insert(n);
  }
  return {found.begin(), found.end()};
}

std::vector<std::string> Params::list(const std::string& prefix) const {
  std::vector<std::string> out;
  for (int n : indexes(prefix)) {
    if (auto value = get(prefix + "." + std::to_string(n))) out.push_back(*value);
  }
  return out;
}

std::vector<std::string> Params::members(const std::string& prefix) const { return list(prefix + ".member"); }

Params Params::sub(const std::string& prefix) const {
  Params out;
  const std::string start = prefix + ".";
  for (auto it = m_values.lower_bound(start); it != m_values.end(); ++it) {
    if (it->first.compare(0, start.size(), start) != 0) break;
    out.m_values.emplace(it->first.substr(start.size()), it->second);
  }
  return out;
}

}  // namespace hopper::sim

#include "spec/source_map.hpp"

namespace hopper::spec {

void SourceMap::set(const std::string& path, Location location) { m_locations.emplace(path, location); }

bool SourceMap::written(const std::string& path) const { return m_locations.count(path) > 0; }

Location SourceMap::locate(const std::string& path) const {
  for (std::string p = path; !p.empty(); p = parent(p)) {
    if (const auto it = m_locations.find(p); it != m_locations.end()) return it->second;
  }
  return {};
}

void SourceMap::mark_invalid(const std::string& path) { m_invalid.insert(path); }

bool SourceMap::invalid(const std::string& path) const {
  for (std::string p = path; !p.empty(); p = parent(p)) {
    if (m_invalid.count(p) > 0) return true;
  }
  return false;
}

std::string SourceMap::parent(const std::string& path) {
  // A tag key may contain dots ("tags.example.com/team"), so the first component decides.
  if (path.rfind("tags.", 0) == 0) return "tags";
  const std::size_t cut = path.find_last_of(".[");
  return cut == std::string::npos ? std::string() : path.substr(0, cut);
}

}  // namespace hopper::spec

// SourceMap: where each field of a spec was written in its YAML file, and which fields could not
// be read. Loading fills it; validation uses it to put file:line:col on a problem and to skip
// rules about fields that are already reported as unreadable (one mistake, one message).
//
// Paths are the user-facing field paths: "network.zones[0].publicSubnet", "tags.team".
//
// Thread-safety: plain value; const methods may be called concurrently.
#pragma once

#include <map>
#include <set>
#include <string>

namespace hopper::spec {

struct Location {
  int line = 0;    // 1-based; 0 = unknown
  int column = 0;  // 1-based; 0 = unknown
  bool operator==(const Location&) const = default;
};

class SourceMap {
 public:
  // Records that `path` was written at `location` (the first record wins).
  void set(const std::string& path, Location location);
  // True when `path` itself was written in the file.
  bool written(const std::string& path) const;
  // Where `path` was written; for a field that was not written (a default), where its nearest
  // written parent was ("network.zones[0]" for a carved "network.zones[0].privateSubnet");
  // {0, 0} when no parent was written either.
  Location locate(const std::string& path) const;

  // Records that `path` was written but could not be read (wrong type, bad syntax).
  void mark_invalid(const std::string& path);
  // True when `path` or one of its parents could not be read.
  bool invalid(const std::string& path) const;

  // "network.zones[0].name" -> "network.zones[0]" -> "network.zones" -> "network" -> "".
  static std::string parent(const std::string& path);

 private:
  std::map<std::string, Location> m_locations;
  std::set<std::string> m_invalid;
};

}  // namespace hopper::spec

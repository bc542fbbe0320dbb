// Internal to spec/: typed, located reading of yaml-cpp nodes. Every read either succeeds, or
// records one Problem at the node's line:column with its field path and marks the path invalid in
// the SourceMap, so that decoding goes on and reports every mistake in one pass.
//
// Conventions shared by every reader: an absent field or an explicit null (`name:` or `name: ~`)
// leaves the target unchanged (the default stays), and the reader returns false.
//
// Thread-safety: a Reader is used by one thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "spec/problem.hpp"
#include "spec/source_map.hpp"
#include "util/cidr.hpp"

namespace hopper::spec::detail {

// A mapping after checking: its entries by key, first occurrence only.
struct Fields {
  struct Entry {
    std::string key;
    YAML::Node key_node;
    YAML::Node value;
  };
  std::string path;  // of the mapping itself; "" for the document
  std::vector<Entry> entries;

  // The entry for `key`, or nullptr when absent.
  const Entry* find(std::string_view key) const;
  // The path of field `key`: "network" + "zones" -> "network.zones".
  std::string child(std::string_view key) const;
};

// "path.key", or "key" at the top.
std::string join_path(const std::string& path, std::string_view key);
// "network.zones[2]".
std::string item_path(const std::string& path, std::size_t index);

class Reader {
 public:
  // `file` is the name shown in problems; `all_paths` lists every field path of the schema
  // (for "did you mean network.zones?" when a field sits at the wrong level).
  Reader(std::string file, std::vector<std::string> all_paths, SourceMap& sources,
         std::vector<Problem>& problems);

  void error(Location location, const std::string& path, std::string message);
  void warning(Location location, const std::string& path, std::string message);
  // 1-based position of `node`; {0, 0} when yaml-cpp has none.
  static Location location_of(const YAML::Node& node);
  // Where a field's problem points: its value, or its key when the value is null (yaml-cpp
  // places an empty value at the start of the next line).
  static Location location_of(const Fields::Entry& entry);
  // "'two'", "a mapping", "a list", "nothing".
  static std::string describe(const YAML::Node& node);

  // Checks that `node` is a mapping whose keys are strings from `known`, reports every unknown
  // or duplicate key, and records the location of each known field. nullopt (after reporting
  // "expected a mapping") when `node` is not a mapping; an empty Fields for null.
  std::optional<Fields> fields(const YAML::Node& node, const std::string& path,
                               const std::vector<std::string_view>& known);
  // Like fields() for a free-form map (tags): any string key is accepted.
  std::optional<Fields> entries(const YAML::Node& node, const std::string& path);

  // Scalar readers for field `key` of `fields`; see the file comment for absent and null.
  bool read_string(const Fields& fields, std::string_view key, std::string& out);
  bool read_int(const Fields& fields, std::string_view key, int& out);
  bool read_bool(const Fields& fields, std::string_view key, bool& out);
  bool read_cidr(const Fields& fields, std::string_view key, util::Cidr& out);
  bool read_ipv4(const Fields& fields, std::string_view key, util::Ipv4& out);
  // A list of CIDRs; each item is checked and reported at its own path ("...[1]").
  bool read_cidr_list(const Fields& fields, std::string_view key, std::vector<util::Cidr>& out);

  // The scalar text of `node` at `path`, or nullopt after reporting "expected <what>, got ...".
  std::optional<std::string> scalar(const YAML::Node& node, Location location, const std::string& path,
                                    std::string_view what);
  // Parses `text` as a CIDR for `path`; reports the parse error there.
  std::optional<util::Cidr> parse_cidr(const std::string& text, Location location, const std::string& path);

  SourceMap& sources() { return m_sources; }

 private:
  std::optional<Fields> collect(const YAML::Node& node, const std::string& path,
                                const std::vector<std::string_view>* known);
  std::string suggestion(const std::string& path, const std::string& key,
                         const std::vector<std::string_view>& known) const;

  std::string m_file;
  std::vector<std::string> m_all_paths;
  SourceMap& m_sources;
  std::vector<Problem>& m_problems;
};

}  // namespace hopper::spec::detail

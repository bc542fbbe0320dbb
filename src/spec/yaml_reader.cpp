#include "spec/yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "util/strings.hpp"

namespace hopper::spec::detail {

const Fields::Entry* Fields::find(std::string_view key) const {
  const auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.key == key; });
  return it == entries.end() ? nullptr : &*it;
}

std::string Fields::child(std::string_view key) const { return join_path(path, key); }

std::string join_path(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string item_path(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

Reader::Reader(std::string file, std::vector<std::string> all_paths, SourceMap& sources,
               std::vector<Problem>& problems)
    : m_file(std::move(file)), m_all_paths(std::move(all_paths)), m_sources(sources), m_problems(problems) {}

void Reader::error(Location location, const std::string& path, std::string message) {
  m_problems.push_back({m_file, location.line, location.column, path, std::move(message), Problem::Severity::error});
}

void Reader::warning(Location location, const std::string& path, std::string message) {
  m_problems.push_back({m_file, location.line, location.column, path, std::move(message), Problem::Severity::warning});
}

Location Reader::location_of(const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null() || mark.line < 0) return {};
  return {mark.line + 1, mark.column + 1};
}

Location Reader::location_of(const Fields::Entry& entry) {
  return entry.value.IsNull() ? location_of(entry.key_node) : location_of(entry.value);
}

std::string Reader::describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar: {
      std::string text = node.Scalar();
      if (text.size() > 40) text = text.substr(0, 37) + "...";
      return "'" + text + "'";
    }
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a list";
    default: return "nothing";
  }
}

std::optional<Fields> Reader::fields(const YAML::Node& node, const std::string& path,
                                     const std::vector<std::string_view>& known) {
  return collect(node, path, &known);
}

std::optional<Fields> Reader::entries(const YAML::Node& node, const std::string& path) {
  return collect(node, path, nullptr);
}

std::optional<Fields> Reader::collect(const YAML::Node& node, const std::string& path,
                                      const std::vector<std::string_view>* known) {
  Fields out{path, {}};
  if (!node.IsDefined() || node.IsNull()) return out;
  if (!node.IsMap()) {
    error(location_of(node), path, "expected a mapping, got " + describe(node));
    m_sources.mark_invalid(path);
    return std::nullopt;
  }
  std::map<std::string, int> first_line;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node key_node = it->first;
    if (!key_node.IsScalar()) {
      error(location_of(key_node), path, "field names must be plain strings, got " + describe(key_node));
      continue;
    }
    const std::string key = key_node.Scalar();
    const std::string child = join_path(path, key);
    if (known != nullptr && std::find(known->begin(), known->end(), key) == known->end()) {
      error(location_of(key_node), child, "unknown field" + suggestion(path, key, *known));
      continue;
    }
    if (const auto seen = first_line.find(key); seen != first_line.end()) {
      error(location_of(key_node), child, "duplicate field (first set on line " + std::to_string(seen->second) + ")");
      continue;
    }
    first_line.emplace(key, location_of(key_node).line);
    out.entries.push_back({key, key_node, it->second});
    m_sources.set(child, location_of(out.entries.back()));
  }
  return out;
}

std::string Reader::suggestion(const std::string& path, const std::string& key,
                               const std::vector<std::string_view>& known) const {
  std::vector<std::string> names(known.begin(), known.end());
  if (const std::string near = util::closest_match(key, names); !near.empty()) {
    return " (did you mean " + near + "?)";
  }
  // The right name at the wrong level: a top-level "zones" is network.zones.
  for (const std::string& candidate : m_all_paths) {
    const std::size_t dot = candidate.rfind('.');
    const std::string last = dot == std::string::npos ? candidate : candidate.substr(dot + 1);
    if (util::iequals(last, key) && SourceMap::parent(candidate) != path) {
      return " (did you mean " + candidate + "?)";
    }
  }
  return std::string(" (") + (path.empty() ? "top-level fields" : "fields of " + path) + ": " +
         util::join(names, ", ") + ")";
}

std::optional<std::string> Reader::scalar(const YAML::Node& node, Location location, const std::string& path,
                                          std::string_view what) {
  if (node.IsScalar()) return node.Scalar();
  error(location, path, "expected " + std::string(what) + ", got " + describe(node));
  m_sources.mark_invalid(path);
  return std::nullopt;
}

bool Reader::read_string(const Fields& fields, std::string_view key, std::string& out) {
  const Fields::Entry* entry = fields.find(key);
  if (entry == nullptr || entry->value.IsNull()) return false;
  auto text = scalar(entry->value, location_of(*entry), fields.child(key), "a string");
  if (!text) return false;
  out = std::move(*text);
  return true;
}

bool Reader::read_int(const Fields& fields, std::string_view key, int& out) {
  const Fields::Entry* entry = fields.find(key);
  if (entry == nullptr || entry->value.IsNull()) return false;
  const std::string path = fields.child(key);
  const Location location = location_of(*entry);
  const auto text = scalar(entry->value, location, path, "an integer");
  if (!text) return false;
  int value = 0;
  const char* begin = text->data();
  const char* end = text->data() + text->size();
  const auto [stop, ec] = std::from_chars(begin, end, value);
  if (text->empty() || ec != std::errc() || stop != end) {
    const bool too_big = ec == std::errc::result_out_of_range;
    error(location, path,
          too_big ? "'" + *text + "' is out of range" : "expected an integer, got " + describe(entry->value));
    m_sources.mark_invalid(path);
    return false;
  }
  out = value;
  return true;
}

bool Reader::read_bool(const Fields& fields, std::string_view key, bool& out) {
  const Fields::Entry* entry = fields.find(key);
  if (entry == nullptr || entry->value.IsNull()) return false;
  const std::string path = fields.child(key);
  const Location location = location_of(*entry);
  const auto text = scalar(entry->value, location, path, "true or false");
  if (!text) return false;
  if (*text == "true" || *text == "True" || *text == "TRUE") {
    out = true;
    return true;
  }
  if (*text == "false" || *text == "False" || *text == "FALSE") {
    out = false;
    return true;
  }
  error(location, path, "expected true or false, got " + describe(entry->value));
  m_sources.mark_invalid(path);
  return false;
}

std::optional<util::Cidr> Reader::parse_cidr(const std::string& text, Location location, const std::string& path) {
  auto cidr = util::Cidr::parse(text);
  if (cidr) return *cidr;
  error(location, path, cidr.error().message());
  m_sources.mark_invalid(path);
  return std::nullopt;
}

bool Reader::read_cidr(const Fields& fields, std::string_view key, util::Cidr& out) {
  const Fields::Entry* entry = fields.find(key);
  if (entry == nullptr || entry->value.IsNull()) return false;
  const std::string path = fields.child(key);
  const Location location = location_of(*entry);
  const auto text = scalar(entry->value, location, path, "a CIDR such as 10.0.0.0/16");
  if (!text) return false;
  const auto cidr = parse_cidr(*text, location, path);
  if (!cidr) return false;
  out = *cidr;
  return true;
}

bool Reader::read_ipv4(const Fields& fields, std::string_view key, util::Ipv4& out) {
  const Fields::Entry* entry = fields.find(key);
  if (entry == nullptr || entry->value.IsNull()) return false;
  const std::string path = fields.child(key);
  const Location location = location_of(*entry);
  const auto text = scalar(entry->value, location, path, "an IPv4 address such as 10.0.0.10");
  if (!text) return false;
  const auto address = util::Ipv4::parse(*text);
  if (!address) {
    error(location, path, "'" + *text + "' is not an IPv4 address (expected a.b.c.d, e.g. 10.0.0.10)");
    m_sources.mark_invalid(path);
    return false;
  }
  out = *address;
  return true;
}

bool Reader::read_cidr_list(const Fields& fields, std::string_view key, std::vector<util::Cidr>& out) {
  const Fields::Entry* entry = fields.find(key);
  if (entry == nullptr || entry->value.IsNull()) return false;
  const std::string path = fields.child(key);
  if (!entry->value.IsSequence()) {
    error(location_of(*entry), path,
          "expected a list of CIDRs such as [203.0.113.7/32], got " + describe(entry->value));
    m_sources.mark_invalid(path);
    return false;
  }
  std::vector<util::Cidr> cidrs;
  std::size_t index = 0;
  for (const YAML::Node& item : entry->value) {
    const std::string at = item_path(path, index++);
    const Location location = location_of(item);
    m_sources.set(at, location);
    // An unreadable item keeps its slot (marked invalid, so no rule looks at it): later items
    // keep the index the user sees.
    const auto text = scalar(item, location, at, "a CIDR such as 203.0.113.7/32");
    const auto cidr = text ? parse_cidr(*text, location, at) : std::nullopt;
    cidrs.push_back(cidr.value_or(util::Cidr{}));
  }
  out = std::move(cidrs);
  return true;
}

}  // namespace hopper::spec::detail

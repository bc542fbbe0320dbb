#include "sim/state/query.hpp"

#include <algorithm>

#include "codec/base64.hpp"
#include "sim/api_fault.hpp"
#include "util/strings.hpp"

namespace hopper::sim {
namespace {

void walk(const Json& node, const std::vector<std::string>& parts, std::size_t index, Values& out) {
  if (index == parts.size()) {
    if (node.is_string()) out.push_back(node.get<std::string>());
    else if (node.is_boolean()) out.push_back(node.get<bool>() ? "true" : "false");
    else if (node.is_number_integer()) out.push_back(std::to_string(node.get<long long>()));
    else if (node.is_array()) for (const auto& item : node) walk(item, parts, index, out);
    return;
  }
  std::string key = parts[index];
  const bool each = key.size() > 2 && key.compare(key.size() - 2, 2, "[]") == 0;
  if (each) key.resize(key.size() - 2);
  if (!node.is_object()) return;
  const auto it = node.find(key);
  if (it == node.end()) return;
  if (each) {
    if (!it->is_array()) return;
    for (const auto& item : *it) walk(item, parts, index + 1, out);
  } else {
    walk(*it, parts, index + 1, out);
  }
}

bool any_match(const Values& patterns, const Values& values) {
  for (const auto& pattern : patterns) {
    for (const auto& value : values) {
      if (wildcard_match(pattern, value)) return true;
    }
  }
  return false;
}

}  // namespace

std::vector<Filter> ec2_filters(const Params& params) {
  std::vector<Filter> out;
  for (int n : params.indexes("Filter")) {
    const Params one = params.sub("Filter." + std::to_string(n));
    Filter filter;
    filter.name = one.get("Name").value_or("");
    filter.values = one.list("Value");
    if (filter.name.empty()) fail("InvalidParameterValue", "The filter 'null' is invalid");
    out.push_back(std::move(filter));
  }
  return out;
}

std::vector<Filter> member_filters(const Params& params) {
  std::vector<Filter> out;
  for (int n : params.indexes("Filters.member")) {
    const Params one = params.sub("Filters.member." + std::to_string(n));
    out.push_back(Filter{one.get("Name").value_or(""), one.members("Values")});
  }
  return out;
}

Extract at(const std::string& path) {
  const std::vector<std::string> parts = util::split(path, '.');
  return [parts](const Json& object) {
    Values out;
    walk(object, parts, 0, out);
    return out;
  };
}

bool wildcard_match(const std::string& pattern, const std::string& text) {
  std::size_t p = 0, t = 0, star = std::string::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool matches(const Json& object, const std::vector<Filter>& filters, const FilterTable& table,
             const std::function<Tags(const Json&)>& tags_of) {
  for (const auto& filter : filters) {
    Values values;
    if (filter.name.rfind("tag:", 0) == 0) {
      const Tags tags = tags_of(object);
      const auto it = tags.find(filter.name.substr(4));
      if (it != tags.end()) values.push_back(it->second);
    } else if (filter.name == "tag-key" || filter.name == "tag-value") {
      for (const auto& [key, value] : tags_of(object)) values.push_back(filter.name == "tag-key" ? key : value);
    } else {
      const auto it = table.find(filter.name);
      if (it == table.end()) fail("InvalidParameterValue", "The filter '" + filter.name + "' is invalid");
      values = it->second(object);
    }
    if (!any_match(filter.values, values)) return false;
  }
  return true;
}

void check_filter_names(const std::vector<Filter>& filters, const FilterTable& table) {
  for (const auto& filter : filters) {
    if (filter.name.rfind("tag:", 0) == 0 || filter.name == "tag-key" || filter.name == "tag-value") continue;
    if (table.find(filter.name) == table.end()) fail("InvalidParameterValue", "The filter '" + filter.name + "' is invalid");
  }
}

std::vector<Json*> in_order(Json& collection) {
  std::vector<Json*> out;
  for (auto& [id, item] : collection.items()) out.push_back(&item);
  std::stable_sort(out.begin(), out.end(),
                   [](const Json* a, const Json* b) { return a->value("_seq", 0LL) < b->value("_seq", 0LL); });
  return out;
}

Page paginate(const std::vector<Json*>& items, const std::optional<std::string>& token, std::optional<long long> max,
              const std::string& bad_token_code) {
  std::size_t start = 0;
  if (token && !token->empty()) {
    const auto decoded = codec::base64_decode(*token);
    if (!decoded || decoded->rfind("sim-page:", 0) != 0) fail(bad_token_code, "The token '" + *token + "' is invalid");
    try {
      start = static_cast<std::size_t>(std::stoull(decoded->substr(9)));
    } catch (const std::exception&) {
      fail(bad_token_code, "The token '" + *token + "' is invalid");
    }
  }
  Page page;
  const std::size_t count = max && *max > 0 ? static_cast<std::size_t>(*max) : items.size();
  for (std::size_t i = start; i < items.size() && page.items.size() < count; ++i) page.items.push_back(items[i]);
  const std::size_t next = start + page.items.size();
  if (next < items.size()) page.next_token = codec::base64_encode("sim-page:" + std::to_string(next));
  return page;
}

Tags ec2_tags(const Json& object) {
  Tags tags;
  const auto it = object.find("tagSet");
  if (it == object.end() || !it->is_array()) return tags;
  for (const auto& item : *it) tags[item.value("key", "")] = item.value("value", "");
  return tags;
}

Json ec2_tag_set(const Tags& tags) {
  Json list = Json::array();
  for (const auto& [key, value] : tags) list.push_back({{"key", key}, {"value", value}});
  return list;
}

void ec2_merge_tags(Json& object, const Tags& tags) {
  Tags all = ec2_tags(object);
  for (const auto& [key, value] : tags) all[key] = value;
  object["tagSet"] = ec2_tag_set(all);
}

Tags tag_specification(const Params& params, const std::string& resource_type) {
  Tags tags;
  for (int n : params.indexes("TagSpecification")) {
    const Params spec = params.sub("TagSpecification." + std::to_string(n));
    if (spec.get("ResourceType").value_or("") != resource_type) continue;
    for (const auto& [key, value] : ec2_tag_params(spec)) tags[key] = value;
  }
  return tags;
}

Tags ec2_tag_params(const Params& params, const std::string& prefix) {
  Tags tags;
  for (int n : params.indexes(prefix)) {
    const Params tag = params.sub(prefix + "." + std::to_string(n));
    tags[tag.get("Key").value_or("")] = tag.get("Value").value_or("");
  }
  return tags;
}

Tags member_tags(const Params& params, const std::string& prefix) {
  return ec2_tag_params(params, prefix + ".member");
}

Tags key_value_tags(const Json& list) {
  Tags tags;
  if (!list.is_array()) return tags;
  for (const auto& item : list) tags[item.value("Key", "")] = item.value("Value", "");
  return tags;
}

Json key_value_list(const Tags& tags) {
  Json list = Json::array();
  for (const auto& [key, value] : tags) list.push_back({{"Key", key}, {"Value", value}});
  return list;
}

}  // namespace hopper::sim

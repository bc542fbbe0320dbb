#include "sim/state/ec2_common.hpp"

#include <algorithm>

namespace hopper::sim {
namespace {

bool has_wildcard(const std::string& pattern) { return pattern.find_first_of("*?") != std::string::npos; }

}  // namespace

Json& collection(Json& region, const char* name) {
  Json& out = region[name];
  if (!out.is_object()) out = Json::object();
  return out;
}

Json* find(Json& region, const char* name, const std::string& id, const World* world) {
  Json& items = collection(region, name);
  const auto it = items.find(id);
  if (it == items.end()) return nullptr;
  if (world != nullptr && !world->visible(id)) return nullptr;
  return &*it;
}

Json& need(Call& call, const char* name, const std::string& id, const std::string& code, const std::string& message) {
  Json* found = find(call.rs(), name, id, &call.world);
  if (found == nullptr) fail(code, message);
  return *found;
}

Json& insert(World& world, Json& region, const char* name, const std::string& id, Json object) {
  object["_seq"] = world.next_seq();
  Json& stored = collection(region, name)[id];
  stored = std::move(object);
  world.just_created(id);
  world.changed();
  return stored;
}

void erase(World& world, Json& region, const char* name, const std::string& id) {
  collection(region, name).erase(id);
  world.changed();
}

Json describe(Call& call, const DescribeSpec& spec) {
  Json& items = collection(call.rs(), spec.collection);
  const std::vector<std::string> ids = spec.id_param.empty() ? std::vector<std::string>{} : call.params.list(spec.id_param);
  const std::vector<Filter> filters = ec2_filters(call.params);
  check_filter_names(filters, spec.filters);
  std::vector<Json*> selected;
  if (!ids.empty()) {
    for (const auto& id : ids) {
      Json* found = find(call.rs(), spec.collection, id, &call.world);
      if (found == nullptr) fail(spec.not_found_code, spec.not_found(id));
      selected.push_back(found);
    }
  } else {
    for (Json* item : candidates(call, items, filters)) {
      if (!spec.listed || spec.listed(*item)) selected.push_back(item);
    }
  }
  std::vector<Json*> kept;
  for (Json* item : selected) {
    if (matches(*item, filters, spec.filters, ec2_tags)) kept.push_back(item);
  }
  std::optional<long long> max;
  if (spec.paged) {
    max = call.opt_number("MaxResults");
    if (max && (*max < 5 || *max > 1000)) {
      call.invalid("Value ( " + std::to_string(*max) + " ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.");
    }
  }
  const Page page = paginate(kept, spec.paged ? call.opt("NextToken") : std::nullopt, max, "InvalidNextToken");
  Json list = Json::array();
  for (const Json* item : page.items) list.push_back(spec.view ? spec.view(call, *item) : *item);
  Json out = {{spec.set_name, std::move(list)}};
  if (!page.next_token.empty()) out["nextToken"] = page.next_token;
  return out;
}

std::vector<Json*> candidates(Call& call, Json& items, const std::vector<Filter>& filters) {
  const Listing& listing = call.world.listing(items);
  std::vector<std::size_t> narrowest;
  bool narrowed = false;
  for (const auto& filter : filters) {
    std::vector<std::string> keys;
    if (filter.name.rfind("tag:", 0) == 0) {
      keys.push_back(filter.name.substr(4));
    } else if (filter.name == "tag-key" && std::none_of(filter.values.begin(), filter.values.end(), has_wildcard)) {
      keys = filter.values;
    } else {
      continue;
    }
    std::vector<std::size_t> positions;
    for (const auto& key : keys) {
      const auto it = listing.by_tag_key.find(key);
      if (it != listing.by_tag_key.end()) positions.insert(positions.end(), it->second.begin(), it->second.end());
    }
    if (keys.size() > 1) {
      std::sort(positions.begin(), positions.end());
      positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
    }
    if (!narrowed || positions.size() < narrowest.size()) narrowest = std::move(positions);
    narrowed = true;
  }
  if (!narrowed) return listing.ordered;
  std::vector<Json*> out;
  out.reserve(narrowest.size());
  for (const std::size_t position : narrowest) out.push_back(listing.ordered[position]);
  return out;
}

Json ok() { return {{"return", true}}; }

std::string now_iso(Call& call) { return iso_time(call.world.now()); }

std::string default_vpc_id(Json& region) {
  for (auto& [id, vpc] : collection(region, col::vpcs).items()) {
    if (vpc.value("isDefault", false)) return id;
  }
  return "";
}

}  // namespace hopper::sim

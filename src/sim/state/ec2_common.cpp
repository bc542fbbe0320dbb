#include "sim/state/ec2_common.hpp"

namespace hopper::sim {

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
  world.dirty = true;
  return stored;
}

void erase(World& world, Json& region, const char* name, const std::string& id) {
  collection(region, name).erase(id);
  world.dirty = true;
}

Json describe(Call& call, const DescribeSpec& spec) {
  Json& items = collection(call.rs(), spec.collection);
  const std::vector<std::string> ids = spec.id_param.empty() ? std::vector<std::string>{} : call.params.list(spec.id_param);
  const std::vector<Filter> filters = ec2_filters(call.params);
  std::vector<Json*> selected;
  if (!ids.empty()) {
    for (const auto& id : ids) {
      Json* found = find(call.rs(), spec.collection, id, &call.world);
      if (found == nullptr) fail(spec.not_found_code, spec.not_found(id));
      selected.push_back(found);
    }
  } else {
    for (Json* item : in_order(items)) {
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

Json ok() { return {{"return", true}}; }

std::string now_iso(Call& call) { return iso_time(call.world.now()); }

std::string default_vpc_id(Json& region) {
  for (auto& [id, vpc] : collection(region, col::vpcs).items()) {
    if (vpc.value("isDefault", false)) return id;
  }
  return "";
}

}  // namespace hopper::sim

#include "sim/state/listing.hpp"

#include <algorithm>
#include <utility>

namespace hopper::sim {

const Listing& Listings::of(nlohmann::json& collection, std::uint64_t generation) {
  Entry& entry = m_cache[&collection];
  if (entry.generation == generation) return entry.listing;
  Listing listing;
  std::vector<std::pair<long long, nlohmann::json*>> keyed;
  if (collection.is_object()) {
    keyed.reserve(collection.size());
    for (auto& [id, item] : collection.items()) {
      const auto seq = item.is_object() ? item.find("_seq") : item.end();
      keyed.emplace_back(seq != item.end() && seq->is_number_integer() ? seq->get<long long>() : 0LL, &item);
    }
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  listing.ordered.reserve(keyed.size());
  for (const auto& [seq, item] : keyed) {
    const std::size_t position = listing.ordered.size();
    listing.ordered.push_back(item);
    const auto tags = item->find("tagSet");
    if (tags == item->end() || !tags->is_array()) continue;
    for (const auto& tag : *tags) {
      const auto key = tag.find("key");
      if (key == tag.end() || !key->is_string()) continue;
      auto& positions = listing.by_tag_key[key->get<std::string>()];
      if (positions.empty() || positions.back() != position) positions.push_back(position);
    }
  }
  entry.generation = generation;
  entry.listing = std::move(listing);
  return entry.listing;
}

}  // namespace hopper::sim

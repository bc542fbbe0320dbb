// Listings of a collection that reads can use without walking it: its members in creation order
// and, for each tag key, the members that carry it. Describe calls of a large account select
// their candidates here (tag filters answered from the key index) and look only at those.
//
// A listing holds pointers into the state; it is valid for one World generation (any change
// rebuilds it on next use), which is what keeps the pointers from dangling.
//
// Thread-safety: as World.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace hopper::sim {

struct Listing {
  // Oldest first (by "_seq"; equal sequences keep the collection's own order).
  std::vector<nlohmann::json*> ordered;
  // EC2 tag key (tagSet[].key) -> positions in `ordered`, ascending.
  std::unordered_map<std::string, std::vector<std::size_t>> by_tag_key;
};

class Listings {
 public:
  // The listing of `collection` (an object id -> resource) at `generation`.
  const Listing& of(nlohmann::json& collection, std::uint64_t generation);
  void clear() { m_cache.clear(); }

 private:
  struct Entry {
    std::uint64_t generation = 0;
    Listing listing;
  };
  std::map<const nlohmann::json*, Entry> m_cache;
};

}  // namespace hopper::sim

// The catalog of AWS commercial regions hopper knows, with their availability-zone letters.
// Static data, checked without any network call. Zone names are mapped per account: the letters
// listed are the ones AWS documents for the region (e.g. ap-northeast-1 has a, c and d for
// accounts created after 2012).
//
// Thread-safety: read-only data.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hopper::spec {

struct Region {
  std::string_view name;          // "eu-west-1"
  std::string_view zone_letters;  // "abc"
  bool opt_in = false;            // must be enabled in the account before use

  // Full zone names: {"eu-west-1a", "eu-west-1b", "eu-west-1c"}.
  std::vector<std::string> zones() const;
  bool has_zone(std::string_view zone) const;
};

// Every region, sorted by name.
const std::vector<Region>& all_regions();
// The region called `name`, or nullptr.
const Region* find_region(std::string_view name);

// A zone as a user may write it: a bare letter ("b") is short for `region` + letter
// ("eu-west-1b"); anything else is returned unchanged.
std::string expand_zone_name(std::string_view region, std::string_view zone);
// The region's first zone ("eu-west-1a"); `region` + "a" for a region not in the catalog.
std::string default_zone(std::string_view region);

// Why `region` is not usable, as one sentence, or nullopt when it is in the catalog:
//   "'eu-west-9' is not an AWS region hopper knows (did you mean eu-west-1?)"
std::optional<std::string> check_region(std::string_view region);
// Why `zone` (a full name) is not a zone of `region`, or nullopt when it is. nullopt too when
// the region is unknown (check_region reports that):
//   "us-east-1a is not a zone of region eu-west-1 (its zones: eu-west-1a, eu-west-1b, eu-west-1c)"
std::optional<std::string> check_zone(std::string_view region, std::string_view zone);

}  // namespace hopper::spec

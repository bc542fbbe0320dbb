#include "spec/regions.hpp"

#include <algorithm>

#include "util/strings.hpp"

namespace hopper::spec {
namespace {

// Source: the AWS "Regions and Availability Zones" documentation (zone ids per region, and the
// letters most accounts see). Keep sorted by name.
const std::vector<Region> k_regions = {
    {"af-south-1", "abc", true},
    {"ap-east-1", "abc", true},
    {"ap-northeast-1", "acd", false},  // 1b exists only for accounts older than 2012
    {"ap-northeast-2", "abcd", false},
    {"ap-northeast-3", "abc", false},
    {"ap-south-1", "abc", false},
    {"ap-south-2", "abc", true},
    {"ap-southeast-1", "abc", false},
    {"ap-southeast-2", "abc", false},
    {"ap-southeast-3", "abc", true},
    {"ap-southeast-4", "abc", true},
    {"ap-southeast-5", "abc", true},
    {"ap-southeast-7", "abc", true},
    {"ca-central-1", "abd", false},
    {"ca-west-1", "abc", true},
    {"eu-central-1", "abc", false},
    {"eu-central-2", "abc", true},
    {"eu-north-1", "abc", false},
    {"eu-south-1", "abc", true},
    {"eu-south-2", "abc", true},
    {"eu-west-1", "abc", false},
    {"eu-west-2", "abc", false},
    {"eu-west-3", "abc", false},
    {"il-central-1", "abc", true},
    {"me-central-1", "abc", true},
    {"me-south-1", "abc", true},
    {"mx-central-1", "abc", true},
    {"sa-east-1", "abc", false},
    {"us-east-1", "abcdef", false},
    {"us-east-2", "abc", false},
    {"us-west-1", "abc", false},  // each account sees two of the three letters
    {"us-west-2", "abcd", false},
};

}  // namespace

std::vector<std::string> Region::zones() const {
  std::vector<std::string> out;
  for (const char letter : zone_letters) out.push_back(std::string(name) + letter);
  return out;
}

bool Region::has_zone(std::string_view zone) const {
  return zone.size() == name.size() + 1 && zone.substr(0, name.size()) == name &&
         zone_letters.find(zone.back()) != std::string_view::npos;
}

const std::vector<Region>& all_regions() { return k_regions; }

const Region* find_region(std::string_view name) {
  const auto it = std::find_if(k_regions.begin(), k_regions.end(),
                               [&](const Region& r) { return r.name == name; });
  return it == k_regions.end() ? nullptr : &*it;
}

std::string expand_zone_name(std::string_view region, std::string_view zone) {
  if (zone.size() == 1 && zone[0] >= 'a' && zone[0] <= 'z') return std::string(region) + zone[0];
  return std::string(zone);
}

std::string default_zone(std::string_view region) {
  const Region* r = find_region(region);
  return std::string(region) + (r != nullptr ? r->zone_letters.front() : 'a');
}

std::optional<std::string> check_region(std::string_view region) {
  if (find_region(region) != nullptr) return std::nullopt;
  std::vector<std::string> names;
  for (const Region& r : k_regions) names.emplace_back(r.name);
  const std::string guess = region.empty() ? std::string() : util::closest_match(region, names);
  std::string out = std::string("'").append(region).append("' is not an AWS region hopper knows");
  if (!guess.empty()) return out + " (did you mean " + guess + "?)";
  return out + " (known regions: " + util::join(names, ", ") + ")";
}

std::optional<std::string> check_zone(std::string_view region, std::string_view zone) {
  const Region* r = find_region(region);
  if (r == nullptr || r->has_zone(zone)) return std::nullopt;
  return std::string(zone) + " is not a zone of region " + std::string(region) + " (its zones: " +
         util::join(r->zones(), ", ") + ")";
}

}  // namespace hopper::spec

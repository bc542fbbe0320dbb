#include "spec/regions.hpp"

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

namespace hopper::spec {
namespace {

std::string letters(std::string_view region) {
  const Region* r = find_region(region);
  return r != nullptr ? std::string(r->zone_letters) : "<missing>";
}

TEST(RegionsTest, CoversTheCommercialRegionsWithTheirZoneLetters) {
  EXPECT_GE(all_regions().size(), 17u);
  EXPECT_EQ(letters("us-east-1"), "abcdef");
  EXPECT_EQ(letters("us-east-2"), "abc");
  EXPECT_EQ(letters("us-west-2"), "abcd");
  EXPECT_EQ(letters("eu-west-1"), "abc");
  EXPECT_EQ(letters("eu-central-1"), "abc");
  EXPECT_EQ(letters("eu-north-1"), "abc");
  EXPECT_EQ(letters("ap-northeast-1"), "acd");  // no 1b for current accounts
  EXPECT_EQ(letters("ap-northeast-2"), "abcd");
  EXPECT_EQ(letters("ca-central-1"), "abd");    // no 1c
  EXPECT_EQ(letters("sa-east-1"), "abc");
  for (const char* name : {"ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-3", "eu-west-2",
                           "eu-west-3", "us-west-1"}) {
    EXPECT_NE(find_region(name), nullptr) << name;
  }
}

TEST(RegionsTest, NamesAreSortedAndUniqueAndEveryRegionHasZones) {
  std::vector<std::string> names;
  for (const Region& r : all_regions()) {
    names.emplace_back(r.name);
    EXPECT_GE(r.zone_letters.size(), 2u) << r.name;
  }
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), names.size());
}

TEST(RegionsTest, OptInRegionsAreMarked) {
  EXPECT_TRUE(find_region("af-south-1")->opt_in);
  EXPECT_TRUE(find_region("me-south-1")->opt_in);
  EXPECT_FALSE(find_region("eu-west-1")->opt_in);
}

TEST(RegionsTest, ZonesAndMembership) {
  const Region& r = *find_region("eu-west-1");
  EXPECT_EQ(r.zones(), (std::vector<std::string>{"eu-west-1a", "eu-west-1b", "eu-west-1c"}));
  EXPECT_TRUE(r.has_zone("eu-west-1c"));
  EXPECT_FALSE(r.has_zone("eu-west-1d"));
  EXPECT_FALSE(r.has_zone("eu-west-1"));
  EXPECT_FALSE(r.has_zone("eu-west-2a"));
  EXPECT_FALSE(r.has_zone("eu-west-1aa"));
}

TEST(RegionsTest, ExpandsBareZoneLetters) {
  EXPECT_EQ(expand_zone_name("eu-west-1", "b"), "eu-west-1b");
  EXPECT_EQ(expand_zone_name("eu-west-1", "eu-west-1c"), "eu-west-1c");
  EXPECT_EQ(expand_zone_name("eu-west-1", "B"), "B");  // not a lowercase letter: left for validation
  EXPECT_EQ(default_zone("eu-west-1"), "eu-west-1a");
  EXPECT_EQ(default_zone("ca-central-1"), "ca-central-1a");
  EXPECT_EQ(default_zone("xx-nowhere-1"), "xx-nowhere-1a");
}

TEST(RegionsTest, ExplainsUnknownRegionsAndForeignZones) {
  EXPECT_EQ(check_region("eu-west-1"), std::nullopt);
  EXPECT_EQ(check_region("eu-west-9").value_or(""),
            "'eu-west-9' is not an AWS region hopper knows (did you mean eu-west-1?)");
  const std::string far = check_region("mars-north-7").value_or("");
  EXPECT_EQ(far.rfind("'mars-north-7' is not an AWS region hopper knows (known regions: af-south-1, ", 0), 0u) << far;
  EXPECT_EQ(check_zone("eu-west-1", "eu-west-1b"), std::nullopt);
  EXPECT_EQ(check_zone("eu-west-1", "us-east-1a").value_or(""),
            "us-east-1a is not a zone of region eu-west-1 (its zones: eu-west-1a, eu-west-1b, eu-west-1c)");
  EXPECT_EQ(check_zone("us-east-1", "us-east-1g").value_or(""),
            "us-east-1g is not a zone of region us-east-1 (its zones: us-east-1a, us-east-1b, us-east-1c, "
            "us-east-1d, us-east-1e, us-east-1f)");
  EXPECT_EQ(check_zone("nowhere-1", "nowhere-1a"), std::nullopt);  // the region's own problem says it
}

}  // namespace
}  // namespace hopper::spec

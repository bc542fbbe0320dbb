// What the Describe/List handlers share: filters (EC2's Filter.N.Name/Value.M with AWS's
// wildcards, tag:K / tag-key / tag-value), listing in creation order, pagination tokens, and
// the EC2 tag helpers (tagSet, TagSpecification).
//
// Thread-safety: pure functions over the caller's values.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/params.hpp"

namespace hopper::sim {

using Json = nlohmann::json;
using Tags = std::map<std::string, std::string>;
using Values = std::vector<std::string>;
// The values a filter compares against, read from one resource.
using Extract = std::function<Values(const Json&)>;
using FilterTable = std::map<std::string, Extract>;

struct Filter {
  std::string name;
  std::vector<std::string> values;
};

// Filter.N.Name / Filter.N.Value.M (EC2).
std::vector<Filter> ec2_filters(const Params& params);
// Filters.member.N.Name / Filters.member.N.Values.member.M (Auto Scaling).
std::vector<Filter> member_filters(const Params& params);
// A path of keys with "[]" marking arrays to walk: "attachmentSet[].vpcId". Leaves become
// text (bools "true"/"false", numbers in decimal).
Extract at(const std::string& path);
// AWS filter wildcards: '*' any run, '?' any one character.
bool wildcard_match(const std::string& pattern, const std::string& text);
// True when `object` passes every filter: tag:K, tag-key and tag-value are built in (over
// `tags_of`), the rest come from `table`. Unknown names are InvalidParameterValue.
bool matches(const Json& object, const std::vector<Filter>& filters, const FilterTable& table,
             const std::function<Tags(const Json&)>& tags_of);

// Throws InvalidParameterValue, as AWS does whatever the account holds, for a filter name that
// is neither built in (tag:K, tag-key, tag-value) nor in `table`.
void check_filter_names(const std::vector<Filter>& filters, const FilterTable& table);

// The members of `collection` (an object id → resource) oldest first.
std::vector<Json*> in_order(Json& collection);

struct Page {
  std::vector<Json*> items;
  std::string next_token;  // empty on the last page
};
// Slices `items` from `token` (a previous page's next_token) taking at most `max` (all when
// nullopt). A token that is not ours throws `bad_token_code`.
Page paginate(const std::vector<Json*>& items, const std::optional<std::string>& token, std::optional<long long> max,
              const std::string& bad_token_code = "InvalidParameterValue");

// EC2 tags: tagSet [{key, value}] <-> map.
Tags ec2_tags(const Json& object);
Json ec2_tag_set(const Tags& tags);
void ec2_merge_tags(Json& object, const Tags& tags);
// The tags of TagSpecification.N whose ResourceType is `resource_type`.
Tags tag_specification(const Params& params, const std::string& resource_type);
// EC2 Tag.N.Key / Tag.N.Value.
Tags ec2_tag_params(const Params& params, const std::string& prefix = "Tag");
// Query Tags.member.N.Key / .Value.
Tags member_tags(const Params& params, const std::string& prefix = "Tags");
// Query-style tags [{Key, Value}] <-> map.
Tags key_value_tags(const Json& list);
Json key_value_list(const Tags& tags);

}  // namespace hopper::sim

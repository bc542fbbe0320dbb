// Request parameters for the query protocols (EC2 query and AWS query), in insertion order, and
// their form encoding. EC2 flattens lists (`Filter.1.Value.1`, `InstanceId.1`); IAM, Auto
// Scaling, STS and ELB use `.member.N` (`Tags.member.1.Key`).
//
// Thread-safety: a plain value.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hopper::aws {

// An EC2 Describe filter: Filter.N.Name / Filter.N.Value.M.
struct Filter {
  std::string name;
  std::vector<std::string> values;
};

using Tags = std::map<std::string, std::string>;

class QueryParams {
 public:
  QueryParams& set(const std::string& name, const std::string& value);
  QueryParams& set(const std::string& name, const char* value) { return set(name, std::string(value)); }
  QueryParams& set(const std::string& name, bool value);
  QueryParams& set(const std::string& name, long long value);
  QueryParams& set(const std::string& name, int value) { return set(name, static_cast<long long>(value)); }
  // Sets only when `value` holds something.
  template <class T>
  QueryParams& set_if(const std::string& name, const std::optional<T>& value) {
    if (value) set(name, *value);
    return *this;
  }

  // EC2 flattened list: prefix.1=a&prefix.2=b.
  QueryParams& ec2_list(const std::string& prefix, const std::vector<std::string>& values);
  // Query list: prefix.member.1=a&prefix.member.2=b.
  QueryParams& member_list(const std::string& prefix, const std::vector<std::string>& values);
  // EC2 filters: Filter.N.Name / Filter.N.Value.M (numbering continues across calls).
  QueryParams& filters(const std::vector<Filter>& filters);
  // EC2 TagSpecification.N.ResourceType / .Tag.M.Key / .Tag.M.Value (skipped when `tags` is empty).
  QueryParams& tag_specification(const std::string& resource_type, const Tags& tags);
  // EC2 Tag.N.Key / Tag.N.Value (CreateTags).
  QueryParams& ec2_tags(const Tags& tags, const std::string& prefix = "Tag");
  // Query Tags.member.N.Key / .Value.
  QueryParams& member_tags(const Tags& tags, const std::string& prefix = "Tags");

  const std::vector<std::pair<std::string, std::string>>& entries() const { return m_entries; }
  // The value of `name`, or nullopt.
  std::optional<std::string> get(const std::string& name) const;
  // "Action=..&Version=..&k=v..." form-encoded as botocore does: RFC 3986 unreserved characters
  // kept, space as +, the rest %XX (prepends Action and Version).
  std::string encode(const std::string& action, const std::string& version) const;

 private:
  std::vector<std::pair<std::string, std::string>> m_entries;
  int m_filter_count = 0;
  int m_tag_spec_count = 0;
};

}  // namespace hopper::aws

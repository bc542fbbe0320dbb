// Params: the decoded parameters of a Query/EC2-query request (form body or query string), with
// the list encodings both protocols use: EC2's flattened `Name.N` and the Query services'
// `Name.member.N`, and nested prefixes (`Filter.1.Value.2`, `Tags.member.1.Key`).
//
// Thread-safety: a plain value.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hopper::sim {

class Params {
 public:
  Params() = default;
  explicit Params(const std::vector<std::pair<std::string, std::string>>& entries);

  // The value of `name` (the first one when repeated), or nullopt.
  std::optional<std::string> get(const std::string& name) const;
  bool has(const std::string& name) const { return m_values.count(name) > 0; }
  // The sorted list indexes N that appear as `prefix.N` or `prefix.N.…`.
  std::vector<int> indexes(const std::string& prefix) const;
  // EC2 flattened list: the values of prefix.1, prefix.2, … in index order.
  std::vector<std::string> list(const std::string& prefix) const;
  // Query list: the values of prefix.member.1, prefix.member.2, … in index order.
  std::vector<std::string> members(const std::string& prefix) const;
  // The parameters under `prefix.` with that prefix removed ("Filter.1." → {"Name", "Value.1"}).
  Params sub(const std::string& prefix) const;
  const std::map<std::string, std::string>& values() const { return m_values; }

 private:
  std::map<std::string, std::string> m_values;
};

}  // namespace hopper::sim

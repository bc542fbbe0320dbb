// A plain text table: columns as wide as their widest cell, two spaces apart. For the report
// commands' table output. Thread-safety: plain value.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace hopper::report {

class Table {
 public:
  explicit Table(std::vector<std::string> header) : m_rows{std::move(header)} {}
  // REQUIRES: as many cells as header columns.
  void add(std::vector<std::string> cells) { m_rows.push_back(std::move(cells)); }
  // Prints every row, each line indented by `indent` spaces, without trailing blanks.
  void print(std::ostream& out, int indent = 0) const;

 private:
  std::vector<std::vector<std::string>> m_rows;
};

}  // namespace hopper::report

#include "spec/problem.hpp"

#include <algorithm>
#include <climits>

namespace hopper::spec {

std::string Problem::format() const {
  std::string out = file;
  if (line > 0) out.append(":").append(std::to_string(line)).append(":").append(std::to_string(column));
  out += ": ";
  if (severity == Severity::warning) out += "warning: ";
  if (!path.empty()) out += path + ": ";
  out += message;
  return out;
}

const char* to_string(Problem::Severity severity) {
  return severity == Problem::Severity::error ? "error" : "warning";
}

std::size_t count_errors(const std::vector<Problem>& problems) {
  return static_cast<std::size_t>(std::count_if(problems.begin(), problems.end(), [](const Problem& p) {
    return p.severity == Problem::Severity::error;
  }));
}

std::size_t count_warnings(const std::vector<Problem>& problems) {
  return problems.size() - count_errors(problems);
}

void sort_by_position(std::vector<Problem>& problems) {
  const auto key = [](const Problem& p) {
    return std::pair(p.line > 0 ? p.line : INT_MAX, p.column);
  };
  std::stable_sort(problems.begin(), problems.end(),
                   [&](const Problem& a, const Problem& b) { return key(a) < key(b); });
}

}  // namespace hopper::spec

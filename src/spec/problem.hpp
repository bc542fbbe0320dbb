// Problem: one thing wrong with a spec, located in the file and in the field tree, in one
// sentence. Loading and validation return every problem at once, sorted by position.
//
// Thread-safety: plain values.
#pragma once

#include <string>
#include <vector>

namespace hopper::spec {

struct Problem {
  enum class Severity { error, warning };

  std::string file;  // as shown to the user, e.g. cluster.yaml
  int line = 0;      // 1-based; 0 when unknown (e.g. a default that was never written)
  int column = 0;    // 1-based; 0 when unknown
  std::string path;  // the field, e.g. network.zones[0].publicSubnet; empty for the whole file
  std::string message;
  Severity severity = Severity::error;

  // One line, like a compiler:
  //   "cluster.yaml:12:11: network.zones[0].publicSubnet: 10.9.0.0/20 is outside network.vpcCIDR 10.0.0.0/16"
  //   "cluster.yaml:20:20: warning: bastion.sshAllowedCIDRs: nobody can reach the bastion; ..."
  // The ":line:column" part is left out when the line is unknown, the "path: " part when the
  // path is empty.
  std::string format() const;

  bool operator==(const Problem&) const = default;
};

// "error" or "warning".
const char* to_string(Problem::Severity severity);

std::size_t count_errors(const std::vector<Problem>& problems);
std::size_t count_warnings(const std::vector<Problem>& problems);

// Sorts by position (stable, so problems at one spot keep the order they were found in);
// problems with an unknown line go last.
void sort_by_position(std::vector<Problem>& problems);

}  // namespace hopper::spec

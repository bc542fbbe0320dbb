// Internal to spec/: the validation rules, split by concern over validate.cpp (identity,
// Kubernetes, tags), validate_network.cpp (VPC, zones, subnets, addresses) and
// validate_nodes.cpp (instance types, workers, volumes, bastion access).
#pragma once

#include <string>
#include <vector>

#include "spec/cluster_spec.hpp"
#include "spec/problem.hpp"
#include "spec/source_map.hpp"

namespace hopper::spec::detail {

// Collects the problems of one validation run, located through the SourceMap.
class Checker {
 public:
  Checker(const SourceMap& sources, std::string file, std::vector<Problem>& problems)
      : m_sources(sources), m_file(std::move(file)), m_problems(problems) {}

  // True when `path` was already reported as unreadable: rules leave it alone.
  bool skip(const std::string& path) const { return m_sources.invalid(path); }
  // True when the user wrote `path` (false for a default).
  bool written(const std::string& path) const { return m_sources.written(path); }

  void error(const std::string& path, std::string message) { add(path, std::move(message), Problem::Severity::error); }
  void warning(const std::string& path, std::string message) {
    add(path, std::move(message), Problem::Severity::warning);
  }

 private:
  void add(const std::string& path, std::string message, Problem::Severity severity) {
    const Location at = m_sources.locate(path);
    m_problems.push_back({m_file, at.line, at.column, path, std::move(message), severity});
  }

  const SourceMap& m_sources;
  std::string m_file;
  std::vector<Problem>& m_problems;
};

void check_network(const ClusterSpec& spec, Checker& checker);
void check_nodes(const ClusterSpec& spec, Checker& checker);

}  // namespace hopper::spec::detail

// Loading a cluster spec: YAML text or file -> a complete, valid ClusterSpec, or every problem
// with it at once. This is the one entry point other layers use (plan, up, down call
// load_valid_spec).
//
// Steps: parse the YAML (a syntax error stops here, with yaml-cpp's position); decode every
// field (types, formats, unknown fields, defaults, carved subnets); read the SSH public key
// named by sshKey.publicKeyPath (the only file read besides the spec); then validate_spec().
// Never makes a network call. Exceptions from yaml-cpp are caught here and become problems.
//
// Thread-safety: the functions share no state; load_spec_* read files and $HOME.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "spec/cluster_spec.hpp"
#include "spec/problem.hpp"
#include "util/result.hpp"

namespace hopper::spec {

struct LoadResult {
  std::optional<ClusterSpec> spec;  // set only when there are no errors (warnings are fine)
  std::vector<Problem> problems;    // sorted by position
};

// Loads the spec in `yaml`. `display_name` names the file in problems ("cluster.yaml");
// `base_dir` is where a relative sshKey.publicKeyPath is looked up. The spec's source_path is
// `display_name`.
LoadResult load_spec_text(std::string_view yaml, const std::string& display_name,
                          const std::filesystem::path& base_dir);

// Loads the spec file at `path`, shown in problems as written; a relative public key path is
// taken from the file's folder and source_path is `path` made absolute. A missing or unreadable
// file is one problem naming the path ("cluster.yaml does not exist; run `hopper init` to write
// one, or pass -f FILE").
LoadResult load_spec_file(const std::filesystem::path& path);

// load_spec_file, then prints every problem (errors and warnings) to `diagnostics`, one
// Problem::format() per line. Returns the spec, or when there are errors an Error with
// ExitCode::usage: "cluster.yaml: 3 errors (see above)".
util::Result<ClusterSpec> load_valid_spec(const std::filesystem::path& path, std::ostream& diagnostics);

}  // namespace hopper::spec

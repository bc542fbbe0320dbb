// Validation: the semantic rules of a cluster spec, checked all at once. Pure: no file, no
// network. Loading (spec/load.hpp) runs it after decoding; docs/spec.md lists every rule.
//
// Each problem carries the field path and, through the SourceMap, the line:column where the
// field was written (or where its nearest written parent was, for a default). A field the
// SourceMap marks invalid was already reported while decoding, and no rule looks at it again.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "spec/cluster_spec.hpp"
#include "spec/problem.hpp"
#include "spec/source_map.hpp"

namespace hopper::spec {

inline constexpr std::size_t k_max_name_length = 32;  // AWS load balancer and target group names
inline constexpr int k_max_workers = 100;
inline constexpr int k_min_root_volume_gib = 8;
inline constexpr int k_max_root_volume_gib = 16384;  // gp3's largest volume
inline constexpr std::size_t k_max_user_tags = 40;   // AWS allows 50; hopper keeps 10 for its own
inline constexpr std::size_t k_max_tag_key_length = 128;
inline constexpr std::size_t k_max_tag_value_length = 256;
inline constexpr int k_min_service_prefix = 12;  // kube-apiserver refuses larger Service ranges
inline constexpr int k_max_service_prefix = 28;  // cluster DNS takes the range's 10th address

// Every problem with `spec` (errors and warnings), unsorted; `file` is the name shown in them.
// `sources` gives locations and the fields to skip; an empty SourceMap checks a spec built in
// code (no locations).
std::vector<Problem> validate_spec(const ClusterSpec& spec, const SourceMap& sources, const std::string& file);

// Why `name` is not a usable cluster name, or nullopt. A name is 1-32 characters of lowercase
// letters, digits and hyphens, starts with a letter and does not end with a hyphen, so that it
// fits in AWS names, tag values and DNS labels:
//   "'My_Cluster' may contain only lowercase letters, digits and hyphens (it is used in AWS names,
//    tags and DNS labels)"
std::optional<std::string> check_cluster_name(std::string_view name);

// "vpc-" and 8 or 17 lowercase hex digits.
bool is_vpc_id(std::string_view text);
// "ami-" and 8 or 17 lowercase hex digits.
bool is_ami_id(std::string_view text);

}  // namespace hopper::spec

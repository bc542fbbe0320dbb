// Internal to spec/: the YAML document -> ClusterSpec step of loading. It reads every field the
// user wrote (types, formats, unknown or duplicate fields), fills defaults for the rest, and
// derives the defaults that depend on other fields (zones, carved subnets, the control plane's
// address, workers.max and workers.desired). Semantic rules live in validate, and the SSH key
// file is read by load.
//
// Thread-safety: pure, apart from the Reader passed in.
#pragma once

#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "spec/cluster_spec.hpp"
#include "spec/yaml_reader.hpp"

namespace hopper::spec::detail {

// Every field path of the schema ("network.vpcCIDR", "network.zones[].name", ...), for
// did-you-mean suggestions.
std::vector<std::string> schema_paths();

// Decodes `root`. REQUIRES: root.IsMap().
ClusterSpec decode_spec(const YAML::Node& root, Reader& reader);

}  // namespace hopper::spec::detail

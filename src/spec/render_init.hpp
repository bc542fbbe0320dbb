// The commented cluster.yaml that `hopper init` writes: every field with its value and a line
// on what it does, so that the file is its own short manual. Loading the rendered text gives
// back exactly the spec the options describe (the defaults round-trip, tested).
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "spec/defaults.hpp"
#include "util/cidr.hpp"

namespace hopper::spec {

struct InitOptions {
  std::string name = "hopper";
  std::string region = "eu-west-1";
  // Zone names, full ("eu-west-1b") or as a bare letter ("b"); empty means the region's first
  // zone. Subnets are carved from the default VPC 10.0.0.0/16 (see defaults.hpp).
  std::vector<std::string> zones;
  std::string ssh_public_key_path = std::string(k_default_public_key_path);
  // Fills bastion.sshAllowedCIDRs; nullopt leaves the list empty, with a comment.
  std::optional<util::Cidr> admin_cidr;
};

// Why the options cannot make a valid spec, one sentence per problem naming the flag, with the
// same wording `hopper validate` uses ("--region: 'eu-west-9' is not an AWS region hopper knows
// (did you mean eu-west-1?)"). Empty when the options are fine. The public key file is not
// checked here: init may run before the key exists.
std::vector<std::string> check_init_options(const InitOptions& options);

// `options.zones` with bare letters expanded, or the region's first zone when empty.
std::vector<std::string> init_zone_names(const InitOptions& options);

// The commented YAML. REQUIRES: check_init_options(options) is empty.
std::string render_init(const InitOptions& options);

}  // namespace hopper::spec

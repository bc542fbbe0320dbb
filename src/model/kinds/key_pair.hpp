// The cluster's EC2 key pair, imported from the user's OpenSSH public key. AWS keeps only a
// fingerprint, so the key's SHA-256 is kept in a tag and compared: a different key replaces it.
#pragma once

#include <memory>
#include <string>

#include "model/resource.hpp"

namespace hopper::model::kinds {

const Kind& key_pair_kind();
std::unique_ptr<Resource> make_key_pair(const std::string& key_name, const std::string& public_key);

// The tag holding the SHA-256 (hex) of the imported public key line.
inline constexpr std::string_view k_tag_public_key_hash = "hopper/public-key-sha256";

}  // namespace hopper::model::kinds

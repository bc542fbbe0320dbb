// Hashes and MACs over OpenSSL 3 (EVP). Pure functions of their inputs; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "util/result.hpp"

namespace hopper::crypto {

// Raw 32-byte SHA-256 digest.
std::string sha256(std::string_view data);
// Lowercase hex SHA-256.
std::string sha256_hex(std::string_view data);
// Raw 32-byte HMAC-SHA256 of `data` under `key`.
std::string hmac_sha256(std::string_view key, std::string_view data);
// `n` bytes from OpenSSL's CSPRNG. Aborts only if the CSPRNG itself fails (never in practice).
std::string random_bytes(std::size_t n);
// Constant-time comparison (for signatures).
bool constant_time_equals(std::string_view a, std::string_view b);

}  // namespace hopper::crypto

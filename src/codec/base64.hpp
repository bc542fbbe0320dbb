// Base64 (RFC 4648, standard alphabet, padded). Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hopper::codec {

std::string base64_encode(std::string_view bytes);
// nullopt on characters outside the alphabet or bad padding; whitespace is ignored.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace hopper::codec

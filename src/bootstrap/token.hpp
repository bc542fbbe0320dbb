// kubeadm bootstrap tokens: "<id>.<secret>", 6 and 16 characters of [a-z0-9]
// (^[a-z0-9]{6}\.[a-z0-9]{16}$). Workers present one to join; hopper makes the first, the control
// plane's refresh timer makes the later ones.
//
// Thread-safety: pure (random bytes from OpenSSL's CSPRNG).
#pragma once

#include <string>
#include <string_view>

namespace hopper::bootstrap {

// A fresh random token in kubeadm's format.
std::string generate_join_token();

// True when `token` has kubeadm's format exactly.
bool is_valid_join_token(std::string_view token);

// The public half of a token ("abcdef" of "abcdef.0123456789abcdef"); empty when malformed.
std::string join_token_id(std::string_view token);

}  // namespace hopper::bootstrap

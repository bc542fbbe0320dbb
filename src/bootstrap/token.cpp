#include "bootstrap/token.hpp"

#include "crypto/digest.hpp"

namespace hopper::bootstrap {
namespace {

constexpr std::string_view k_alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

bool is_token_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// `n` characters drawn uniformly from k_alphabet (rejection sampling: 252 = 7 * 36).
std::string random_chars(std::size_t n) {
  std::string out;
  while (out.size() < n) {
    for (const char byte : crypto::random_bytes(n)) {
      const auto value = static_cast<unsigned char>(byte);
      if (value >= 252) continue;
      out.push_back(k_alphabet[value % k_alphabet.size()]);
      if (out.size() == n) break;
    }
  }
  return out;
}

}  // namespace

std::string generate_join_token() { return random_chars(6) + "." + random_chars(16); }

bool is_valid_join_token(std::string_view token) {
  if (token.size() != 23 || token[6] != '.') return false;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (i != 6 && !is_token_char(token[i])) return false;
  }
  return true;
}

std::string join_token_id(std::string_view token) {
  return is_valid_join_token(token) ? std::string(token.substr(0, 6)) : std::string();
}

}  // namespace hopper::bootstrap

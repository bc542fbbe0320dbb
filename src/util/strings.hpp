// Small string helpers with no project knowledge. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hopper::util {

// Splits on every `sep`; keeps empty fields ("a,,b" -> {"a","","b"}; "" -> {""}).
std::vector<std::string> split(std::string_view text, char sep);
// Splits on runs of ASCII whitespace; no empty fields.
std::vector<std::string> split_words(std::string_view text);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
std::string_view trim(std::string_view text);
std::string to_lower(std::string_view text);
std::string to_upper(std::string_view text);
bool iequals(std::string_view a, std::string_view b);
// Replaces every occurrence of `from` (non-empty) with `to`.
std::string replace_all(std::string_view text, std::string_view from, std::string_view to);
// Levenshtein distance, for did-you-mean suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);
// The candidate closest to `word` within a small distance, or "" if none is close.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);
// Lowercase hex of bytes.
std::string hex_encode(std::string_view bytes);
// Quotes for display: "a b" -> "'a b'" only when it needs quoting for a POSIX shell.
std::string shell_quote(std::string_view word);

// The integer `text` starts with (as std::stoi reads it: leading blanks, a sign, then digits), or
// 0 when there is none or it does not fit in an int. For values shown, never for validation.
int int_or_zero(const std::string& text);

}  // namespace hopper::util

// Namespace-agnostic helpers over pugixml for AWS responses.
//
// AWS and its emulators disagree on namespace URIs (trailing slash, http vs https) and may use
// prefixes, so lookups compare local names only. Pure; thread-safe on distinct documents.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "util/result.hpp"

namespace hopper::codec {

// The element name without any "prefix:".
std::string_view local_name(const pugi::xml_node& node);
// First child element whose local name is `name` (empty node when none).
pugi::xml_node child(const pugi::xml_node& node, std::string_view name);
// Follows a path of local names: child(child(node, "a"), "b") for "a/b".
pugi::xml_node path(const pugi::xml_node& node, std::string_view slash_path);
// Every child element whose local name is `name`.
std::vector<pugi::xml_node> children(const pugi::xml_node& node, std::string_view name);
// The text of child `name` (empty string when absent).
std::string text(const pugi::xml_node& node, std::string_view name);
// The text of child `name`, or nullopt when the element is absent.
std::optional<std::string> optional_text(const pugi::xml_node& node, std::string_view name);
// Child `name` as a bool ("true"/"false"); `fallback` when absent or unparsable.
bool bool_text(const pugi::xml_node& node, std::string_view name, bool fallback = false);
// Child `name` as an integer; `fallback` when absent or unparsable.
long long int_text(const pugi::xml_node& node, std::string_view name, long long fallback = 0);
// The `item` (EC2) or `member` (Query) elements under the list element `list_name`.
std::vector<pugi::xml_node> items(const pugi::xml_node& node, std::string_view list_name);

// Parses `text` into `document`; an Error names what is wrong (never throws, never crashes).
util::Status parse_xml(std::string_view text, pugi::xml_document& document);

// Escapes &, <, >, " and ' for element text or attribute values.
std::string xml_escape(std::string_view text);

}  // namespace hopper::codec

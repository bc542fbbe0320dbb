#include "codec/xml.hpp"

#include <charconv>

namespace hopper::codec {

std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c) == name) return c;
  }
  return {};
}

pugi::xml_node path(const pugi::xml_node& node, std::string_view slash_path) {
  pugi::xml_node current = node;
  while (!slash_path.empty() && current) {
    const std::size_t slash = slash_path.find('/');
    current = child(current, slash_path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    slash_path.remove_prefix(slash + 1);
  }
  return current;
}

std::vector<pugi::xml_node> children(const pugi::xml_node& node, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c) == name) out.push_back(c);
  }
  return out;
}

std::string text(const pugi::xml_node& node, std::string_view name) {
  return child(node, name).child_value();
}

std::optional<std::string> optional_text(const pugi::xml_node& node, std::string_view name) {
  const pugi::xml_node c = child(node, name);
  if (!c) return std::nullopt;
  return std::string(c.child_value());
}

bool bool_text(const pugi::xml_node& node, std::string_view name, bool fallback) {
  const std::string_view value = child(node, name).child_value();
  if (value == "true") return true;
  if (value == "false") return false;
  return fallback;
}

long long int_text(const pugi::xml_node& node, std::string_view name, long long fallback) {
  const std::string_view value = child(node, name).child_value();
  long long out = 0;
  const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (ec != std::errc() || ptr != value.data() + value.size() || value.empty()) return fallback;
  return out;
}

std::vector<pugi::xml_node> items(const pugi::xml_node& node, std::string_view list_name) {
  std::vector<pugi::xml_node> out;
  const pugi::xml_node list = child(node, list_name);
  for (pugi::xml_node c = list.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view n = local_name(c);
    if (n == "item" || n == "member") out.push_back(c);
  }
  return out;
}

util::Status parse_xml(std::string_view text, pugi::xml_document& document) {
  const pugi::xml_parse_result result =
      document.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    return util::Error::failed(std::string("malformed XML at byte ") + std::to_string(result.offset) +
                               ": " + result.description());
  }
  if (!document.document_element()) return util::Error::failed("XML document has no root element");
  return {};
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace hopper::codec

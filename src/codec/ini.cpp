#include "codec/ini.hpp"

#include <cctype>

#include "util/strings.hpp"

namespace hopper::codec {

const IniSection* IniFile::section(const std::string& name) const {
  const auto it = sections.find(name);
  return it == sections.end() ? nullptr : &it->second;
}

util::Result<IniFile> parse_ini(std::string_view text, const std::string& display_name) {
  IniFile file;
  IniSection* current = nullptr;
  std::string parent_key;  // a key with an empty value whose indented lines follow
  int line_number = 0;
  for (const auto& raw : util::split(text, '\n')) {
    ++line_number;
    std::string_view line = raw;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const bool indented = !line.empty() && std::isspace(static_cast<unsigned char>(line.front()));
    const std::string_view content = util::trim(line);
    if (content.empty() || content.front() == '#' || content.front() == ';') continue;
    const auto where = [&] { return display_name + ":" + std::to_string(line_number) + ": "; };
    if (content.front() == '[') {
      if (content.back() != ']') return util::Error::failed(where() + "unclosed section header");
      const std::string name(util::trim(content.substr(1, content.size() - 2)));
      current = &file.sections[name];
      parent_key.clear();
      continue;
    }
    const std::size_t eq = content.find('=');
    if (eq == std::string_view::npos) {
      return util::Error::failed(where() + "expected 'key = value'");
    }
    if (current == nullptr) return util::Error::failed(where() + "setting outside any [section]");
    const std::string key = util::to_lower(util::trim(content.substr(0, eq)));
    std::string value(util::trim(content.substr(eq + 1)));
    // Inline comments need whitespace before them, as in botocore: "a = b ; c" -> "b".
    for (const char* marker : {" #", " ;", "\t#", "\t;"}) {
      const std::size_t pos = value.find(marker);
      if (pos != std::string::npos) value = std::string(util::trim(value.substr(0, pos)));
    }
    if (indented && !parent_key.empty()) {
      (*current)[parent_key + "." + key] = value;
      continue;
    }
    (*current)[key] = value;
    parent_key = value.empty() ? key : std::string();
  }
  return file;
}

}  // namespace hopper::codec

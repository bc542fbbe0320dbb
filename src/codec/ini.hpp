// INI files as the AWS CLI writes them (~/.aws/config, ~/.aws/credentials).
//
// `[section]` headers (names trimmed, inner spaces kept: "profile dev"), `key = value` lines,
// full-line comments starting with # or ;, and nested sub-sections: a key with an empty value
// followed by indented `sub = value` lines is stored as "key.sub" (the `[services x]` form).
// Pure; thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "util/result.hpp"

namespace hopper::codec {

using IniSection = std::map<std::string, std::string>;

struct IniFile {
  std::map<std::string, IniSection> sections;
  // The section named `name`, or nullptr.
  const IniSection* section(const std::string& name) const;
};

// Parses `text`; `display_name` names the file in errors ("~/.aws/config:3: ...").
util::Result<IniFile> parse_ini(std::string_view text, const std::string& display_name);

}  // namespace hopper::codec

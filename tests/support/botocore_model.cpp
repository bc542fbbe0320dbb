#include "support/botocore_model.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "util/strings.hpp"

namespace hopper::test {

namespace fs = std::filesystem;

BotocoreModel::BotocoreModel(const std::string& service) {
  const fs::path root = fs::path("/usr/lib/python3/dist-packages/botocore/data") / service;
  fs::path file;
  if (fs::exists(root)) {
    // The newest API version folder.
    std::vector<fs::path> versions;
    for (const auto& entry : fs::directory_iterator(root)) {
      if (entry.is_directory()) versions.push_back(entry.path());
    }
    std::sort(versions.begin(), versions.end());
    if (!versions.empty()) file = versions.back() / "service-2.json";
  }
  if (file.empty() || !fs::exists(file)) {
    ADD_FAILURE() << "botocore model for " << service << " not found under " << root
                  << " (scripts/install-deps.sh installs python3-botocore)";
    return;
  }
  std::ifstream in(file);
  m_model = nlohmann::json::parse(in);
  m_protocol = m_model["metadata"]["protocol"];
}

bool BotocoreModel::has_operation(const std::string& operation) const {
  return m_model.contains("operations") && m_model["operations"].contains(operation);
}

std::string BotocoreModel::wire_name(const std::string& member_name, const nlohmann::json& member) const {
  if (m_protocol == "ec2") {
    if (member.contains("queryName")) return member["queryName"];
    if (member.contains("locationName")) {
      std::string name = member["locationName"];
      name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
      return name;
    }
    return member_name;
  }
  if (member.contains("locationName")) return member["locationName"];
  return member_name;
}

void BotocoreModel::check_value(const std::string& where, const std::string& shape_name,
                                const std::vector<std::string>& parts, std::size_t index, const std::string& value,
                                std::vector<std::string>& problems) const {
  const auto& shape = m_model["shapes"][shape_name];
  const std::string type = shape["type"];
  if (type == "structure") {
    if (index >= parts.size()) {
      problems.push_back(where + ": a structure cannot take a value");
      return;
    }
    for (const auto& [name, member] : shape["members"].items()) {
      if (wire_name(name, member) == parts[index]) {
        check_value(where, member["shape"], parts, index + 1, value, problems);
        return;
      }
    }
    std::vector<std::string> known;
    for (const auto& [name, member] : shape["members"].items()) known.push_back(wire_name(name, member));
    problems.push_back(where + ": '" + parts[index] + "' is not a member of " + shape_name + " (members: " +
                       util::join(known, ", ") + ")");
    return;
  }
  if (type == "list") {
    std::size_t next = index;
    const bool flattened = m_protocol == "ec2" || shape.value("flattened", false);
    if (!flattened) {
      const std::string member_word = shape["member"].value("locationName", std::string("member"));
      if (next >= parts.size() || parts[next] != member_word) {
        problems.push_back(where + ": list " + shape_name + " must be encoded as ." + member_word + ".N");
        return;
      }
      ++next;
    }
    if (next >= parts.size() || parts[next].empty() ||
        !std::all_of(parts[next].begin(), parts[next].end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) ||
        parts[next] == "0") {
      problems.push_back(where + ": list " + shape_name + " needs a 1-based index");
      return;
    }
    check_value(where, shape["member"]["shape"], parts, next + 1, value, problems);
    return;
  }
  if (type == "map") {
    problems.push_back(where + ": map shapes are not used by hopper's requests");
    return;
  }
  if (index != parts.size()) {
    problems.push_back(where + ": scalar " + shape_name + " has no member '" + parts[index] + "'");
    return;
  }
  if (type == "boolean" && value != "true" && value != "false") {
    problems.push_back(where + ": boolean must be true or false, got '" + value + "'");
  }
  if ((type == "integer" || type == "long") &&
      (value.empty() || !std::all_of(value.begin() + (value[0] == '-' ? 1 : 0), value.end(),
                                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))) {
    problems.push_back(where + ": integer expected, got '" + value + "'");
  }
  if (shape.contains("enum")) {
    bool allowed = false;
    for (const auto& option : shape["enum"]) allowed = allowed || option == value;
    if (!allowed) problems.push_back(where + ": '" + value + "' is not a value of enum " + shape_name);
  }
}

std::vector<std::string> BotocoreModel::check_query(
    const std::string& operation, const std::vector<std::pair<std::string, std::string>>& params) const {
  std::vector<std::string> problems;
  if (!has_operation(operation)) return {"operation " + operation + " is not in the model"};
  const std::string input = m_model["operations"][operation]["input"]["shape"];
  std::set<std::string> top_level;
  for (const auto& [key, value] : params) {
    if (key == "Action" || key == "Version") continue;
    const auto parts = util::split(key, '.');
    top_level.insert(parts.front());
    check_value(operation + " " + key, input, parts, 0, value, problems);
  }
  const auto& shape = m_model["shapes"][input];
  if (shape.contains("required")) {
    for (const auto& required : shape["required"]) {
      const std::string wire = wire_name(required, shape["members"][required.get<std::string>()]);
      if (!top_level.count(wire)) problems.push_back(operation + ": required member " + wire + " is missing");
    }
  }
  return problems;
}

void BotocoreModel::check_json_value(const std::string& where, const std::string& shape_name,
                                     const nlohmann::json& value, std::vector<std::string>& problems) const {
  const auto& shape = m_model["shapes"][shape_name];
  const std::string type = shape["type"];
  if (type == "structure") {
    if (!value.is_object()) {
      problems.push_back(where + ": object expected");
      return;
    }
    for (const auto& [key, v] : value.items()) {
      if (!shape["members"].contains(key)) {
        problems.push_back(where + "." + key + ": not a member of " + shape_name);
        continue;
      }
      check_json_value(where + "." + key, shape["members"][key]["shape"], v, problems);
    }
    if (shape.contains("required")) {
      for (const auto& required : shape["required"]) {
        if (!value.contains(required.get<std::string>())) {
          problems.push_back(where + ": required member " + required.get<std::string>() + " is missing");
        }
      }
    }
  } else if (type == "list") {
    if (!value.is_array()) {
      problems.push_back(where + ": array expected");
      return;
    }
    for (const auto& v : value) check_json_value(where + "[]", shape["member"]["shape"], v, problems);
  } else if (type == "string") {
    if (!value.is_string()) problems.push_back(where + ": string expected");
    if (value.is_string() && shape.contains("enum")) {
      bool allowed = false;
      for (const auto& option : shape["enum"]) allowed = allowed || option == value;
      if (!allowed) problems.push_back(where + ": not a value of enum " + shape_name);
    }
  } else if (type == "boolean") {
    if (!value.is_boolean()) problems.push_back(where + ": boolean expected");
  } else if (type == "integer" || type == "long") {
    if (!value.is_number_integer()) problems.push_back(where + ": integer expected");
  }
}

std::vector<std::string> BotocoreModel::check_json(const std::string& operation, const nlohmann::json& body) const {
  std::vector<std::string> problems;
  if (!has_operation(operation)) return {"operation " + operation + " is not in the model"};
  check_json_value(operation, m_model["operations"][operation]["input"]["shape"], body, problems);
  return problems;
}

}  // namespace hopper::test

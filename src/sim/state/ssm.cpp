// SSM Parameter Store (JSON 1.1): String/StringList/SecureString parameters with versions and
// tags, paths, and Canonical's public Ubuntu AMI parameters.
#include "codec/base64.hpp"
#include "sim/state/ec2_common.hpp"
#include "sim/state/families.hpp"
#include "util/strings.hpp"

namespace hopper::sim {
namespace {

constexpr const char* k_parameters = "parameters";

double epoch_seconds(long long ms) { return static_cast<double>(ms) / 1000.0; }

Json& need_parameter(Call& call, const std::string& name) {
  Json* parameter = find(call.rs(), k_parameters, name, &call.world);
  if (parameter == nullptr) fail("ParameterNotFound", "Parameter " + name + " not found.");
  return *parameter;
}

std::string arn_of(Call& call, const std::string& name) {
  return "arn:aws:ssm:" + call.region + ":" + k_account + ":parameter" + (name.rfind('/', 0) == 0 ? "" : "/") + name;
}

Json value_view(Call& call, const Json& p, bool decrypt) {
  std::string value = p.value("_value", "");
  if (p.value("Type", "") == "SecureString" && !decrypt) {
    value = codec::base64_encode("sim-kms:" + p.value("KeyId", "alias/aws/ssm") + ":" + value);
  }
  return {{"Name", p["Name"]}, {"Type", p["Type"]}, {"Value", value}, {"Version", p["Version"]},
          {"LastModifiedDate", p["LastModifiedDate"]}, {"ARN", arn_of(call, p.value("Name", ""))},
          {"DataType", p.value("DataType", "text")}};
}

Json metadata_view(const Json& p) {
  Json out = p;
  for (const char* key : {"_value", "_tags", "_public", "_seq"}) out.erase(key);
  return out;
}

Json put_parameter(Call& call) {
  const std::string name = call.need("Name");
  if (!call.body.contains("Value")) call.missing("Value");
  const std::string value = call.get("Value");
  const std::string type = call.get("Type", "String");
  if (type != "String" && type != "StringList" && type != "SecureString") {
    fail("ValidationException", "1 validation error detected: Value '" + type + "' at 'type' failed to satisfy constraint: "
                                "Member must satisfy enum value set: [SecureString, StringList, String]");
  }
  if (name.rfind("/aws/", 0) == 0) fail("AccessDeniedException", "No access to reserved parameter name: " + name + ".");
  const bool overwrite = call.body.value("Overwrite", false);
  if (overwrite && call.body.contains("Tags")) {
    fail("ValidationException", "Invalid request: tags and overwrite can't be used together. To create a parameter with "
                                "tags, please remove overwrite flag. To update tags for an existing parameter, please "
                                "use AddTagsToResource or RemoveTagsFromResource.");
  }
  Json* existing = find(call.rs(), k_parameters, name);
  if (existing != nullptr && !overwrite) {
    fail("ParameterAlreadyExists", "The parameter already exists. To overwrite this value, set the overwrite option in "
                                   "the request to true.");
  }
  const long long version = existing ? existing->value("Version", 0LL) + 1 : 1;
  Json parameter = {{"Name", name}, {"Type", type}, {"Version", version},
                    {"LastModifiedDate", epoch_seconds(call.world.now())},
                    {"LastModifiedUser", "arn:aws:iam::" + std::string(k_account) + ":user/hopper-sim"},
                    {"Tier", call.get("Tier", "Standard")}, {"DataType", call.get("DataType", "text")},
                    {"Policies", Json::array()}, {"_value", value}};
  if (type == "SecureString") parameter["KeyId"] = call.get("KeyId", "alias/aws/ssm");
  if (auto description = call.opt("Description")) parameter["Description"] = *description;
  if (existing != nullptr) {
    parameter["_tags"] = (*existing)["_tags"];
    parameter["_seq"] = (*existing)["_seq"];
    *existing = parameter;
    call.world.changed();
  } else {
    parameter["_tags"] = key_value_tags(call.body.value("Tags", Json::array()));
    insert(call.world, call.rs(), k_parameters, name, std::move(parameter));
  }
  return {{"Version", version}, {"Tier", call.get("Tier", "Standard")}};
}

Json get_parameter(Call& call) {
  std::string name = call.need("Name");
  if (const auto colon = name.rfind(':'); colon != std::string::npos && name.rfind("arn:", 0) != 0) name = name.substr(0, colon);
  return {{"Parameter", value_view(call, need_parameter(call, name), call.body.value("WithDecryption", false))}};
}

Json get_parameters_by_path(Call& call) {
  std::string path = call.need("Path");
  if (path.empty() || path[0] != '/') fail("ValidationException", "The parameter doesn't meet the parameter name requirements.");
  if (path.back() != '/') path += '/';
  const bool recursive = call.body.value("Recursive", false);
  const bool decrypt = call.body.value("WithDecryption", false);
  const long long max = call.body.value("MaxResults", 10LL);
  if (max < 1 || max > 10) fail("ValidationException", "1 validation error detected: Value '" + std::to_string(max) +
                                                           "' at 'maxResults' failed to satisfy constraint: Member must "
                                                           "have value less than or equal to 10");
  std::vector<Json*> items;
  for (Json* p : in_order(collection(call.rs(), k_parameters))) {
    const std::string name = p->value("Name", "");
    if (name.rfind(path, 0) != 0) continue;
    if (!recursive && name.find('/', path.size()) != std::string::npos) continue;
    items.push_back(p);
  }
  const Page page = paginate(items, call.opt("NextToken"), max, "InvalidNextToken");
  Json list = Json::array();
  for (const Json* p : page.items) list.push_back(value_view(call, *p, decrypt));
  Json out = {{"Parameters", list}};
  if (!page.next_token.empty()) out["NextToken"] = page.next_token;
  return out;
}

Json delete_parameter(Call& call) {
  const std::string name = call.need("Name");
  need_parameter(call, name);
  erase(call.world, call.rs(), k_parameters, name);
  return Json::object();
}

Json delete_parameters(Call& call) {
  if (!call.body.contains("Names") || !call.body["Names"].is_array()) call.missing("Names");
  Json deleted = Json::array();
  Json invalid = Json::array();
  for (const auto& item : call.body["Names"]) {
    if (!item.is_string()) continue;
    const std::string name = item.get<std::string>();
    if (find(call.rs(), k_parameters, name)) {
      erase(call.world, call.rs(), k_parameters, name);
      deleted.push_back(name);
    } else {
      invalid.push_back(name);
    }
  }
  return {{"DeletedParameters", deleted}, {"InvalidParameters", invalid}};
}

bool passes(const Json& p, const Json& filter) {
  const std::string key = filter.value("Key", "");
  const std::string option = filter.value("Option", "Equals");
  const Json values = filter.value("Values", Json::array());
  const std::string name = p.value("Name", "");
  for (const auto& v : values) {
    if (!v.is_string()) continue;
    const std::string value = v.get<std::string>();
    if (key == "Name" && (option == "BeginsWith" ? name.rfind(value, 0) == 0 : option == "Contains" ? name.find(value) != std::string::npos : name == value)) return true;
    if (key == "Type" && p.value("Type", "") == value) return true;
    if (key == "KeyId" && p.value("KeyId", "") == value) return true;
    if (key == "Path") {
      std::string path = value.back() == '/' ? value : value + "/";
      if (name.rfind(path, 0) == 0 && (option == "Recursive" || name.find('/', path.size()) == std::string::npos)) return true;
    }
    if (key.rfind("tag:", 0) == 0) {
      const auto it = p["_tags"].find(key.substr(4));
      if (it != p["_tags"].end() && *it == value) return true;
    }
  }
  if (key.rfind("tag:", 0) == 0 && values.empty()) return p["_tags"].contains(key.substr(4));
  return false;
}

Json describe_parameters(Call& call) {
  const Json filters = call.body.value("ParameterFilters", Json::array());
  std::vector<Json*> items;
  for (Json* p : in_order(collection(call.rs(), k_parameters))) {
    if (p->value("_public", false)) continue;
    bool keep = true;
    for (const auto& filter : filters) keep = keep && passes(*p, filter);
    if (keep) items.push_back(p);
  }
  const Page page = paginate(items, call.opt("NextToken"), call.body.value("MaxResults", 50LL), "InvalidNextToken");
  Json list = Json::array();
  for (const Json* p : page.items) list.push_back(metadata_view(*p));
  Json out = {{"Parameters", list}};
  if (!page.next_token.empty()) out["NextToken"] = page.next_token;
  return out;
}

Json& tagged_parameter(Call& call) {
  if (call.get("ResourceType") != "Parameter") {
    fail("InvalidResourceType", "The resource type " + call.get("ResourceType") + " is not supported by the simulator.");
  }
  Json* p = find(call.rs(), k_parameters, call.need("ResourceId"), &call.world);
  if (p == nullptr) fail("InvalidResourceId", "The resource ID \"" + call.get("ResourceId") + "\" is not valid. Verify the ID and try again.");
  return *p;
}

Json list_tags_for_resource(Call& call) {
  Json& p = tagged_parameter(call);
  Tags tags;
  for (const auto& [key, value] : p["_tags"].items()) tags[key] = value.get<std::string>();
  return {{"TagList", key_value_list(tags)}};
}

Json add_tags_to_resource(Call& call) {
  Json& p = tagged_parameter(call);
  for (const auto& [key, value] : key_value_tags(call.body.value("Tags", Json::array()))) p["_tags"][key] = value;
  call.world.changed();
  return Json::object();
}

Json remove_tags_from_resource(Call& call) {
  Json& p = tagged_parameter(call);
  for (const auto& key : call.body.value("TagKeys", Json::array())) if (key.is_string()) p["_tags"].erase(key.get<std::string>());
  call.world.changed();
  return Json::object();
}

}  // namespace

// Canonical's public parameters for the current Ubuntu 24.04 images of `region`.
void seed_public_parameters(World& world, Json& region) {
  for (const auto& [arch, image_arch] : {std::pair<std::string, std::string>{"amd64", "x86_64"}, {"arm64", "arm64"}}) {
    std::string image_id;
    for (auto& [id, image] : collection(region, col::images).items()) {
      if (image.value("architecture", "") == image_arch && image.value("name", "").find("noble-24.04") != std::string::npos) image_id = id;
    }
    const std::string name = "/aws/service/canonical/ubuntu/server/24.04/stable/current/" + arch + "/hvm/ebs-gp3/ami-id";
    collection(region, k_parameters)[name] = {{"Name", name}, {"Type", "String"}, {"Version", 1},
                                               {"LastModifiedDate", 1747383153.0}, {"DataType", "aws:ec2:image"},
                                               {"Tier", "Standard"}, {"_value", image_id}, {"_public", true},
                                               {"_tags", Json::object()}, {"_seq", world.next_seq()}};
  }
}

void register_ssm(Registry& r) {
  using aws::Service;
  r.add(Service::ssm, "PutParameter", put_parameter);
  r.add(Service::ssm, "GetParameter", get_parameter);
  r.add(Service::ssm, "GetParametersByPath", get_parameters_by_path);
  r.add(Service::ssm, "DeleteParameter", delete_parameter);
  r.add(Service::ssm, "DeleteParameters", delete_parameters);
  r.add(Service::ssm, "DescribeParameters", describe_parameters);
  r.add(Service::ssm, "ListTagsForResource", list_tags_for_resource);
  r.add(Service::ssm, "AddTagsToResource", add_tags_to_resource);
  r.add(Service::ssm, "RemoveTagsFromResource", remove_tags_from_resource);
}

}  // namespace hopper::sim

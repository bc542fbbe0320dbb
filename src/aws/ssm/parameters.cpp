#include "aws/ssm/parameters.hpp"

#include <algorithm>

namespace hopper::aws::ssm {
namespace {

// DeleteParameters takes at most 10 names a call.
constexpr std::size_t k_delete_batch = 10;

std::vector<std::string> string_list(const nlohmann::json& object, const char* key) {
  std::vector<std::string> out;
  if (!object.is_object()) return out;
  const auto it = object.find(key);
  if (it == object.end() || !it->is_array()) return out;
  for (const auto& item : *it) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

}  // namespace

Parameter decode_parameter(const nlohmann::json& object) {
  Parameter parameter;
  parameter.name = json_string(object, "Name");
  parameter.type = json_string(object, "Type");
  parameter.value = json_string(object, "Value");
  parameter.version = json_int(object, "Version");
  parameter.last_modified = json_timestamp(object, "LastModifiedDate");
  parameter.arn = json_string(object, "ARN");
  parameter.data_type = json_string(object, "DataType");
  return parameter;
}

ParameterMetadata decode_parameter_metadata(const nlohmann::json& object) {
  ParameterMetadata metadata;
  metadata.name = json_string(object, "Name");
  metadata.arn = json_string(object, "ARN");
  metadata.type = json_string(object, "Type");
  metadata.key_id = json_string(object, "KeyId");
  metadata.description = json_string(object, "Description");
  metadata.last_modified = json_timestamp(object, "LastModifiedDate");
  metadata.last_modified_user = json_string(object, "LastModifiedUser");
  metadata.version = json_int(object, "Version");
  metadata.tier = json_string(object, "Tier");
  metadata.data_type = json_string(object, "DataType");
  return metadata;
}

util::Result<long long> put_parameter(const Client& client, const PutParameterRequest& request) {
  nlohmann::json body = {{"Name", request.name}, {"Value", request.value}, {"Type", request.type}};
  if (!request.description.empty()) body["Description"] = request.description;
  if (request.overwrite) {
    body["Overwrite"] = true;
  } else if (!request.tags.empty()) {
    body["Tags"] = encode_tags(request.tags);
  }
  if (request.key_id) body["KeyId"] = *request.key_id;
  if (!request.tier.empty()) body["Tier"] = request.tier;
  if (!request.data_type.empty()) body["DataType"] = request.data_type;
  HOPPER_ASSIGN(const nlohmann::json response, client.call("PutParameter", body));
  return json_int(response, "Version");
}

util::Result<Parameter> get_parameter(const Client& client, const std::string& name, bool with_decryption) {
  const nlohmann::json body = {{"Name", name}, {"WithDecryption", with_decryption}};
  HOPPER_ASSIGN(const nlohmann::json response, client.call("GetParameter", body));
  const auto it = response.find("Parameter");
  if (it == response.end() || !it->is_object()) {
    return util::Error::failed("ssm GetParameter: answer has no Parameter");
  }
  return decode_parameter(*it);
}

util::Result<std::vector<Parameter>> get_parameters_by_path(const Client& client, const std::string& path,
                                                            bool recursive, bool with_decryption, int page_size) {
  const nlohmann::json body = {{"Path", path}, {"Recursive", recursive}, {"WithDecryption", with_decryption}};
  return client.paginate<Parameter>("GetParametersByPath", body, "Parameters", decode_parameter, page_size);
}

util::Status delete_parameter(const Client& client, const std::string& name) {
  HOPPER_TRY(client.call("DeleteParameter", {{"Name", name}}));
  return {};
}

util::Result<DeleteParametersResult> delete_parameters(const Client& client, const std::vector<std::string>& names) {
  DeleteParametersResult result;
  for (std::size_t start = 0; start < names.size(); start += k_delete_batch) {
    const auto first = names.begin() + static_cast<std::ptrdiff_t>(start);
    const auto last = names.begin() + static_cast<std::ptrdiff_t>(std::min(names.size(), start + k_delete_batch));
    const nlohmann::json body = {{"Names", std::vector<std::string>(first, last)}};
    HOPPER_ASSIGN(const nlohmann::json response, client.call("DeleteParameters", body));
    for (auto& name : string_list(response, "DeletedParameters")) result.deleted.push_back(std::move(name));
    for (auto& name : string_list(response, "InvalidParameters")) result.invalid.push_back(std::move(name));
  }
  return result;
}

util::Result<std::vector<ParameterMetadata>> describe_parameters(const Client& client,
                                                                 const std::vector<ParameterFilter>& filters,
                                                                 int page_size) {
  nlohmann::json body = nlohmann::json::object();
  if (!filters.empty()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& filter : filters) {
      nlohmann::json entry = {{"Key", filter.key}, {"Values", filter.values}};
      if (!filter.option.empty()) entry["Option"] = filter.option;
      list.push_back(std::move(entry));
    }
    body["ParameterFilters"] = std::move(list);
  }
  return client.paginate<ParameterMetadata>("DescribeParameters", body, "Parameters", decode_parameter_metadata,
                                            page_size);
}

util::Result<Tags> list_parameter_tags(const Client& client, const std::string& name) {
  const nlohmann::json body = {{"ResourceType", "Parameter"}, {"ResourceId", name}};
  HOPPER_ASSIGN(const nlohmann::json response, client.call("ListTagsForResource", body));
  const auto it = response.find("TagList");
  return it == response.end() ? Tags{} : decode_tags(*it);
}

util::Status add_parameter_tags(const Client& client, const std::string& name, const Tags& tags) {
  if (tags.empty()) return {};
  const nlohmann::json body = {{"ResourceType", "Parameter"}, {"ResourceId", name}, {"Tags", encode_tags(tags)}};
  HOPPER_TRY(client.call("AddTagsToResource", body));
  return {};
}

}  // namespace hopper::aws::ssm

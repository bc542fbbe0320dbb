// Launch templates and their versions.
#include "sim/state/ec2_common.hpp"
#include "sim/state/families.hpp"

namespace hopper::sim {
namespace {

// LaunchTemplateData.* as the DescribeLaunchTemplateVersions shape.
Json parse_data(Call& call) {
  const Params p = call.params.sub("LaunchTemplateData");
  Json data = Json::object();
  for (const auto& [wire, key] : std::vector<std::pair<std::string, std::string>>{
           {"ImageId", "imageId"}, {"InstanceType", "instanceType"}, {"KeyName", "keyName"}, {"UserData", "userData"}}) {
    if (auto value = p.get(wire)) data[key] = *value;
  }
  if (auto ids = p.list("SecurityGroupId"); !ids.empty()) data["securityGroupIdSet"] = ids;
  if (auto names = p.list("SecurityGroup"); !names.empty()) data["securityGroupSet"] = names;
  if (auto name = p.get("IamInstanceProfile.Name")) data["iamInstanceProfile"]["name"] = *name;
  if (auto arn = p.get("IamInstanceProfile.Arn")) data["iamInstanceProfile"]["arn"] = *arn;
  if (auto tokens = p.get("MetadataOptions.HttpTokens")) data["metadataOptions"]["httpTokens"] = *tokens;
  if (auto hop = p.get("MetadataOptions.HttpPutResponseHopLimit")) data["metadataOptions"]["httpPutResponseHopLimit"] = std::atoll(hop->c_str());
  if (auto endpoint = p.get("MetadataOptions.HttpEndpoint")) data["metadataOptions"]["httpEndpoint"] = *endpoint;
  for (int n : p.indexes("BlockDeviceMapping")) {
    const Params d = p.sub("BlockDeviceMapping." + std::to_string(n));
    Json device = {{"deviceName", d.get("DeviceName").value_or("")}, {"ebs", Json::object()}};
    if (auto size = d.get("Ebs.VolumeSize")) device["ebs"]["volumeSize"] = std::atoll(size->c_str());
    if (auto type = d.get("Ebs.VolumeType")) device["ebs"]["volumeType"] = *type;
    if (auto del = d.get("Ebs.DeleteOnTermination")) device["ebs"]["deleteOnTermination"] = *del == "true";
    if (auto enc = d.get("Ebs.Encrypted")) device["ebs"]["encrypted"] = *enc == "true";
    data["blockDeviceMappingSet"].push_back(device);
  }
  for (int n : p.indexes("NetworkInterface")) {
    const Params nic = p.sub("NetworkInterface." + std::to_string(n));
    Json item = {{"deviceIndex", std::atoll(nic.get("DeviceIndex").value_or("0").c_str())}};
    if (auto pub = nic.get("AssociatePublicIpAddress")) item["associatePublicIpAddress"] = *pub == "true";
    if (auto subnet = nic.get("SubnetId")) item["subnetId"] = *subnet;
    if (auto groups = nic.list("SecurityGroupId"); !groups.empty()) item["groupSet"] = groups;
    data["networkInterfaceSet"].push_back(item);
  }
  for (int n : p.indexes("TagSpecification")) {
    const Params spec = p.sub("TagSpecification." + std::to_string(n));
    data["tagSpecificationSet"].push_back(
        {{"resourceType", spec.get("ResourceType").value_or("")}, {"tagSet", ec2_tag_set(ec2_tag_params(spec))}});
  }
  return data;
}

Json& need_template(Call& call) {
  const std::string id = call.get("LaunchTemplateId");
  const std::string name = call.get("LaunchTemplateName");
  if (!id.empty()) {
    return need(call, col::launch_templates, id, "InvalidLaunchTemplateId.NotFound",
                "The specified launch template, with template ID " + id + ", does not exist.");
  }
  if (name.empty()) call.missing("LaunchTemplateId");
  for (auto& [tid, lt] : collection(call.rs(), col::launch_templates).items()) {
    if (lt.value("launchTemplateName", "") == name && call.world.visible(tid)) return lt;
  }
  fail("InvalidLaunchTemplateName.NotFoundException",
       "The specified launch template, with template name " + name + ", does not exist.");
}

Json summary(const Json& lt) {
  Json out = lt;
  out.erase("_versions");
  return out;
}

Json version_view(const Json& lt, const Json& version) {
  return {{"launchTemplateId", lt["launchTemplateId"]}, {"launchTemplateName", lt["launchTemplateName"]},
          {"versionNumber", version["versionNumber"]}, {"createTime", version["createTime"]},
          {"createdBy", "arn:aws:iam::" + std::string(k_account) + ":root"},
          {"defaultVersion", version["versionNumber"] == lt["defaultVersionNumber"]},
          {"launchTemplateData", version["launchTemplateData"]}};
}

Json create_launch_template(Call& call) {
  const std::string name = call.need("LaunchTemplateName");
  const std::string token = call.get("ClientToken");
  for (auto& [tid, lt] : collection(call.rs(), col::launch_templates).items()) {
    if (!token.empty() && lt.value("_clientToken", "") == token) return {{"launchTemplate", summary(lt)}};
    if (lt.value("launchTemplateName", "") == name) {
      fail("InvalidLaunchTemplateName.AlreadyExistsException",
           "Launch template name already in use.");
    }
  }
  if (!call.params.has("LaunchTemplateData.ImageId") && call.params.sub("LaunchTemplateData").values().empty()) {
    call.missing("LaunchTemplateData");
  }
  const std::string id = call.world.new_id("lt");
  const std::string now = now_iso(call);
  Json lt = {{"launchTemplateId", id},
             {"launchTemplateName", name},
             {"createTime", now},
             {"createdBy", "arn:aws:iam::" + std::string(k_account) + ":root"},
             {"defaultVersionNumber", 1},
             {"latestVersionNumber", 1},
             {"tagSet", ec2_tag_set(tag_specification(call.params, "launch-template"))},
             {"_clientToken", token},
             {"_versions", Json::array({{{"versionNumber", 1}, {"createTime", now}, {"launchTemplateData", parse_data(call)}}})}};
  Json& stored = insert(call.world, call.rs(), col::launch_templates, id, std::move(lt));
  return {{"launchTemplate", summary(stored)}};
}

Json describe_launch_templates(Call& call) {
  const auto names = call.params.list("LaunchTemplateName");
  if (!names.empty()) {
    Json list = Json::array();
    for (const auto& name : names) {
      Json* hit = nullptr;
      for (auto& [tid, lt] : collection(call.rs(), col::launch_templates).items()) {
        if (lt.value("launchTemplateName", "") == name && call.world.visible(tid)) hit = &lt;
      }
      if (hit == nullptr) {
        fail("InvalidLaunchTemplateName.NotFoundException",
             "At least one of the launch templates specified in the request does not exist.");
      }
      list.push_back(summary(*hit));
    }
    return {{"launchTemplates", list}};
  }
  DescribeSpec spec{col::launch_templates, "LaunchTemplateId", "launchTemplates",
                    [](const std::string& id) { return "The specified launch template, with template ID " + id + ", does not exist."; },
                    "InvalidLaunchTemplateId.NotFound",
                    {{"launch-template-name", at("launchTemplateName")}, {"create-time", at("createTime")}},
                    [](Call&, const Json& lt) { return summary(lt); }};
  return describe(call, spec);
}

Json create_launch_template_version(Call& call) {
  Json& lt = need_template(call);
  Json data = parse_data(call);
  if (auto source = call.opt("SourceVersion")) {
    Json base;
    for (const auto& version : lt["_versions"]) {
      if (std::to_string(version.value("versionNumber", 0LL)) == *source) base = version["launchTemplateData"];
    }
    if (base.is_null()) fail("InvalidLaunchTemplateVersion.NotFound", "The specified launch template version does not exist.");
    for (const auto& [key, value] : data.items()) base[key] = value;
    data = base;
  }
  const long long number = lt.value("latestVersionNumber", 1LL) + 1;
  Json version = {{"versionNumber", number}, {"createTime", now_iso(call)}, {"launchTemplateData", data}};
  lt["_versions"].push_back(version);
  lt["latestVersionNumber"] = number;
  call.world.changed();
  return {{"launchTemplateVersion", version_view(lt, version)}};
}

Json modify_launch_template(Call& call) {
  Json& lt = need_template(call);
  if (auto version = call.opt("SetDefaultVersion")) {
    const long long number = std::atoll(version->c_str());
    if (number < 1 || number > lt.value("latestVersionNumber", 1LL)) {
      fail("InvalidLaunchTemplateVersion.NotFound", "The specified launch template version does not exist.");
    }
    lt["defaultVersionNumber"] = number;
    call.world.changed();
  }
  return {{"launchTemplate", summary(lt)}};
}

Json describe_launch_template_versions(Call& call) {
  Json& lt = need_template(call);
  const auto wanted = call.params.list("LaunchTemplateVersion");
  Json list = Json::array();
  for (const auto& version : lt["_versions"]) {
    const std::string number = std::to_string(version.value("versionNumber", 0LL));
    bool keep = wanted.empty();
    for (const auto& w : wanted) {
      keep |= w == number || (w == "$Latest" && version["versionNumber"] == lt["latestVersionNumber"]) ||
              (w == "$Default" && version["versionNumber"] == lt["defaultVersionNumber"]);
    }
    if (keep) list.push_back(version_view(lt, version));
  }
  if (!wanted.empty() && list.empty()) {
    fail("InvalidLaunchTemplateId.VersionNotFound", "Could not find launch template version " + wanted.front());
  }
  return {{"launchTemplateVersionSet", list}};
}

Json delete_launch_template(Call& call) {
  Json& lt = need_template(call);
  Json out = summary(lt);
  erase(call.world, call.rs(), col::launch_templates, lt.value("launchTemplateId", ""));
  return {{"launchTemplate", out}};
}

}  // namespace

// The data of `version` ("$Latest", "$Default", a number; empty = default) of template
// `id_or_name`, or nullptr.
const Json* launch_template_data(Json& region, const std::string& id_or_name, const std::string& version) {
  for (auto& [tid, lt] : collection(region, col::launch_templates).items()) {
    if (tid != id_or_name && lt.value("launchTemplateName", "") != id_or_name) continue;
    long long number = lt.value("defaultVersionNumber", 1LL);
    if (version == "$Latest") number = lt.value("latestVersionNumber", 1LL);
    else if (!version.empty() && version != "$Default") number = std::atoll(version.c_str());
    for (const auto& v : lt["_versions"]) {
      if (v.value("versionNumber", 0LL) == number) return &v["launchTemplateData"];
    }
  }
  return nullptr;
}

void register_ec2_launch_templates(Registry& r) {
  using aws::Service;
  r.add(Service::ec2, "CreateLaunchTemplate", create_launch_template);
  r.add(Service::ec2, "DescribeLaunchTemplates", describe_launch_templates);
  r.add(Service::ec2, "CreateLaunchTemplateVersion", create_launch_template_version);
  r.add(Service::ec2, "ModifyLaunchTemplate", modify_launch_template);
  r.add(Service::ec2, "DescribeLaunchTemplateVersions", describe_launch_template_versions);
  r.add(Service::ec2, "DeleteLaunchTemplate", delete_launch_template);
}

}  // namespace hopper::sim

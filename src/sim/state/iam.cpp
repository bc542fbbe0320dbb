// IAM (account-wide): roles with inline and attached policies, instance profiles (one role
// each, visible to EC2 some seconds after a change), users with access keys and policies; and
// STS GetCallerIdentity.
#include "net/http.hpp"
#include "sim/state/ec2_common.hpp"
#include "sim/state/families.hpp"

namespace hopper::sim {
namespace {

Json& bucket(Call& call, const char* name) {
  Json& out = call.world.global()[name];
  if (!out.is_object()) out = Json::object();
  return out;
}

std::string unique_id(Call& call, const std::string& prefix) {
  const std::string id = call.world.new_id("x");  // x-0 + 16 hex
  std::string upper;
  for (char c : id.substr(3)) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return prefix + upper.substr(0, 17);
}

void no_such(const std::string& message) { fail("NoSuchEntity", message, 404); }

std::string check_path(Call& call) {
  const std::string path = call.get("Path", "/");
  if (path.empty() || path.front() != '/' || path.back() != '/') {
    call.invalid("The specified value for path is invalid. It must begin and end with / and contain only alphanumeric "
                 "characters and/or / characters.");
  }
  return path;
}

void check_policy(const std::string& document) {
  const Json parsed = Json::parse(document, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) fail("MalformedPolicyDocument", "Syntax errors in policy.");
}

Json role_view(const Json& role) {
  Json out = role;
  out["AssumeRolePolicyDocument"] = net::uri_encode(role.value("AssumeRolePolicyDocument", ""));
  return out;
}

Json& need_role(Call& call, const std::string& name) {
  Json& roles = bucket(call, "roles");
  if (!roles.contains(name)) no_such("The role with name " + name + " cannot be found.");
  return roles[name];
}

Json& need_profile(Call& call, const std::string& name) {
  Json& profiles = bucket(call, "instanceProfiles");
  if (!profiles.contains(name)) no_such("Instance Profile " + name + " cannot be found.");
  return profiles[name];
}

// IAM lists: Marker/MaxItems in, IsTruncated/Marker out.
Json page_of(Call& call, std::vector<Json*> items, const std::string& list_name, const std::function<Json(const Json&)>& view) {
  const Page page = paginate(items, call.opt("Marker"), call.opt_number("MaxItems").value_or(100), "InvalidInput");
  Json list = Json::array();
  for (const Json* item : page.items) list.push_back(view(*item));
  Json out = {{list_name, list}, {"IsTruncated", !page.next_token.empty()}};
  if (!page.next_token.empty()) out["Marker"] = page.next_token;
  return out;
}

Json create_role(Call& call) {
  const std::string name = call.need("RoleName");
  const std::string document = call.need("AssumeRolePolicyDocument");
  const std::string path = check_path(call);
  check_policy(document);
  Json& roles = bucket(call, "roles");
  if (roles.contains(name)) fail("EntityAlreadyExists", "Role with name " + name + " already exists.", 409);
  Json role = {{"RoleName", name},
               {"RoleId", unique_id(call, "AROA")},
               {"Arn", "arn:aws:iam::" + std::string(k_account) + ":role" + path + name},
               {"Path", path},
               {"CreateDate", now_iso(call)},
               {"AssumeRolePolicyDocument", document},
               {"MaxSessionDuration", call.number("MaxSessionDuration", 3600)},
               {"Tags", key_value_list(member_tags(call.params))},
               {"_seq", call.world.next_seq()},
               {"_policies", Json::object()},
               {"_attached", Json::array()}};
  if (auto description = call.opt("Description")) role["Description"] = *description;
  roles[name] = role;
  call.world.changed();
  return {{"Role", role_view(role)}};
}

Json get_role(Call& call) { return {{"Role", role_view(need_role(call, call.need("RoleName")))}}; }

Json delete_role(Call& call) {
  const std::string name = call.need("RoleName");
  Json& role = need_role(call, name);
  for (auto& [pname, profile] : bucket(call, "instanceProfiles").items()) {
    for (const auto& r : profile["_roles"]) {
      if (r == name) {
        fail("DeleteConflict", "Cannot delete entity, must remove roles from instance profile first.", 409);
      }
    }
  }
  if (!role["_policies"].empty()) fail("DeleteConflict", "Cannot delete entity, must delete policies first.", 409);
  if (!role["_attached"].empty()) fail("DeleteConflict", "Cannot delete entity, must detach all policies first.", 409);
  bucket(call, "roles").erase(name);
  call.world.changed();
  return Json::object();
}

Json list_roles(Call& call) {
  const std::string prefix = call.get("PathPrefix", "/");
  std::vector<Json*> items;
  for (Json* role : in_order(bucket(call, "roles"))) {
    if (role->value("Path", "/").rfind(prefix, 0) == 0) items.push_back(role);
  }
  return page_of(call, items, "Roles", [](const Json& role) {
    Json out = role_view(role);
    out.erase("Tags");
    return out;
  });
}

Json tag_role(Call& call) {
  Json& role = need_role(call, call.need("RoleName"));
  Tags tags = key_value_tags(role["Tags"]);
  for (const auto& [key, value] : member_tags(call.params)) tags[key] = value;
  role["Tags"] = key_value_list(tags);
  call.world.changed();
  return Json::object();
}

Json untag_role(Call& call) {
  Json& role = need_role(call, call.need("RoleName"));
  Tags tags = key_value_tags(role["Tags"]);
  for (const auto& key : call.params.members("TagKeys")) tags.erase(key);
  role["Tags"] = key_value_list(tags);
  call.world.changed();
  return Json::object();
}

Json put_role_policy(Call& call) {
  Json& role = need_role(call, call.need("RoleName"));
  const std::string name = call.need("PolicyName");
  const std::string document = call.need("PolicyDocument");
  check_policy(document);
  role["_policies"][name] = document;
  call.world.changed();
  return Json::object();
}

Json get_role_policy(Call& call) {
  const std::string role_name = call.need("RoleName");
  Json& role = need_role(call, role_name);
  const std::string name = call.need("PolicyName");
  if (!role["_policies"].contains(name)) no_such("The role policy with name " + name + " cannot be found.");
  return {{"RoleName", role_name}, {"PolicyName", name}, {"PolicyDocument", net::uri_encode(role["_policies"][name].get<std::string>())}};
}

Json list_role_policies(Call& call) {
  Json& role = need_role(call, call.need("RoleName"));
  std::vector<Json> names;
  for (const auto& [name, doc] : role["_policies"].items()) names.emplace_back(name);
  std::vector<Json*> items;
  for (auto& n : names) items.push_back(&n);
  return page_of(call, items, "PolicyNames", [](const Json& n) { return n; });
}

Json delete_role_policy(Call& call) {
  Json& role = need_role(call, call.need("RoleName"));
  const std::string name = call.need("PolicyName");
  if (!role["_policies"].contains(name)) no_such("The role policy with name " + name + " cannot be found.");
  role["_policies"].erase(name);
  call.world.changed();
  return Json::object();
}

Json attach_role_policy(Call& call) {
  Json& role = need_role(call, call.need("RoleName"));
  const std::string arn = call.need("PolicyArn");
  if (arn.rfind("arn:aws:iam::aws:policy/", 0) != 0) no_such("Policy " + arn + " does not exist or is not attachable.");
  for (const auto& a : role["_attached"]) if (a.value("PolicyArn", "") == arn) return Json::object();
  role["_attached"].push_back({{"PolicyArn", arn}, {"PolicyName", arn.substr(arn.rfind('/') + 1)}});
  call.world.changed();
  return Json::object();
}

Json detach_role_policy(Call& call) {
  Json& role = need_role(call, call.need("RoleName"));
  const std::string arn = call.need("PolicyArn");
  Json& attached = role["_attached"];
  for (std::size_t i = 0; i < attached.size(); ++i) {
    if (attached[i].value("PolicyArn", "") == arn) {
      attached.erase(i);
      call.world.changed();
      return Json::object();
    }
  }
  no_such("Policy " + arn + " was not found.");
  return Json::object();
}

Json list_attached_role_policies(Call& call) {
  Json& role = need_role(call, call.need("RoleName"));
  std::vector<Json*> items;
  for (auto& a : role["_attached"]) items.push_back(&a);
  return page_of(call, items, "AttachedPolicies", [](const Json& a) { return a; });
}

Json profile_view(Call& call, const Json& profile) {
  Json out = profile;
  Json roles = Json::array();
  for (const auto& name : profile["_roles"]) {
    Json& all = bucket(call, "roles");
    if (all.contains(name.get<std::string>())) {
      Json role = role_view(all[name.get<std::string>()]);
      role.erase("Tags");
      roles.push_back(role);
    }
  }
  out["Roles"] = roles;
  return out;
}

Json create_instance_profile(Call& call) {
  const std::string name = call.need("InstanceProfileName");
  const std::string path = check_path(call);
  Json& profiles = bucket(call, "instanceProfiles");
  if (profiles.contains(name)) fail("EntityAlreadyExists", "Instance Profile " + name + " already exists.", 409);
  Json profile = {{"InstanceProfileName", name},
                  {"InstanceProfileId", unique_id(call, "AIPA")},
                  {"Arn", "arn:aws:iam::" + std::string(k_account) + ":instance-profile" + path + name},
                  {"Path", path},
                  {"CreateDate", now_iso(call)},
                  {"Tags", key_value_list(member_tags(call.params))},
                  {"Roles", Json::array()},
                  {"_roles", Json::array()},
                  {"_seq", call.world.next_seq()},
                  {"_ec2VisibleAt", call.world.now() + call.world.duration(8, 12)}};
  profiles[name] = profile;
  call.world.changed();
  return {{"InstanceProfile", profile_view(call, profile)}};
}

Json get_instance_profile(Call& call) {
  return {{"InstanceProfile", profile_view(call, need_profile(call, call.need("InstanceProfileName")))}};
}

Json add_role_to_instance_profile(Call& call) {
  Json& profile = need_profile(call, call.need("InstanceProfileName"));
  const std::string role = call.need("RoleName");
  need_role(call, role);
  if (!profile["_roles"].empty()) {
    fail("LimitExceeded", "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1", 409);
  }
  profile["_roles"].push_back(role);
  profile["Roles"] = Json::array({role});  // EC2's view (check_profile) needs only a non-empty list
  // EC2 sees the change only after IAM has propagated it (~10 s on AWS).
  profile["_ec2VisibleAt"] = call.world.now() + call.world.duration(8, 12);
  call.world.changed();
  return Json::object();
}

Json remove_role_from_instance_profile(Call& call) {
  const std::string name = call.need("InstanceProfileName");
  Json& profile = need_profile(call, name);
  const std::string role = call.need("RoleName");
  Json& roles = profile["_roles"];
  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (roles[i] == role) {
      roles.erase(i);
      profile["Roles"] = roles;
      call.world.changed();
      return Json::object();
    }
  }
  no_such("The role with name " + role + " cannot be found in instance profile " + name + ".");
  return Json::object();
}

Json delete_instance_profile(Call& call) {
  const std::string name = call.need("InstanceProfileName");
  Json& profile = need_profile(call, name);
  if (!profile["_roles"].empty()) {
    fail("DeleteConflict", "Cannot delete entity, must remove roles from instance profile first.", 409);
  }
  bucket(call, "instanceProfiles").erase(name);
  call.world.changed();
  return Json::object();
}

Json list_instance_profiles(Call& call) {
  const std::string prefix = call.get("PathPrefix", "/");
  std::vector<Json*> items;
  for (Json* profile : in_order(bucket(call, "instanceProfiles"))) {
    if (profile->value("Path", "/").rfind(prefix, 0) == 0) items.push_back(profile);
  }
  return page_of(call, items, "InstanceProfiles", [&](const Json& p) { return profile_view(call, p); });
}

Json list_instance_profiles_for_role(Call& call) {
  const std::string role = call.need("RoleName");
  need_role(call, role);
  std::vector<Json*> items;
  for (Json* profile : in_order(bucket(call, "instanceProfiles"))) {
    for (const auto& r : (*profile)["_roles"]) if (r == role) items.push_back(profile);
  }
  return page_of(call, items, "InstanceProfiles", [&](const Json& p) { return profile_view(call, p); });
}

Json tag_instance_profile(Call& call) {
  Json& profile = need_profile(call, call.need("InstanceProfileName"));
  Tags tags = key_value_tags(profile["Tags"]);
  for (const auto& [key, value] : member_tags(call.params)) tags[key] = value;
  profile["Tags"] = key_value_list(tags);
  call.world.changed();
  return Json::object();
}

Json& need_user(Call& call, const std::string& name) {
  Json& users = bucket(call, "users");
  if (!users.contains(name)) no_such("The user with name " + name + " cannot be found.");
  return users[name];
}

Json create_user(Call& call) {
  const std::string name = call.need("UserName");
  const std::string path = check_path(call);
  Json& users = bucket(call, "users");
  if (users.contains(name)) fail("EntityAlreadyExists", "User with name " + name + " already exists.", 409);
  Json user = {{"UserName", name}, {"UserId", unique_id(call, "AIDA")},
               {"Arn", "arn:aws:iam::" + std::string(k_account) + ":user" + path + name}, {"Path", path},
               {"CreateDate", now_iso(call)}, {"Tags", key_value_list(member_tags(call.params))},
               {"_seq", call.world.next_seq()}, {"_keys", Json::array()}, {"_policies", Json::object()}};
  users[name] = user;
  call.world.changed();
  return {{"User", user}};
}

Json delete_user(Call& call) {
  const std::string name = call.need("UserName");
  Json& user = need_user(call, name);
  if (!user["_keys"].empty() || !user["_policies"].empty()) {
    fail("DeleteConflict", "Cannot delete entity, must delete access keys and policies first.", 409);
  }
  bucket(call, "users").erase(name);
  call.world.changed();
  return Json::object();
}

Json create_access_key(Call& call) {
  const std::string name = call.need("UserName");
  Json& user = need_user(call, name);
  if (user["_keys"].size() >= 2) fail("LimitExceeded", "Cannot exceed quota for AccessKeysPerUser: 2", 409);
  const std::string id = unique_id(call, "AKIA");
  user["_keys"].push_back(id);
  call.world.changed();
  return {{"AccessKey", {{"UserName", name}, {"AccessKeyId", id}, {"Status", "Active"},
                         {"SecretAccessKey", "sim/" + call.world.new_id("secret")}, {"CreateDate", now_iso(call)}}}};
}

Json delete_access_key(Call& call) {
  Json& user = need_user(call, call.need("UserName"));
  const std::string id = call.need("AccessKeyId");
  Json& keys = user["_keys"];
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == id) {
      keys.erase(i);
      call.world.changed();
      return Json::object();
    }
  }
  no_such("The Access Key with id " + id + " cannot be found.");
  return Json::object();
}

Json put_user_policy(Call& call) {
  Json& user = need_user(call, call.need("UserName"));
  const std::string document = call.need("PolicyDocument");
  check_policy(document);
  user["_policies"][call.need("PolicyName")] = document;
  call.world.changed();
  return Json::object();
}

Json delete_user_policy(Call& call) {
  Json& user = need_user(call, call.need("UserName"));
  const std::string name = call.need("PolicyName");
  if (!user["_policies"].contains(name)) no_such("The user policy with name " + name + " cannot be found.");
  user["_policies"].erase(name);
  call.world.changed();
  return Json::object();
}

Json get_caller_identity(Call&) {
  return {{"Account", k_account}, {"Arn", "arn:aws:iam::" + std::string(k_account) + ":user/hopper-sim"},
          {"UserId", "AIDAHOPPERSIMULATOR"}};
}

}  // namespace

void register_iam(Registry& r) {
  using aws::Service;
  r.add(Service::iam, "CreateRole", create_role);
  r.add(Service::iam, "GetRole", get_role);
  r.add(Service::iam, "DeleteRole", delete_role);
  r.add(Service::iam, "ListRoles", list_roles);
  r.add(Service::iam, "TagRole", tag_role);
  r.add(Service::iam, "UntagRole", untag_role);
  r.add(Service::iam, "PutRolePolicy", put_role_policy);
  r.add(Service::iam, "GetRolePolicy", get_role_policy);
  r.add(Service::iam, "ListRolePolicies", list_role_policies);
  r.add(Service::iam, "DeleteRolePolicy", delete_role_policy);
  r.add(Service::iam, "AttachRolePolicy", attach_role_policy);
  r.add(Service::iam, "DetachRolePolicy", detach_role_policy);
  r.add(Service::iam, "ListAttachedRolePolicies", list_attached_role_policies);
  r.add(Service::iam, "CreateInstanceProfile", create_instance_profile);
  r.add(Service::iam, "GetInstanceProfile", get_instance_profile);
  r.add(Service::iam, "AddRoleToInstanceProfile", add_role_to_instance_profile);
  r.add(Service::iam, "RemoveRoleFromInstanceProfile", remove_role_from_instance_profile);
  r.add(Service::iam, "DeleteInstanceProfile", delete_instance_profile);
  r.add(Service::iam, "ListInstanceProfiles", list_instance_profiles);
  r.add(Service::iam, "ListInstanceProfilesForRole", list_instance_profiles_for_role);
  r.add(Service::iam, "TagInstanceProfile", tag_instance_profile);
  r.add(Service::iam, "CreateUser", create_user);
  r.add(Service::iam, "DeleteUser", delete_user);
  r.add(Service::iam, "CreateAccessKey", create_access_key);
  r.add(Service::iam, "DeleteAccessKey", delete_access_key);
  r.add(Service::iam, "PutUserPolicy", put_user_policy);
  r.add(Service::iam, "DeleteUserPolicy", delete_user_policy);
  r.add(Service::sts, "GetCallerIdentity", get_caller_identity);
}

}  // namespace hopper::sim

#include "aws/iam/users_policies.hpp"

namespace hopper::aws::iam {

User decode_user(const pugi::xml_node& node) {
  User user;
  user.name = codec::text(node, "UserName");
  user.arn = codec::text(node, "Arn");
  user.id = codec::text(node, "UserId");
  user.path = codec::text(node, "Path");
  user.tags = decode_tags(node);
  return user;
}

AccessKey decode_access_key(const pugi::xml_node& node) {
  AccessKey key;
  key.user_name = codec::text(node, "UserName");
  key.access_key_id = codec::text(node, "AccessKeyId");
  key.secret_access_key = codec::text(node, "SecretAccessKey");
  key.status = codec::text(node, "Status");
  return key;
}

util::Result<User> create_user(const Client& client, const std::string& name, const std::string& path,
                               const Tags& tags) {
  QueryParams params;
  params.set("UserName", name).set("Path", path.empty() ? std::string("/") : path).member_tags(tags);
  HOPPER_ASSIGN(const XmlResponse response, client.call("CreateUser", params));
  return decode_user(codec::child(response.result(), "User"));
}

util::Status delete_user(const Client& client, const std::string& name) {
  QueryParams params;
  params.set("UserName", name);
  HOPPER_TRY(client.call("DeleteUser", params));
  return {};
}

util::Result<AccessKey> create_access_key(const Client& client, const std::string& user) {
  QueryParams params;
  params.set("UserName", user);
  // Not idempotent: a retry after a lost answer would make a second key (two at most per user).
  HOPPER_ASSIGN(const XmlResponse response, client.call("CreateAccessKey", params, CallOptions{.idempotent = false}));
  AccessKey key = decode_access_key(codec::child(response.result(), "AccessKey"));
  if (key.access_key_id.empty() || key.secret_access_key.empty()) {
    return util::Error::failed("iam CreateAccessKey: answer has no access key");
  }
  return key;
}

util::Status delete_access_key(const Client& client, const std::string& user, const std::string& access_key_id) {
  QueryParams params;
  params.set("UserName", user).set("AccessKeyId", access_key_id);
  HOPPER_TRY(client.call("DeleteAccessKey", params));
  return {};
}

util::Status put_user_policy(const Client& client, const std::string& user, const std::string& policy_name,
                             const std::string& document) {
  QueryParams params;
  params.set("UserName", user).set("PolicyName", policy_name).set("PolicyDocument", document);
  HOPPER_TRY(client.call("PutUserPolicy", params));
  return {};
}

util::Status delete_user_policy(const Client& client, const std::string& user, const std::string& policy_name) {
  QueryParams params;
  params.set("UserName", user).set("PolicyName", policy_name);
  HOPPER_TRY(client.call("DeleteUserPolicy", params));
  return {};
}

}  // namespace hopper::aws::iam

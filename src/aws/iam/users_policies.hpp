// IAM users, their access keys and inline policies: what tests need to run as a restricted
// principal (moto with INITIAL_NO_AUTH_ACTION_COUNT), and what an operator-policy check needs.
// hopper itself never creates users for a cluster.
//
// Thread-safety: free functions over a thread-safe Client.
#pragma once

#include <string>

#include "aws/iam/client.hpp"

namespace hopper::aws::iam {

struct User {
  std::string name;
  std::string arn;
  std::string id;
  std::string path;
  Tags tags;
};

// Creates user `name` with `tags` set in the call. Errors: EntityAlreadyExists.
util::Result<User> create_user(const Client& client, const std::string& name, const std::string& path = "/",
                               const Tags& tags = {});
// Deletes `name`. Errors: DeleteConflict while keys or policies remain.
util::Status delete_user(const Client& client, const std::string& name);

// A new access key. `secret_access_key` is a secret: never log or print it. The Session logs
// only service, action and status, so the answer that carries it is never written anywhere.
struct AccessKey {
  std::string user_name;
  std::string access_key_id;
  std::string secret_access_key;
  std::string status;  // Active | Inactive
};

// Creates an access key for `user`. Errors: LimitExceeded (two keys per user).
util::Result<AccessKey> create_access_key(const Client& client, const std::string& user);
util::Status delete_access_key(const Client& client, const std::string& user, const std::string& access_key_id);

// Creates or replaces the inline policy `policy_name` of `user` with `document` (JSON text).
util::Status put_user_policy(const Client& client, const std::string& user, const std::string& policy_name,
                             const std::string& document);
util::Status delete_user_policy(const Client& client, const std::string& user, const std::string& policy_name);

// Decoders, exposed for tests.
User decode_user(const pugi::xml_node& node);
AccessKey decode_access_key(const pugi::xml_node& node);

}  // namespace hopper::aws::iam

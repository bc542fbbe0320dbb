// IAM role policies: inline policies (put/get/list/delete) and managed policies attached to a
// role (list/attach/detach). A role cannot be deleted while it holds either kind.
//
// Thread-safety: free functions over a thread-safe Client.
#pragma once

#include <string>
#include <vector>

#include "aws/iam/client.hpp"

namespace hopper::aws::iam {

// Creates or replaces the inline policy `policy_name` of `role` with `document` (JSON text).
// Errors: NoSuchEntity (no such role), MalformedPolicyDocument, LimitExceeded.
util::Status put_role_policy(const Client& client, const std::string& role, const std::string& policy_name,
                             const std::string& document);

// The inline policy document (JSON text, URL-decoded). Errors: NoSuchEntity (is_not_found) when
// the role or the policy does not exist.
util::Result<std::string> get_role_policy(const Client& client, const std::string& role,
                                          const std::string& policy_name);

// The names of every inline policy of `role`, all pages. `page_size` sets MaxItems (0: default).
util::Result<std::vector<std::string>> list_role_policies(const Client& client, const std::string& role,
                                                          int page_size = 0);

// Deletes the inline policy. Errors: NoSuchEntity when absent.
util::Status delete_role_policy(const Client& client, const std::string& role, const std::string& policy_name);

struct AttachedPolicy {
  std::string name;
  std::string arn;
};

// Every managed policy attached to `role`, all pages.
util::Result<std::vector<AttachedPolicy>> list_attached_role_policies(const Client& client, const std::string& role,
                                                                      int page_size = 0);
// Attaches the managed policy `policy_arn` (e.g. arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore).
util::Status attach_role_policy(const Client& client, const std::string& role, const std::string& policy_arn);
// Detaches it. Errors: NoSuchEntity when it is not attached.
util::Status detach_role_policy(const Client& client, const std::string& role, const std::string& policy_arn);

}  // namespace hopper::aws::iam

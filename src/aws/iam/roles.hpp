// IAM roles: get, create (tagged in the call), delete, list by path prefix, tag.
//
// Thread-safety: free functions over a thread-safe Client.
#pragma once

#include <string>
#include <vector>

#include "aws/iam/client.hpp"

namespace hopper::aws::iam {

struct Role {
  std::string name;
  std::string arn;
  std::string id;
  std::string path;
  std::string assume_role_policy_document;  // the trust policy as JSON text (URL-decoded)
  std::string description;
  std::string create_date;  // ISO 8601 as IAM gives it
  int max_session_duration = 0;
  Tags tags;  // empty in ListRoles answers: IAM lists roles without their tags
};

// The role `name`. Errors: NoSuchEntity (is_not_found) when there is none. Note IAM reads may
// lag a fresh CreateRole for a few seconds.
util::Result<Role> get_role(const Client& client, const std::string& name);

struct CreateRoleRequest {
  std::string name;
  std::string path = "/";                   // "/" or "/a/b/"
  std::string assume_role_policy_document;  // trust policy JSON text (sent URL-encoded by the form)
  std::string description;                  // omitted when empty
  Tags tags;                                // set in the creating call
};
// Creates the role with its tags. Errors: EntityAlreadyExists (is_already_exists),
// MalformedPolicyDocument, LimitExceeded.
util::Result<Role> create_role(const Client& client, const CreateRoleRequest& request);

// Deletes `name`. Errors: DeleteConflict (is_dependency_violation) while the role is still in an
// instance profile or holds inline or attached policies; NoSuchEntity when absent.
util::Status delete_role(const Client& client, const std::string& name);

// Every role whose path starts with `path_prefix` ("/" for all), all pages. `page_size` sets
// MaxItems (0: IAM's default of 100).
util::Result<std::vector<Role>> list_roles(const Client& client, const std::string& path_prefix = "/",
                                           int page_size = 0);

// Adds or overwrites `tags` on role `name`.
util::Status tag_role(const Client& client, const std::string& name, const Tags& tags);
// Removes the tags named `keys` from role `name`.
util::Status untag_role(const Client& client, const std::string& name, const std::vector<std::string>& keys);

// Decoder of a <Role> element, exposed for tests.
Role decode_role(const pugi::xml_node& node);

}  // namespace hopper::aws::iam

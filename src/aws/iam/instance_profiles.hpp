// IAM instance profiles: the container EC2 needs to give an instance a role. Create (tagged in
// the call), get, add/remove the role, delete, list by path prefix or by role.
//
// Thread-safety: free functions over a thread-safe Client.
#pragma once

#include <string>
#include <vector>

#include "aws/iam/client.hpp"

namespace hopper::aws::iam {

struct InstanceProfile {
  std::string name;
  std::string arn;
  std::string id;
  std::string path;
  std::vector<std::string> role_names;  // at most one in practice
  std::string create_date;
  Tags tags;  // IAM lists profiles without tags; GetInstanceProfile and CreateInstanceProfile carry them
};

// Creates the profile with `tags` set in the call. Errors: EntityAlreadyExists, LimitExceeded.
util::Result<InstanceProfile> create_instance_profile(const Client& client, const std::string& name,
                                                      const std::string& path = "/", const Tags& tags = {});
// The profile `name`. Errors: NoSuchEntity (is_not_found). IAM reads lag creates a little.
util::Result<InstanceProfile> get_instance_profile(const Client& client, const std::string& name);
// Puts `role` into `profile`. Errors: LimitExceeded when the profile already holds a role,
// NoSuchEntity when either is absent.
util::Status add_role_to_instance_profile(const Client& client, const std::string& profile, const std::string& role);
// Takes `role` out of `profile`. Errors: NoSuchEntity when it is not there.
util::Status remove_role_from_instance_profile(const Client& client, const std::string& profile,
                                               const std::string& role);
// Deletes `name`. Errors: DeleteConflict (is_dependency_violation) while it still holds a role.
util::Status delete_instance_profile(const Client& client, const std::string& name);
// Every profile whose path starts with `path_prefix`, all pages. (moto 5 ignores PathPrefix and
// MaxItems here and answers every profile: a caller that must be exact checks `path`.)
util::Result<std::vector<InstanceProfile>> list_instance_profiles(const Client& client,
                                                                  const std::string& path_prefix = "/",
                                                                  int page_size = 0);
// Every profile that holds `role`, all pages. Errors: NoSuchEntity when the role is absent.
util::Result<std::vector<InstanceProfile>> list_instance_profiles_for_role(const Client& client,
                                                                           const std::string& role,
                                                                           int page_size = 0);
// Adds or overwrites `tags` on profile `name`.
util::Status tag_instance_profile(const Client& client, const std::string& name, const Tags& tags);

// Decoder of an <InstanceProfile> element, exposed for tests.
InstanceProfile decode_instance_profile(const pugi::xml_node& node);

}  // namespace hopper::aws::iam

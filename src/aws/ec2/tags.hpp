// EC2 tags on any resource: add or overwrite, delete by key, and describe (all pages).
// Creates set their tags in the creating call (TagSpecification); these are for later changes
// and for finding resources by tag across types.
//
// Thread-safety: free functions over a shared Client; safe to call from several threads.
#pragma once

#include <string>
#include <vector>

#include "aws/ec2/client.hpp"

namespace hopper::aws::ec2 {

struct TagDescription {
  std::string resource_id;
  std::string resource_type;  // instance | subnet | security-group | natgateway | ...
  std::string key;
  std::string value;
};

// Adds `tags` to every resource in `resource_ids`, overwriting the values of existing keys.
// REQUIRES: `resource_ids` and `tags` non-empty (else a local error, no call).
// Errors: InvalidID / Invalid*ID.NotFound for an unknown resource (and nothing is tagged).
util::Status create_tags(const Client& client, const std::vector<std::string>& resource_ids, const Tags& tags);
// Removes the tags with `keys` (whatever their values) from every resource in `resource_ids`.
// REQUIRES: `resource_ids` and `keys` non-empty (else a local error, no call): EC2 deletes every
// tag of the resources when no key is given, which would drop ownership tags.
util::Status delete_tags(const Client& client, const std::vector<std::string>& resource_ids,
                         const std::vector<std::string>& keys);
// Every tag matching `filters` (resource-id, resource-type, key, value; all pages).
util::Result<std::vector<TagDescription>> describe_tags(const Client& client, const std::vector<Filter>& filters = {});

// Decoder (a DescribeTags tagSet <item>), exposed for tests.
TagDescription decode_tag_description(const pugi::xml_node& node);

}  // namespace hopper::aws::ec2

#include "aws/ec2/tags.hpp"

namespace hopper::aws::ec2 {

TagDescription decode_tag_description(const pugi::xml_node& node) {
  return {codec::text(node, "resourceId"), codec::text(node, "resourceType"), codec::text(node, "key"),
          codec::text(node, "value")};
}

util::Status create_tags(const Client& client, const std::vector<std::string>& resource_ids, const Tags& tags) {
  if (resource_ids.empty() || tags.empty()) {
    return util::Error::failed("CreateTags: needs at least one resource and one tag");
  }
  QueryParams params;
  params.ec2_list("ResourceId", resource_ids).ec2_tags(tags, "Tag");
  HOPPER_TRY(client.call("CreateTags", params));
  return {};
}

util::Status delete_tags(const Client& client, const std::vector<std::string>& resource_ids,
                         const std::vector<std::string>& keys) {
  if (resource_ids.empty() || keys.empty()) {
    // Without Tag.N EC2 deletes every tag of the resources: never send that by accident.
    return util::Error::failed("DeleteTags: needs at least one resource and one key");
  }
  QueryParams params;
  params.ec2_list("ResourceId", resource_ids);
  int n = 0;
  // Tag.N.Key without a Value deletes the tag whatever its value.
  for (const auto& key : keys) params.set("Tag." + std::to_string(++n) + ".Key", key);
  HOPPER_TRY(client.call("DeleteTags", params));
  return {};
}

util::Result<std::vector<TagDescription>> describe_tags(const Client& client, const std::vector<Filter>& filters) {
  QueryParams params;
  params.filters(filters);
  return client.paginate<TagDescription>("DescribeTags", params, "tagSet", decode_tag_description, 1000);
}

}  // namespace hopper::aws::ec2

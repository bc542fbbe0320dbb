#include "aws/elbv2/client.hpp"

#include <algorithm>

namespace hopper::aws::elbv2 {
namespace {

// DescribeTags and AddTags take at most 20 resource ARNs a call.
constexpr std::size_t k_tags_batch = 20;

}  // namespace

util::Result<XmlResponse> Client::call(const std::string& action, const QueryParams& params,
                                       CallOptions options) const {
  return m_session.query(Service::elbv2, action, params, options);
}

Tags decode_tags(const pugi::xml_node& node) {
  Tags tags;
  for (const auto& item : codec::items(node, "Tags")) tags[codec::text(item, "Key")] = codec::text(item, "Value");
  return tags;
}

util::Result<std::map<std::string, Tags>> describe_tags(const Client& client, const std::vector<std::string>& arns) {
  std::map<std::string, Tags> out;
  for (std::size_t start = 0; start < arns.size(); start += k_tags_batch) {
    const auto first = arns.begin() + static_cast<std::ptrdiff_t>(start);
    const auto last = arns.begin() + static_cast<std::ptrdiff_t>(std::min(arns.size(), start + k_tags_batch));
    QueryParams params;
    params.member_list("ResourceArns", std::vector<std::string>(first, last));
    HOPPER_ASSIGN(const XmlResponse response, client.call("DescribeTags", params));
    for (const auto& item : codec::items(response.result(), "TagDescriptions")) {
      out[codec::text(item, "ResourceArn")] = decode_tags(item);
    }
  }
  return out;
}

util::Status add_tags(const Client& client, const std::vector<std::string>& arns, const Tags& tags) {
  if (arns.empty() || tags.empty()) return {};
  QueryParams params;
  params.member_list("ResourceArns", arns).member_tags(tags);
  HOPPER_TRY(client.call("AddTags", params));
  return {};
}

}  // namespace hopper::aws::elbv2

#include "aws/ec2/client.hpp"

namespace hopper::aws::ec2 {

util::Result<XmlResponse> Client::call(const std::string& action, const QueryParams& params,
                                       CallOptions options) const {
  return m_session.query(Service::ec2, action, params, options);
}

Tags decode_tags(const pugi::xml_node& node, const std::string& list_name) {
  Tags tags;
  for (const auto& item : codec::items(node, list_name)) tags[codec::text(item, "key")] = codec::text(item, "value");
  return tags;
}

}  // namespace hopper::aws::ec2

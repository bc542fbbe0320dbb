#include "aws/iam/client.hpp"

#include "net/http.hpp"

namespace hopper::aws::iam {

util::Result<XmlResponse> Client::call(const std::string& action, const QueryParams& params,
                                       CallOptions options) const {
  return m_session.query(Service::iam, action, params, options);
}

Tags decode_tags(const pugi::xml_node& node) {
  Tags tags;
  for (const auto& item : codec::items(node, "Tags")) tags[codec::text(item, "Key")] = codec::text(item, "Value");
  return tags;
}

std::string decode_policy_document(const std::string& encoded) {
  // RFC 3986 encoding: '+' is a literal plus (AWS writes a space as %20).
  return net::uri_decode(encoded, false);
}

}  // namespace hopper::aws::iam

#include "aws/autoscaling/client.hpp"

namespace hopper::aws::autoscaling {

util::Result<XmlResponse> Client::call(const std::string& action, const QueryParams& params,
                                       CallOptions options) const {
  return m_session.query(Service::autoscaling, action, params, options);
}

void add_filters(QueryParams& params, const std::vector<Filter>& filters) {
  for (std::size_t i = 0; i < filters.size(); ++i) {
    const std::string prefix = "Filters.member." + std::to_string(i + 1);
    params.set(prefix + ".Name", filters[i].name);
    params.member_list(prefix + ".Values", filters[i].values);
  }
}

void add_group_tags(QueryParams& params, const std::string& group_name, const std::vector<AsgTag>& tags,
                    bool with_values) {
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const std::string prefix = "Tags.member." + std::to_string(i + 1);
    params.set(prefix + ".ResourceId", group_name);
    params.set(prefix + ".ResourceType", "auto-scaling-group");
    params.set(prefix + ".Key", tags[i].key);
    if (with_values) {
      params.set(prefix + ".Value", tags[i].value);
      params.set(prefix + ".PropagateAtLaunch", tags[i].propagate_at_launch);
    }
  }
}

bool is_name_not_found(const util::Error& error) {
  const ApiError* api = api_error(error);
  return api != nullptr && api->code == codes::validation_error && api->message.find("not found") != std::string::npos;
}

std::vector<AsgTag> decode_asg_tags(const pugi::xml_node& node) {
  std::vector<AsgTag> tags;
  for (const auto& item : codec::items(node, "Tags")) {
    tags.push_back(AsgTag{codec::text(item, "Key"), codec::text(item, "Value"),
                          codec::bool_text(item, "PropagateAtLaunch")});
  }
  return tags;
}

}  // namespace hopper::aws::autoscaling

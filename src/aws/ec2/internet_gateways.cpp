#include "aws/ec2/internet_gateways.hpp"

namespace hopper::aws::ec2 {

InternetGateway decode_internet_gateway(const pugi::xml_node& node) {
  InternetGateway gateway;
  gateway.id = codec::text(node, "internetGatewayId");
  gateway.owner_id = codec::text(node, "ownerId");
  for (const auto& item : codec::items(node, "attachmentSet")) {
    gateway.attachments.push_back({codec::text(item, "vpcId"), codec::text(item, "state")});
  }
  gateway.tags = decode_tags(node);
  return gateway;
}

util::Result<std::vector<InternetGateway>> describe_internet_gateways(const Client& client,
                                                                      const std::vector<Filter>& filters,
                                                                      const std::vector<std::string>& ids) {
  QueryParams params;
  // The model's wire name is InternetGatewayId.N (locationName internetGatewayId).
  params.ec2_list("InternetGatewayId", ids).filters(filters);
  return client.paginate<InternetGateway>("DescribeInternetGateways", params, "internetGatewaySet",
                                          decode_internet_gateway, ids.empty() ? 1000 : 0);
}

util::Result<InternetGateway> create_internet_gateway(const Client& client, const Tags& tags) {
  QueryParams params;
  params.tag_specification("internet-gateway", tags);
  HOPPER_ASSIGN(const XmlResponse response,
                client.call("CreateInternetGateway", params, CallOptions{.idempotent = false}));
  return decode_internet_gateway(codec::child(response.result(), "internetGateway"));
}

namespace {
util::Status attachment_call(const Client& client, const std::string& action, const std::string& internet_gateway_id,
                             const std::string& vpc_id) {
  QueryParams params;
  params.set("InternetGatewayId", internet_gateway_id).set("VpcId", vpc_id);
  HOPPER_TRY(client.call(action, params));
  return {};
}
}  // namespace

util::Status attach_internet_gateway(const Client& client, const std::string& internet_gateway_id,
                                     const std::string& vpc_id) {
  return attachment_call(client, "AttachInternetGateway", internet_gateway_id, vpc_id);
}

util::Status detach_internet_gateway(const Client& client, const std::string& internet_gateway_id,
                                     const std::string& vpc_id) {
  return attachment_call(client, "DetachInternetGateway", internet_gateway_id, vpc_id);
}

util::Status delete_internet_gateway(const Client& client, const std::string& internet_gateway_id) {
  QueryParams params;
  params.set("InternetGatewayId", internet_gateway_id);
  HOPPER_TRY(client.call("DeleteInternetGateway", params));
  return {};
}

}  // namespace hopper::aws::ec2

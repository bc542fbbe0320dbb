#include "aws/ec2/nat_gateways.hpp"

namespace hopper::aws::ec2 {

NatGateway decode_nat_gateway(const pugi::xml_node& node) {
  NatGateway gateway;
  gateway.id = codec::text(node, "natGatewayId");
  gateway.vpc_id = codec::text(node, "vpcId");
  gateway.subnet_id = codec::text(node, "subnetId");
  gateway.state = codec::text(node, "state");
  gateway.failure_code = codec::text(node, "failureCode");
  gateway.failure_message = codec::text(node, "failureMessage");
  gateway.connectivity_type = codec::text(node, "connectivityType");
  for (const auto& item : codec::items(node, "natGatewayAddressSet")) {
    gateway.addresses.push_back({codec::text(item, "allocationId"), codec::text(item, "publicIp"),
                                 codec::text(item, "privateIp"), codec::text(item, "networkInterfaceId")});
  }
  gateway.create_time = codec::text(node, "createTime");
  gateway.delete_time = codec::text(node, "deleteTime");
  gateway.tags = decode_tags(node);
  return gateway;
}

util::Result<std::vector<NatGateway>> describe_nat_gateways(const Client& client, const std::vector<Filter>& filters,
                                                            const std::vector<std::string>& ids) {
  QueryParams params;
  params.ec2_list("NatGatewayId", ids).filters(filters);
  return client.paginate<NatGateway>("DescribeNatGateways", params, "natGatewaySet", decode_nat_gateway,
                                     ids.empty() ? 1000 : 0);
}

util::Result<NatGateway> create_nat_gateway(const Client& client, const CreateNatGatewayRequest& request) {
  QueryParams params;
  params.set("SubnetId", request.subnet_id);
  if (!request.allocation_id.empty()) params.set("AllocationId", request.allocation_id);
  if (!request.client_token.empty()) params.set("ClientToken", request.client_token);
  if (!request.connectivity_type.empty()) params.set("ConnectivityType", request.connectivity_type);
  params.tag_specification("natgateway", request.tags);
  HOPPER_ASSIGN(const XmlResponse response,
                client.call("CreateNatGateway", params, CallOptions{.idempotent = !request.client_token.empty()}));
  return decode_nat_gateway(codec::child(response.result(), "natGateway"));
}

util::Status delete_nat_gateway(const Client& client, const std::string& nat_gateway_id) {
  QueryParams params;
  params.set("NatGatewayId", nat_gateway_id);
  HOPPER_TRY(client.call("DeleteNatGateway", params));
  return {};
}

}  // namespace hopper::aws::ec2

#include "aws/ec2/route_tables.hpp"

#include <utility>

namespace hopper::aws::ec2 {

Route decode_route(const pugi::xml_node& node) {
  Route route;
  route.destination_cidr_block = codec::text(node, "destinationCidrBlock");
  route.destination_ipv6_cidr_block = codec::text(node, "destinationIpv6CidrBlock");
  route.gateway_id = codec::text(node, "gatewayId");
  route.nat_gateway_id = codec::text(node, "natGatewayId");
  route.instance_id = codec::text(node, "instanceId");
  route.network_interface_id = codec::text(node, "networkInterfaceId");
  route.vpc_peering_connection_id = codec::text(node, "vpcPeeringConnectionId");
  route.transit_gateway_id = codec::text(node, "transitGatewayId");
  route.state = codec::text(node, "state");
  route.origin = codec::text(node, "origin");
  return route;
}

RouteTableAssociation decode_route_table_association(const pugi::xml_node& node) {
  RouteTableAssociation association;
  association.id = codec::text(node, "routeTableAssociationId");
  association.subnet_id = codec::text(node, "subnetId");
  association.gateway_id = codec::text(node, "gatewayId");
  association.main = codec::bool_text(node, "main");
  association.state = codec::text(codec::child(node, "associationState"), "state");
  return association;
}

RouteTable decode_route_table(const pugi::xml_node& node) {
  RouteTable table;
  table.id = codec::text(node, "routeTableId");
  table.vpc_id = codec::text(node, "vpcId");
  table.owner_id = codec::text(node, "ownerId");
  for (const auto& item : codec::items(node, "routeSet")) table.routes.push_back(decode_route(item));
  for (const auto& item : codec::items(node, "associationSet")) {
    table.associations.push_back(decode_route_table_association(item));
  }
  table.tags = decode_tags(node);
  return table;
}

util::Result<std::vector<RouteTable>> describe_route_tables(const Client& client, const std::vector<Filter>& filters,
                                                            const std::vector<std::string>& ids) {
  QueryParams params;
  params.ec2_list("RouteTableId", ids).filters(filters);
  // DescribeRouteTables allows at most 100 a page (5-100), unlike the usual 1000.
  return client.paginate<RouteTable>("DescribeRouteTables", params, "routeTableSet", decode_route_table,
                                     ids.empty() ? 100 : 0);
}

util::Result<RouteTable> create_route_table(const Client& client, const std::string& vpc_id, const Tags& tags) {
  QueryParams params;
  params.set("VpcId", vpc_id).tag_specification("route-table", tags);
  HOPPER_ASSIGN(const XmlResponse response,
                client.call("CreateRouteTable", params, CallOptions{.idempotent = false}));
  return decode_route_table(codec::child(response.result(), "routeTable"));
}

util::Status delete_route_table(const Client& client, const std::string& route_table_id) {
  QueryParams params;
  params.set("RouteTableId", route_table_id);
  HOPPER_TRY(client.call("DeleteRouteTable", params));
  return {};
}

namespace {

void set_destination(QueryParams& params, const std::string& destination) {
  params.set(destination.find(':') == std::string::npos ? "DestinationCidrBlock" : "DestinationIpv6CidrBlock",
             destination);
}

util::Status route_call(const Client& client, const std::string& action, const std::string& route_table_id,
                        const std::string& destination, const RouteTarget& target) {
  const std::pair<const char*, const std::string*> ids[] = {{"GatewayId", &target.gateway_id},
                                                            {"NatGatewayId", &target.nat_gateway_id},
                                                            {"InstanceId", &target.instance_id},
                                                            {"NetworkInterfaceId", &target.network_interface_id}};
  QueryParams params;
  params.set("RouteTableId", route_table_id);
  set_destination(params, destination);
  int set = 0;
  for (const auto& [name, id] : ids) {
    if (id->empty()) continue;
    params.set(name, *id);
    ++set;
  }
  if (set != 1) {
    return util::Error::failed(action + " " + route_table_id + " " + destination +
                               ": the route target must name exactly one gateway, NAT gateway, instance or interface");
  }
  HOPPER_TRY(client.call(action, params));
  return {};
}

}  // namespace

util::Status create_route(const Client& client, const std::string& route_table_id, const std::string& destination,
                          const RouteTarget& target) {
  return route_call(client, "CreateRoute", route_table_id, destination, target);
}

util::Status replace_route(const Client& client, const std::string& route_table_id, const std::string& destination,
                           const RouteTarget& target) {
  return route_call(client, "ReplaceRoute", route_table_id, destination, target);
}

util::Status delete_route(const Client& client, const std::string& route_table_id, const std::string& destination) {
  QueryParams params;
  params.set("RouteTableId", route_table_id);
  set_destination(params, destination);
  HOPPER_TRY(client.call("DeleteRoute", params));
  return {};
}

util::Result<std::string> associate_route_table(const Client& client, const std::string& route_table_id,
                                                const std::string& subnet_id) {
  QueryParams params;
  params.set("RouteTableId", route_table_id).set("SubnetId", subnet_id);
  HOPPER_ASSIGN(const XmlResponse response, client.call("AssociateRouteTable", params));
  return codec::text(response.result(), "associationId");
}

util::Status disassociate_route_table(const Client& client, const std::string& association_id) {
  QueryParams params;
  params.set("AssociationId", association_id);
  HOPPER_TRY(client.call("DisassociateRouteTable", params));
  return {};
}

util::Result<std::string> replace_route_table_association(const Client& client, const std::string& association_id,
                                                          const std::string& route_table_id) {
  QueryParams params;
  params.set("AssociationId", association_id).set("RouteTableId", route_table_id);
  HOPPER_ASSIGN(const XmlResponse response, client.call("ReplaceRouteTableAssociation", params));
  return codec::text(response.result(), "newAssociationId");
}

}  // namespace hopper::aws::ec2

// EC2 route tables: describe (all pages), create (tagged in the call), delete; routes (create,
// replace, delete) and subnet associations.
//
// Thread-safety: free functions over a shared Client; safe to call from several threads.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "aws/ec2/client.hpp"

namespace hopper::aws::ec2 {

struct Route {
  std::string destination_cidr_block;       // IPv4 destination ("0.0.0.0/0")
  std::string destination_ipv6_cidr_block;  // IPv6 destination ("::/0"), when the route has one
  std::string gateway_id;                   // igw-… or "local"
  std::string nat_gateway_id;
  std::string instance_id;
  std::string network_interface_id;
  std::string vpc_peering_connection_id;
  std::string transit_gateway_id;
  std::string state;   // active | blackhole (the target is gone)
  std::string origin;  // CreateRouteTable (the local route) | CreateRoute | EnableVgwRoutePropagation
};

struct RouteTableAssociation {
  std::string id;  // rtbassoc-…
  std::string subnet_id;
  std::string gateway_id;  // edge association to a gateway
  bool main = false;       // the VPC's main table (no subnet)
  std::string state;       // associating | associated | disassociating | disassociated | failed
};

struct RouteTable {
  std::string id;
  std::string vpc_id;
  std::string owner_id;
  std::vector<Route> routes;
  std::vector<RouteTableAssociation> associations;
  Tags tags;
};

// Where a route leads: exactly one of the ids is set (use the factories).
struct RouteTarget {
  std::string gateway_id;
  std::string nat_gateway_id;
  std::string instance_id;
  std::string network_interface_id;

  static RouteTarget gateway(std::string id) { return {std::move(id), {}, {}, {}}; }
  static RouteTarget nat_gateway(std::string id) { return {{}, std::move(id), {}, {}}; }
  static RouteTarget instance(std::string id) { return {{}, {}, std::move(id), {}}; }
  static RouteTarget network_interface(std::string id) { return {{}, {}, {}, std::move(id)}; }
};

// Every route table matching `filters` (all pages); `ids` narrows to those ids.
// Errors: InvalidRouteTableID.NotFound when one of `ids` does not exist.
util::Result<std::vector<RouteTable>> describe_route_tables(const Client& client,
                                                            const std::vector<Filter>& filters = {},
                                                            const std::vector<std::string>& ids = {});
// Creates a route table in `vpc_id` (with its local route) with `tags` set in the same call.
// Not retried after an ambiguous failure (no ClientToken): look it up by tag first.
util::Result<RouteTable> create_route_table(const Client& client, const std::string& vpc_id, const Tags& tags);
// Deletes `route_table_id`. DependencyViolation while subnets are associated with it, or when it
// is the VPC's main table.
util::Status delete_route_table(const Client& client, const std::string& route_table_id);

// Adds a route to `destination` (IPv4 CIDR, or IPv6 CIDR when it contains ':') via `target`.
// REQUIRES: exactly one id in `target` (else a local error, no call).
// Errors: RouteAlreadyExists (a route to `destination` exists, whatever its target: use
// replace_route), InvalidNatGatewayID.NotFound / InvalidGatewayID.NotFound (target not visible yet).
util::Status create_route(const Client& client, const std::string& route_table_id, const std::string& destination,
                          const RouteTarget& target);
// Points the existing route to `destination` at `target`. Errors: InvalidParameterValue when
// there is no such route (AWS's answer), as create_route otherwise.
util::Status replace_route(const Client& client, const std::string& route_table_id, const std::string& destination,
                           const RouteTarget& target);
// Removes the route to `destination`. InvalidRoute.NotFound when there is none.
util::Status delete_route(const Client& client, const std::string& route_table_id, const std::string& destination);

// Associates `route_table_id` with `subnet_id`; returns the association id (rtbassoc-…).
// Errors: Resource.AlreadyAssociated when the subnet already has an explicit association (use
// replace_route_table_association).
util::Result<std::string> associate_route_table(const Client& client, const std::string& route_table_id,
                                                const std::string& subnet_id);
// Removes association `association_id`. InvalidAssociationID.NotFound when it is gone.
util::Status disassociate_route_table(const Client& client, const std::string& association_id);
// Moves the subnet (or main) association `association_id` to `route_table_id` in one step
// (ReplaceRouteTableAssociation); returns the new association id (the old one ceases to exist).
// Errors: InvalidAssociationID.NotFound.
util::Result<std::string> replace_route_table_association(const Client& client, const std::string& association_id,
                                                          const std::string& route_table_id);

// Decoders, exposed for tests.
RouteTable decode_route_table(const pugi::xml_node& node);
Route decode_route(const pugi::xml_node& node);
RouteTableAssociation decode_route_table_association(const pugi::xml_node& node);

}  // namespace hopper::aws::ec2

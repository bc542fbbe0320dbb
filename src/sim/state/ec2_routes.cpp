// Route tables, routes and subnet associations.
#include "sim/state/ec2_network.hpp"
#include "sim/state/families.hpp"

namespace hopper::sim {
namespace {

std::string table_missing(const std::string& id) { return "The routeTable ID '" + id + "' does not exist"; }

Json& need_table(Call& call, const std::string& id) {
  return need(call, col::route_tables, id, "InvalidRouteTableID.NotFound", table_missing(id));
}

bool is_main(const Json& table) {
  for (const auto& association : table["associationSet"]) {
    if (association.value("main", false)) return true;
  }
  return false;
}

Json create_route_table(Call& call) {
  const std::string vpc_id = call.need("VpcId");
  need(call, col::vpcs, vpc_id, "InvalidVpcID.NotFound", "The vpc ID '" + vpc_id + "' does not exist");
  const std::string id = call.world.new_id("rtb");
  Json vpc_cidr = (*find(call.rs(), col::vpcs, vpc_id))["cidrBlock"];
  Json& table = insert(call.world, call.rs(), col::route_tables, id,
                       {{"routeTableId", id},
                        {"vpcId", vpc_id},
                        {"ownerId", k_account},
                        {"routeSet", Json::array({{{"destinationCidrBlock", vpc_cidr},
                                                   {"gatewayId", "local"},
                                                   {"state", "active"},
                                                   {"origin", "CreateRouteTable"}}})},
                        {"associationSet", Json::array()},
                        {"propagatingVgwSet", Json::array()},
                        {"tagSet", ec2_tag_set(tag_specification(call.params, "route-table"))}});
  return {{"routeTable", table}};
}

Json describe_route_tables(Call& call) {
  DescribeSpec spec{col::route_tables, "RouteTableId", "routeTableSet", table_missing, "InvalidRouteTableID.NotFound",
                    {{"route-table-id", at("routeTableId")},
                     {"vpc-id", at("vpcId")},
                     {"owner-id", at("ownerId")},
                     {"association.main", at("associationSet[].main")},
                     {"association.subnet-id", at("associationSet[].subnetId")},
                     {"association.route-table-id", at("associationSet[].routeTableId")},
                     {"association.route-table-association-id", at("associationSet[].routeTableAssociationId")},
                     {"association.gateway-id", at("associationSet[].gatewayId")},
                     {"route.destination-cidr-block", at("routeSet[].destinationCidrBlock")},
                     {"route.gateway-id", at("routeSet[].gatewayId")},
                     {"route.nat-gateway-id", at("routeSet[].natGatewayId")},
                     {"route.instance-id", at("routeSet[].instanceId")},
                     {"route.state", at("routeSet[].state")},
                     {"route.origin", at("routeSet[].origin")}},
                    nullptr};
  spec.paged = true;
  return describe(call, spec);
}

Json delete_route_table(Call& call) {
  const std::string id = call.need("RouteTableId");
  Json& table = need_table(call, id);
  if (is_main(table) || !table["associationSet"].empty()) {
    fail("DependencyViolation", "The routeTable '" + id + "' has dependencies and cannot be deleted.");
  }
  erase(call.world, call.rs(), col::route_tables, id);
  return ok();
}

// The route's target from the request, validated against the table's VPC.
Json route_target(Call& call, const Json& table) {
  const std::string vpc_id = table.value("vpcId", "");
  Json route = {{"state", "active"}, {"origin", "CreateRoute"}};
  int targets = 0;
  if (auto id = call.opt("GatewayId")) {
    ++targets;
    Json* gateway = find(call.rs(), col::internet_gateways, *id, &call.world);
    if (gateway == nullptr) {
      fail("InvalidInternetGatewayID.NotFound", "The internetGateway ID '" + *id + "' does not exist");
    }
    bool attached = false;
    for (const auto& a : (*gateway)["attachmentSet"]) attached |= a.value("vpcId", "") == vpc_id;
    if (!attached) {
      call.invalid("route table " + table.value("routeTableId", "") + " and network gateway " + *id +
                   " belong to different networks");
    }
    route["gatewayId"] = *id;
  }
  if (auto id = call.opt("NatGatewayId")) {
    ++targets;
    Json* nat = find(call.rs(), col::nat_gateways, *id, &call.world);
    const std::string state = nat ? nat->value("state", "") : "";
    if (nat == nullptr || state == "deleted" || state == "failed" || state == "deleting") {
      fail("InvalidNatGatewayID.NotFound", "The natGateway ID '" + *id + "' does not exist");
    }
    route["natGatewayId"] = *id;
  }
  if (auto id = call.opt("InstanceId")) {
    ++targets;
    Json* instance = find(call.rs(), col::instances, *id, &call.world);
    if (instance == nullptr) fail("InvalidInstanceID.NotFound", "The instance ID '" + *id + "' does not exist");
    route["instanceId"] = *id;
    route["instanceOwnerId"] = k_account;
  }
  if (auto id = call.opt("NetworkInterfaceId")) {
    ++targets;
    if (find(call.rs(), col::network_interfaces, *id, &call.world) == nullptr) {
      fail("InvalidNetworkInterfaceID.NotFound", "The networkInterface ID '" + *id + "' does not exist");
    }
    route["networkInterfaceId"] = *id;
  }
  if (targets == 0) fail("MissingParameter", "The request must contain exactly one of gatewayId, natGatewayId, instanceId, networkInterfaceId");
  if (targets > 1) fail("InvalidParameterCombination", "The request must contain exactly one route target");
  return route;
}

std::string destination(Call& call) {
  if (auto v4 = call.opt("DestinationCidrBlock")) return *v4;
  if (auto v6 = call.opt("DestinationIpv6CidrBlock")) return *v6;
  call.missing("DestinationCidrBlock");
}

Json* find_route(Json& table, const std::string& destination) {
  for (auto& route : table["routeSet"]) {
    if (route.value("destinationCidrBlock", "") == destination || route.value("destinationIpv6CidrBlock", "") == destination) {
      return &route;
    }
  }
  return nullptr;
}

Json put_route(Call& call, bool replace) {
  const std::string id = call.need("RouteTableId");
  Json& table = need_table(call, id);
  const std::string dest = destination(call);
  Json route = route_target(call, table);
  route[dest.find(':') == std::string::npos ? "destinationCidrBlock" : "destinationIpv6CidrBlock"] = dest;
  Json* existing = find_route(table, dest);
  if (replace) {
    if (existing == nullptr) {
      fail("InvalidRoute.NotFound", "no route with destination-cidr-block " + dest + " in route table " + id);
    }
    *existing = std::move(route);
  } else {
    if (existing != nullptr) fail("RouteAlreadyExists", "The route identified by " + dest + " already exists.");
    table["routeSet"].push_back(std::move(route));
  }
  call.world.changed();
  return ok();
}

Json create_route(Call& call) { return put_route(call, false); }
Json replace_route(Call& call) { return put_route(call, true); }

Json delete_route(Call& call) {
  const std::string id = call.need("RouteTableId");
  Json& table = need_table(call, id);
  const std::string dest = destination(call);
  Json& routes = table["routeSet"];
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const Json& route = routes[i];
    if (route.value("destinationCidrBlock", "") != dest && route.value("destinationIpv6CidrBlock", "") != dest) continue;
    if (route.value("gatewayId", "") == "local") {
      call.invalid("cannot remove local route " + dest + " in route table " + id);
    }
    routes.erase(i);
    call.world.changed();
    return ok();
  }
  fail("InvalidRoute.NotFound", "no route with destination-cidr-block " + dest + " in route table " + id);
}

Json associate_route_table(Call& call) {
  const std::string id = call.need("RouteTableId");
  const std::string subnet_id = call.need("SubnetId");
  Json& table = need_table(call, id);
  Json& subnet = need(call, col::subnets, subnet_id, "InvalidSubnetID.NotFound", "The subnet ID '" + subnet_id + "' does not exist");
  if (subnet.value("vpcId", "") != table.value("vpcId", "")) {
    call.invalid("Route table " + id + " and subnet " + subnet_id + " belong to different networks.");
  }
  for (auto& [tid, other] : collection(call.rs(), col::route_tables).items()) {
    for (const auto& association : other["associationSet"]) {
      if (association.value("subnetId", "") == subnet_id) {
        fail("Resource.AlreadyAssociated", "the specified association for route table " + tid +
                                               " conflicts with an existing association");
      }
    }
  }
  const std::string association_id = call.world.new_id("rtbassoc");
  table["associationSet"].push_back({{"main", false},
                                     {"routeTableAssociationId", association_id},
                                     {"routeTableId", id},
                                     {"subnetId", subnet_id},
                                     {"associationState", {{"state", "associated"}}}});
  call.world.changed();
  return {{"associationId", association_id}, {"associationState", {{"state", "associated"}}}};
}

// The table and index of association `id`, or throws InvalidAssociationID.NotFound.
std::pair<Json*, std::size_t> need_association(Call& call, const std::string& id) {
  for (auto& [tid, table] : collection(call.rs(), col::route_tables).items()) {
    Json& associations = table["associationSet"];
    for (std::size_t i = 0; i < associations.size(); ++i) {
      if (associations[i].value("routeTableAssociationId", "") == id) return {&table, i};
    }
  }
  fail("InvalidAssociationID.NotFound", "The association ID '" + id + "' does not exist");
}

Json disassociate_route_table(Call& call) {
  const std::string id = call.need("AssociationId");
  auto [table, index] = need_association(call, id);
  if ((*table)["associationSet"][index].value("main", false)) {
    call.invalid("cannot disassociate the main route table association " + id);
  }
  (*table)["associationSet"].erase(index);
  call.world.changed();
  return ok();
}

Json replace_route_table_association(Call& call) {
  const std::string id = call.need("AssociationId");
  const std::string table_id = call.need("RouteTableId");
  Json& target = need_table(call, table_id);
  auto [table, index] = need_association(call, id);
  Json association = (*table)["associationSet"][index];
  (*table)["associationSet"].erase(index);
  const std::string new_id = call.world.new_id("rtbassoc");
  association["routeTableAssociationId"] = new_id;
  association["routeTableId"] = table_id;
  target["associationSet"].push_back(association);
  call.world.changed();
  return {{"newAssociationId", new_id}, {"associationState", {{"state", "associated"}}}};
}

}  // namespace

void register_ec2_routes(Registry& r) {
  using aws::Service;
  r.add(Service::ec2, "CreateRouteTable", create_route_table);
  r.add(Service::ec2, "DescribeRouteTables", describe_route_tables);
  r.add(Service::ec2, "DeleteRouteTable", delete_route_table);
  r.add(Service::ec2, "CreateRoute", create_route);
  r.add(Service::ec2, "ReplaceRoute", replace_route);
  r.add(Service::ec2, "DeleteRoute", delete_route);
  r.add(Service::ec2, "AssociateRouteTable", associate_route_table);
  r.add(Service::ec2, "DisassociateRouteTable", disassociate_route_table);
  r.add(Service::ec2, "ReplaceRouteTableAssociation", replace_route_table_association);
}

}  // namespace hopper::sim

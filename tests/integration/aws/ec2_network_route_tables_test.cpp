// Route tables, routes and associations over real HTTP against moto_server.
#include <gtest/gtest.h>

#include <algorithm>

#include "aws/ec2/addresses.hpp"
#include "aws/ec2/internet_gateways.hpp"
#include "aws/ec2/nat_gateways.hpp"
#include "aws/ec2/route_tables.hpp"
#include "aws/ec2/subnets.hpp"
#include "aws/ec2/vpcs.hpp"
#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::ec2 {
namespace {

class Ec2RouteTablesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
    auto vpc = create_vpc(ec2(), "10.0.0.0/16", {{"Name", "hopper"}});
    ASSERT_TRUE(vpc.ok()) << vpc.error().message();
    m_vpc_id = vpc->id;
  }
  Client ec2() { return Client(*m_aws->session); }

  // The one route of `table_id` to `destination`, or nullptr.
  std::optional<Route> route_to(const std::string& table_id, const std::string& destination) {
    auto tables = describe_route_tables(ec2(), {}, {table_id});
    EXPECT_TRUE(tables.ok()) << tables.error().message();
    if (!tables.ok() || tables->size() != 1) return std::nullopt;
    for (const auto& route : tables->front().routes) {
      if (route.destination_cidr_block == destination) return route;
    }
    return std::nullopt;
  }

  std::unique_ptr<test::TestAws> m_aws;
  std::string m_vpc_id;
};

TEST_F(Ec2RouteTablesTest, CreateTaggedDescribeDelete) {
  auto table = create_route_table(ec2(), m_vpc_id, {{"Name", "hopper-public"}, {"role", "public"}});
  ASSERT_TRUE(table.ok()) << table.error().message();
  EXPECT_TRUE(table->id.starts_with("rtb-"));
  EXPECT_EQ(table->vpc_id, m_vpc_id);
  EXPECT_EQ(table->tags.at("Name"), "hopper-public");

  auto found = describe_route_tables(ec2(), {{"vpc-id", {m_vpc_id}}, {"tag:role", {"public"}}});
  ASSERT_TRUE(found.ok()) << found.error().message();
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().id, table->id);
  // Every table starts with the VPC's local route.
  const auto& routes = found->front().routes;
  ASSERT_EQ(routes.size(), 1u);
  EXPECT_EQ(routes[0].destination_cidr_block, "10.0.0.0/16");
  EXPECT_EQ(routes[0].gateway_id, "local");
  EXPECT_EQ(routes[0].state, "active");

  // The VPC's main table exists too, with a main association and no subnet.
  auto main = describe_route_tables(ec2(), {{"vpc-id", {m_vpc_id}}, {"association.main", {"true"}}});
  ASSERT_TRUE(main.ok()) << main.error().message();
  ASSERT_EQ(main->size(), 1u);
  ASSERT_FALSE(main->front().associations.empty());
  EXPECT_TRUE(main->front().associations.front().main);

  ASSERT_TRUE(delete_route_table(ec2(), table->id).ok());
  auto gone = describe_route_tables(ec2(), {}, {table->id});
  ASSERT_FALSE(gone.ok());
  EXPECT_TRUE(is_not_found(gone.error())) << gone.error().message();
  EXPECT_EQ(error_code(gone.error()), "InvalidRouteTableID.NotFound");
}

TEST_F(Ec2RouteTablesTest, RoutesToGatewayAndNatGateway) {
  auto table = create_route_table(ec2(), m_vpc_id, {{"Name", "rt"}});
  ASSERT_TRUE(table.ok()) << table.error().message();
  auto igw = create_internet_gateway(ec2(), {{"Name", "igw"}});
  ASSERT_TRUE(igw.ok()) << igw.error().message();
  ASSERT_TRUE(attach_internet_gateway(ec2(), igw->id, m_vpc_id).ok());

  ASSERT_TRUE(create_route(ec2(), table->id, "0.0.0.0/0", RouteTarget::gateway(igw->id)).ok());
  auto route = route_to(table->id, "0.0.0.0/0");
  ASSERT_TRUE(route.has_value());
  EXPECT_EQ(route->gateway_id, igw->id);
  EXPECT_EQ(route->state, "active");
  EXPECT_EQ(route->origin, "CreateRoute");

  auto twice = create_route(ec2(), table->id, "0.0.0.0/0", RouteTarget::gateway(igw->id));
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(error_code(twice.error()), "RouteAlreadyExists") << twice.error().message();
  EXPECT_TRUE(is_already_exists(twice.error()));

  auto subnet = create_subnet(ec2(), {m_vpc_id, "10.0.1.0/24", "eu-west-1a", {{"Name", "public-a"}}});
  ASSERT_TRUE(subnet.ok()) << subnet.error().message();
  auto eip = allocate_address(ec2(), {{"Name", "nat-a"}});
  ASSERT_TRUE(eip.ok()) << eip.error().message();
  auto nat = create_nat_gateway(ec2(), {subnet->id, eip->allocation_id, "", {{"Name", "nat-a"}}});
  ASSERT_TRUE(nat.ok()) << nat.error().message();

  ASSERT_TRUE(replace_route(ec2(), table->id, "0.0.0.0/0", RouteTarget::nat_gateway(nat->id)).ok());
  route = route_to(table->id, "0.0.0.0/0");
  ASSERT_TRUE(route.has_value());
  EXPECT_EQ(route->nat_gateway_id, nat->id);
  EXPECT_EQ(route->gateway_id, "");

  ASSERT_TRUE(delete_route(ec2(), table->id, "0.0.0.0/0").ok());
  EXPECT_FALSE(route_to(table->id, "0.0.0.0/0").has_value());
  auto missing = delete_route(ec2(), table->id, "0.0.0.0/0");
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(is_not_found(missing.error())) << missing.error().message();
}

TEST_F(Ec2RouteTablesTest, AssociateReplaceDisassociateAndDeleteWhileAssociated) {
  auto table = create_route_table(ec2(), m_vpc_id, {{"Name", "rt"}});
  ASSERT_TRUE(table.ok()) << table.error().message();
  auto subnet = create_subnet(ec2(), {m_vpc_id, "10.0.1.0/24", "eu-west-1a", {{"Name", "private-a"}}});
  ASSERT_TRUE(subnet.ok()) << subnet.error().message();

  auto association = associate_route_table(ec2(), table->id, subnet->id);
  ASSERT_TRUE(association.ok()) << association.error().message();
  EXPECT_TRUE(association->starts_with("rtbassoc-"));
  auto by_subnet = describe_route_tables(ec2(), {{"association.subnet-id", {subnet->id}}});
  ASSERT_TRUE(by_subnet.ok()) << by_subnet.error().message();
  ASSERT_EQ(by_subnet->size(), 1u);
  const auto& associations = by_subnet->front().associations;
  ASSERT_EQ(associations.size(), 1u);
  EXPECT_EQ(associations[0].id, *association);
  EXPECT_EQ(associations[0].subnet_id, subnet->id);
  EXPECT_FALSE(associations[0].main);

  // moto checks this one like AWS: a table with associations cannot go.
  auto refused = delete_route_table(ec2(), table->id);
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(is_dependency_violation(refused.error())) << refused.error().message();

  // Move the subnet to another table in one step, then back.
  auto other = create_route_table(ec2(), m_vpc_id, {{"Name", "other"}});
  ASSERT_TRUE(other.ok()) << other.error().message();
  auto moved = replace_route_table_association(ec2(), *association, other->id);
  ASSERT_TRUE(moved.ok()) << moved.error().message();
  auto on_other = describe_route_tables(ec2(), {{"association.subnet-id", {subnet->id}}});
  ASSERT_TRUE(on_other.ok()) << on_other.error().message();
  ASSERT_EQ(on_other->size(), 1u);
  EXPECT_EQ(on_other->front().id, other->id);
  ASSERT_EQ(on_other->front().associations.size(), 1u);
  EXPECT_EQ(on_other->front().associations[0].id, *moved);
  association = replace_route_table_association(ec2(), *moved, table->id);
  ASSERT_TRUE(association.ok()) << association.error().message();

  ASSERT_TRUE(disassociate_route_table(ec2(), *association).ok());
  auto after = describe_route_tables(ec2(), {}, {table->id});
  ASSERT_TRUE(after.ok()) << after.error().message();
  EXPECT_TRUE(after->front().associations.empty());
  ASSERT_TRUE(delete_route_table(ec2(), table->id).ok());
}

TEST_F(Ec2RouteTablesTest, ListsMoreThanOnePage) {
  for (int i = 0; i < 7; ++i) ASSERT_TRUE(create_route_table(ec2(), m_vpc_id, {{"batch", "p"}}).ok());
  QueryParams params;
  params.filters({{"tag:batch", {"p"}}});
  auto paged = ec2().paginate<RouteTable>("DescribeRouteTables", params, "routeTableSet", decode_route_table, 5);
  ASSERT_TRUE(paged.ok()) << paged.error().message();
  EXPECT_EQ(paged->size(), 7u);
  auto all = describe_route_tables(ec2(), {{"tag:batch", {"p"}}});
  ASSERT_TRUE(all.ok()) << all.error().message();
  EXPECT_EQ(all->size(), 7u);
}

}  // namespace
}  // namespace hopper::aws::ec2

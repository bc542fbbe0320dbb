// The network of the chapter, per zone: VPC, public and private subnets tagged for the cloud
// provider's load balancers, an internet gateway with the public route table, and per zone an
// Elastic IP, a NAT gateway and a private route table whose default route goes through it.
#include "model/builders/cluster.hpp"
#include "model/kinds/elastic_ip.hpp"
#include "model/kinds/internet_gateway.hpp"
#include "model/kinds/nat_gateway.hpp"
#include "model/kinds/route.hpp"
#include "model/kinds/route_table.hpp"
#include "model/kinds/route_table_association.hpp"
#include "model/kinds/subnet.hpp"
#include "model/kinds/vpc.hpp"

namespace hopper::model {

void build_network(const ClusterInputs& inputs, std::vector<std::unique_ptr<Resource>>& out) {
  const spec::ClusterSpec& spec = *inputs.spec;
  const ResourceKey vpc = keys::vpc();

  auto vpc_resource = kinds::make_vpc(inputs.identity.name, {spec.network.vpc_cidr.str(), spec.network.existing_vpc_id});
  if (spec.network.existing_vpc_id) {
    vpc_resource->set_tags({{"kubernetes.io/cluster/" + inputs.identity.name, "shared"}});
  }
  out.push_back(std::move(vpc_resource));

  const ResourceKey igw{"internet_gateway", "main"};
  out.push_back(kinds::make_internet_gateway(inputs.identity.name, vpc));

  const ResourceKey public_table{"route_table", "public"};
  out.push_back(kinds::make_route_table("public", display_name(inputs, "public"), vpc));
  out.push_back(kinds::make_route("public-default", display_name(inputs, "public") + " 0.0.0.0/0",
                                  {public_table, "0.0.0.0/0", kinds::RouteTargetType::internet_gateway, igw}));

  for (const auto& zone : spec.network.zones) {
    const std::string z = zone.name;
    const ResourceKey public_subnet{"subnet", "public-" + z};
    const ResourceKey private_subnet{"subnet", "private-" + z};

    auto pub = kinds::make_subnet("public-" + z, display_name(inputs, "public-" + z),
                                  {vpc, zone.public_subnet.str(), z});
    aws::Tags pub_tags = owned_tags(inputs.identity, public_subnet, pub->display_name());
    pub_tags["kubernetes.io/role/elb"] = "1";
    pub->set_tags(pub_tags);
    out.push_back(std::move(pub));

    auto priv = kinds::make_subnet("private-" + z, display_name(inputs, "private-" + z),
                                   {vpc, zone.private_subnet.str(), z});
    aws::Tags priv_tags = owned_tags(inputs.identity, private_subnet, priv->display_name());
    priv_tags["kubernetes.io/role/internal-elb"] = "1";
    priv->set_tags(priv_tags);
    out.push_back(std::move(priv));

    out.push_back(kinds::make_route_table_association("public-" + z, display_name(inputs, "public-" + z),
                                                      public_table, public_subnet));

    const ResourceKey private_table{"route_table", "private-" + z};
    out.push_back(kinds::make_route_table("private-" + z, display_name(inputs, "private-" + z), vpc));
    out.push_back(kinds::make_route_table_association("private-" + z, display_name(inputs, "private-" + z),
                                                      private_table, private_subnet));

    if (spec.network.nat == spec::NatMode::instance) {
      // The NAT instance itself is built with the other machines (compute.cpp).
      out.push_back(kinds::make_route("private-" + z + "-default", display_name(inputs, "private-" + z) + " 0.0.0.0/0",
                                      {private_table, "0.0.0.0/0", kinds::RouteTargetType::instance,
                                       ResourceKey{"instance", "nat-" + z}}));
    }
    if (spec.network.nat == spec::NatMode::gateway) {
      const ResourceKey eip{"elastic_ip", "nat-" + z};
      out.push_back(kinds::make_elastic_ip("nat-" + z, display_name(inputs, "nat-" + z)));
      out.push_back(kinds::make_nat_gateway(z, display_name(inputs, "nat-" + z), {public_subnet, eip, igw}));
      out.push_back(kinds::make_route("private-" + z + "-default", display_name(inputs, "private-" + z) + " 0.0.0.0/0",
                                      {private_table, "0.0.0.0/0", kinds::RouteTargetType::nat_gateway,
                                       keys::nat_gateway(z)}));
    }
  }
}

}  // namespace hopper::model

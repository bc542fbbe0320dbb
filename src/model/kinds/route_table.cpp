#include "model/kinds/route_table.hpp"

#include "aws/ec2/route_tables.hpp"
#include "model/kinds/common.hpp"
#include "model/wait.hpp"

namespace hopper::model::kinds {
namespace {

Observed observe(const aws::ec2::RouteTable& table) {
  Observed observed;
  observed.id = table.id;
  observed.tags = table.tags;
  observed.fields["vpc_id"] = table.vpc_id;
  for (const auto& route : table.routes) {
    if (route.origin == "CreateRouteTable" || route.destination_cidr_block.empty()) continue;  // the local route
    const std::string target = !route.nat_gateway_id.empty() ? route.nat_gateway_id
                               : !route.gateway_id.empty()   ? route.gateway_id
                               : !route.instance_id.empty()  ? route.instance_id
                                                             : route.network_interface_id;
    observed.attributes["route:" + route.destination_cidr_block] = target;
  }
  for (const auto& association : table.associations) {
    if (association.main || association.subnet_id.empty()) continue;
    observed.attributes["association:" + association.subnet_id] = association.id;
  }
  add_tag_fields(observed.fields, table.tags);
  return observed;
}

class RouteTableKind final : public Kind {
 public:
  std::string_view name() const override { return "route_table"; }
  std::vector<std::string_view> delete_after() const override { return {"nat_gateway"}; }
  util::Result<Discovered> discover(Cloud& cloud) const override {
    HOPPER_ASSIGN(const auto tables, aws::ec2::describe_route_tables(cloud.ec2, cloud.owned_filters(), {}));
    Discovered out;
    for (const auto& table : tables) {
      if (cloud.is_owned(table.tags)) keep_if_kind(out, name(), observe(table));
    }
    return out;
  }
  // Associations first: a table with subnets cannot be deleted.
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    for (const auto& [attribute, association] : observed.attributes) {
      if (attribute.rfind("association:", 0) != 0) continue;
      auto gone = aws::ec2::disassociate_route_table(cloud.ec2, association);
      if (!gone.ok() && !aws::is_not_found(gone.error())) return gone;
    }
    return aws::ec2::delete_route_table(cloud.ec2, observed.id);
  }
};

const RouteTableKind k_kind;

class RouteTableResource final : public Resource {
 public:
  RouteTableResource(const std::string& name, const std::string& display_name, const ResourceKey& vpc)
      : Resource(k_kind, name, display_name, {vpc}), m_vpc(vpc) {}

  Fields desired(const State& state) const override {
    Fields fields{{"vpc_id", state.id_of(m_vpc)}};
    add_tag_fields(fields, tags());
    return fields;
  }
  FieldRule rule(const std::string& field) const override {
    return field == "vpc_id" ? FieldRule::replace : FieldRule::update;
  }

  util::Result<Observed> create(Cloud& cloud, const State& state) const override {
    const std::string vpc = state.id_of(m_vpc);
    HOPPER_ASSIGN(const aws::ec2::RouteTable table,
                  retry_while<aws::ec2::RouteTable>(cloud.clock(), k_ec2_propagation_timeout, is_not_visible_yet,
                                                    [&] { return aws::ec2::create_route_table(cloud.ec2, vpc, tags()); }));
    Observed observed = observe(table);
    observed.tags = tags();
    add_tag_fields(observed.fields, tags());
    return observed;
  }

  util::Result<Observed> update(Cloud& cloud, const State&, const Observed& observed,
                                const std::vector<FieldChange>& changes) const override {
    return update_ec2_tags(cloud, observed, changes);
  }

 private:
  ResourceKey m_vpc;
};

}  // namespace

const Kind& route_table_kind() { return k_kind; }

std::unique_ptr<Resource> make_route_table(const std::string& name, const std::string& display_name,
                                           const ResourceKey& vpc) {
  return std::make_unique<RouteTableResource>(name, display_name, vpc);
}

}  // namespace hopper::model::kinds

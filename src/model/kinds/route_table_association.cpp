#include "model/kinds/route_table_association.hpp"

#include "aws/ec2/route_tables.hpp"
#include "model/kinds/common.hpp"
#include "model/wait.hpp"

namespace hopper::model::kinds {
namespace {

class AssociationKind final : public Kind {
 public:
  std::string_view name() const override { return "route_table_association"; }
  std::vector<std::string_view> delete_after() const override { return {}; }
  // Associations go with their table (whose destroy disassociates first) or subnet.
  util::Result<Discovered> discover(Cloud&) const override { return Discovered{}; }
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    return aws::ec2::disassociate_route_table(cloud.ec2, observed.id);
  }
};

const AssociationKind k_kind;

class AssociationResource final : public Resource {
 public:
  AssociationResource(const std::string& name, const std::string& display_name, const ResourceKey& table,
                      const ResourceKey& subnet)
      : Resource(k_kind, name, display_name, {table, subnet}), m_table(table), m_subnet(subnet) {}

  Fields desired(const State& state) const override {
    return {{"route_table_id", state.id_of(m_table)}, {"subnet_id", state.id_of(m_subnet)}};
  }
  FieldRule rule(const std::string&) const override { return FieldRule::replace; }

  util::Result<std::optional<Observed>> find(Cloud&, const State& state) const override {
    const auto table = state.get(m_table);
    const std::string subnet = state.id_of(m_subnet);
    if (!table || subnet == k_known_after_apply) return std::optional<Observed>{};
    const auto it = table->attributes.find("association:" + subnet);
    if (it == table->attributes.end()) return std::optional<Observed>{};
    return std::optional<Observed>(observed(it->second, table->id, subnet));
  }

  util::Result<Observed> create(Cloud& cloud, const State& state) const override {
    const std::string table = state.id_of(m_table);
    const std::string subnet = state.id_of(m_subnet);
    auto association = retry_while<std::string>(cloud.clock(), k_ec2_propagation_timeout, is_not_visible_yet,
                                                [&] { return aws::ec2::associate_route_table(cloud.ec2, table, subnet); });
    if (!association) {
      if (aws::error_code(association.error()) != aws::codes::resource_already_associated) {
        return std::move(association).error();
      }
      // Associated already (a lost answer, or another table): read which, and fix it.
      HOPPER_ASSIGN(const auto tables, aws::ec2::describe_route_tables(
                                           cloud.ec2, {{"association.subnet-id", {subnet}}}, {}));
      for (const auto& t : tables) {
        for (const auto& a : t.associations) {
          if (a.subnet_id != subnet) continue;
          if (t.id == table) return observed(a.id, table, subnet);
          aws::QueryParams params;
          params.set("AssociationId", a.id).set("RouteTableId", table);
          HOPPER_ASSIGN(const aws::XmlResponse moved, cloud.ec2.call("ReplaceRouteTableAssociation", params));
          return observed(codec::text(moved.result(), "newAssociationId"), table, subnet);
        }
      }
      return std::move(association).error();
    }
    return observed(*association, table, subnet);
  }

 private:
  static Observed observed(const std::string& id, const std::string& table, const std::string& subnet) {
    Observed o;
    o.id = id;
    o.fields = {{"route_table_id", table}, {"subnet_id", subnet}};
    return o;
  }
  ResourceKey m_table;
  ResourceKey m_subnet;
};

}  // namespace

const Kind& route_table_association_kind() { return k_kind; }

std::unique_ptr<Resource> make_route_table_association(const std::string& name, const std::string& display_name,
                                                       const ResourceKey& table, const ResourceKey& subnet) {
  return std::make_unique<AssociationResource>(name, display_name, table, subnet);
}

}  // namespace hopper::model::kinds

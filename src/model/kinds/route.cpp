#include "model/kinds/route.hpp"

#include "aws/ec2/nat_gateways.hpp"
#include "aws/ec2/route_tables.hpp"
#include "model/kinds/common.hpp"
#include "model/kinds/route_table.hpp"
#include "model/wait.hpp"

namespace hopper::model::kinds {
namespace {

class RouteKind final : public Kind {
 public:
  std::string_view name() const override { return "route"; }
  std::vector<std::string_view> delete_after() const override { return {}; }
  // Routes go with their table.
  util::Result<Discovered> discover(Cloud&) const override { return Discovered{}; }
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    const auto table = observed.attributes.find("table_id");
    const auto destination = observed.attributes.find("destination");
    if (table == observed.attributes.end() || destination == observed.attributes.end()) return {};
    return aws::ec2::delete_route(cloud.ec2, table->second, destination->second);
  }
};

const RouteKind k_kind;

aws::ec2::RouteTarget make_target(RouteTargetType type, const std::string& id) {
  aws::ec2::RouteTarget target;
  switch (type) {
    case RouteTargetType::internet_gateway: target.gateway_id = id; break;
    case RouteTargetType::nat_gateway: target.nat_gateway_id = id; break;
    case RouteTargetType::instance: target.instance_id = id; break;
  }
  return target;
}

class RouteResource final : public Resource {
 public:
  RouteResource(const std::string& name, const std::string& display_name, RouteSpec spec)
      : Resource(k_kind, name, display_name, {spec.table, spec.target}), m_spec(std::move(spec)) {}

  Fields desired(const State& state) const override { return {{"target", state.id_of(m_spec.target)}}; }

  util::Result<std::optional<Observed>> find(Cloud&, const State& state) const override {
    const auto table = state.get(m_spec.table);
    if (!table) return std::optional<Observed>{};
    const auto route = table->attributes.find("route:" + m_spec.destination);
    if (route == table->attributes.end()) return std::optional<Observed>{};
    return std::optional<Observed>(observed(table->id, route->second));
  }

  util::Result<Observed> create(Cloud& cloud, const State& state) const override {
    const std::string table = state.id_of(m_spec.table);
    const std::string target = state.id_of(m_spec.target);
    if (m_spec.target_type == RouteTargetType::nat_gateway) HOPPER_TRY(wait_nat_available(cloud, target));
    auto created = retry_status_while(cloud.clock(), k_ec2_propagation_timeout, is_not_visible_yet, [&] {
      return aws::ec2::create_route(cloud.ec2, table, m_spec.destination, make_target(m_spec.target_type, target));
    });
    if (!created.ok()) {
      if (aws::error_code(created.error()) != aws::codes::route_already_exists) return std::move(created).error();
      // Someone (or a lost answer) made it already: point it where it should go.
      HOPPER_TRY(aws::ec2::replace_route(cloud.ec2, table, m_spec.destination, make_target(m_spec.target_type, target)));
    }
    return observed(table, target);
  }

  util::Result<Observed> update(Cloud& cloud, const State& state, const Observed& current,
                                const std::vector<FieldChange>&) const override {
    const std::string table = state.id_of(m_spec.table);
    const std::string target = state.id_of(m_spec.target);
    if (m_spec.target_type == RouteTargetType::nat_gateway) HOPPER_TRY(wait_nat_available(cloud, target));
    HOPPER_TRY(aws::ec2::replace_route(cloud.ec2, table, m_spec.destination, make_target(m_spec.target_type, target)));
    (void)current;
    return observed(table, target);
  }

 private:
  Observed observed(const std::string& table, const std::string& target) const {
    Observed o;
    o.id = table + ":" + m_spec.destination;
    o.fields["target"] = target;
    o.attributes["table_id"] = table;
    o.attributes["destination"] = m_spec.destination;
    return o;
  }

  static util::Status wait_nat_available(Cloud& cloud, const std::string& nat) {
    PollOptions options;
    options.timeout = k_nat_gateway_create_timeout;
    auto waited = poll<bool>(cloud.clock(), "NAT gateway " + nat, options, [&]() -> util::Result<PollStep<bool>> {
      auto gateways = aws::ec2::describe_nat_gateways(cloud.ec2, {}, {nat});
      if (!gateways) {
        if (aws::is_not_found(gateways.error())) return PollStep<bool>::pending("not visible");
        return std::move(gateways).error();
      }
      if (gateways->empty()) return PollStep<bool>::pending("not visible");
      const auto& state = gateways->front().state;
      if (state == "available") return PollStep<bool>::done(true);
      if (state == "failed" || state == "deleted" || state == "deleting") {
        return util::Error::failed("NAT gateway " + nat + " is " + state + ": " + gateways->front().failure_message);
      }
      return PollStep<bool>::pending(state);
    });
    if (!waited) return std::move(waited).error();
    return {};
  }

  RouteSpec m_spec;
};

}  // namespace

const Kind& route_kind() { return k_kind; }

std::unique_ptr<Resource> make_route(const std::string& name, const std::string& display_name, RouteSpec spec) {
  return std::make_unique<RouteResource>(name, display_name, std::move(spec));
}

}  // namespace hopper::model::kinds

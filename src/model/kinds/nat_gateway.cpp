#include "model/kinds/nat_gateway.hpp"

#include "aws/ec2/nat_gateways.hpp"
#include "model/kinds/common.hpp"
#include "model/wait.hpp"

namespace hopper::model::kinds {
namespace {

// pending and available are both healthy for planning; anything else must be replaced.
std::string health(const std::string& state) {
  return state == "pending" || state == "available" ? "healthy" : state;
}

Observed observe(const aws::ec2::NatGateway& gateway) {
  Observed observed;
  observed.id = gateway.id;
  observed.state = gateway.state;
  observed.tags = gateway.tags;
  observed.fields["subnet_id"] = gateway.subnet_id;
  observed.fields["allocation_id"] = gateway.addresses.empty() ? "" : gateway.addresses.front().allocation_id;
  observed.fields["health"] = health(gateway.state);
  if (!gateway.addresses.empty()) observed.attributes["public_ip"] = gateway.addresses.front().public_ip;
  add_tag_fields(observed.fields, gateway.tags);
  return observed;
}

util::Result<aws::ec2::NatGateway> wait_state(Cloud& cloud, const std::string& id, const std::string& target,
                                              std::chrono::milliseconds timeout) {
  PollOptions options;
  options.timeout = timeout;
  return poll<aws::ec2::NatGateway>(
      cloud.clock(), "NAT gateway " + id + " to be " + target, options,
      [&]() -> util::Result<PollStep<aws::ec2::NatGateway>> {
        auto gateways = aws::ec2::describe_nat_gateways(cloud.ec2, {}, {id});
        if (!gateways) {
          if (aws::is_not_found(gateways.error())) {
            if (target == "deleted") return PollStep<aws::ec2::NatGateway>::done({});
            return PollStep<aws::ec2::NatGateway>::pending("not visible yet");
          }
          return std::move(gateways).error();
        }
        if (gateways->empty()) {
          if (target == "deleted") return PollStep<aws::ec2::NatGateway>::done({});
          return PollStep<aws::ec2::NatGateway>::pending("not visible yet");
        }
        const aws::ec2::NatGateway& gateway = gateways->front();
        if (gateway.state == target) return PollStep<aws::ec2::NatGateway>::done(gateway);
        if (gateway.state == "failed" && target != "deleted") {
          return util::Error::failed("NAT gateway " + id + " failed: " + gateway.failure_code + " " + gateway.failure_message);
        }
        return PollStep<aws::ec2::NatGateway>::pending(gateway.state);
      });
}

class NatGatewayKind final : public Kind {
 public:
  std::string_view name() const override { return "nat_gateway"; }
  std::vector<std::string_view> delete_after() const override { return {}; }
  util::Result<Discovered> discover(Cloud& cloud) const override {
    // Some endpoints ignore tag filters here (moto): the ownership check below is what counts.
    HOPPER_ASSIGN(const auto gateways, aws::ec2::describe_nat_gateways(cloud.ec2, cloud.owned_filters(), {}));
    Discovered out;
    for (const auto& gateway : gateways) {
      if (!cloud.is_owned(gateway.tags) || gateway.state == "deleted" || gateway.state == "deleting") continue;
      keep_if_kind(out, name(), observe(gateway));
    }
    return out;
  }
  // Waits until deleted: its Elastic IP and the gateway's public mapping block what follows.
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    auto deleted = aws::ec2::delete_nat_gateway(cloud.ec2, observed.id);
    if (!deleted.ok() && !aws::is_not_found(deleted.error())) return deleted;
    auto waited = wait_state(cloud, observed.id, "deleted", k_nat_gateway_delete_timeout);
    if (!waited) return std::move(waited).error();
    return {};
  }
};

const NatGatewayKind k_kind;

class NatGatewayResource final : public Resource {
 public:
  NatGatewayResource(const std::string& name, const std::string& display_name, NatGatewaySpec spec)
      : Resource(k_kind, name, display_name, {spec.subnet, spec.elastic_ip, spec.internet_gateway}),
        m_spec(std::move(spec)) {}

  Fields desired(const State& state) const override {
    Fields fields{{"subnet_id", state.id_of(m_spec.subnet)},
                  {"allocation_id", state.id_of(m_spec.elastic_ip)},
                  {"health", "healthy"}};
    add_tag_fields(fields, tags());
    return fields;
  }
  FieldRule rule(const std::string& field) const override {
    return is_tag_field(field) ? FieldRule::update : FieldRule::replace;
  }

  util::Result<Observed> create(Cloud& cloud, const State& state) const override {
    aws::ec2::CreateNatGatewayRequest request;
    request.subnet_id = state.id_of(m_spec.subnet);
    request.allocation_id = state.id_of(m_spec.elastic_ip);
    request.client_token = cloud.client_token(key());
    request.tags = tags();
    HOPPER_ASSIGN(const aws::ec2::NatGateway created,
                  retry_while<aws::ec2::NatGateway>(cloud.clock(), k_ec2_propagation_timeout, is_not_visible_yet,
                                                    [&] { return aws::ec2::create_nat_gateway(cloud.ec2, request); }));
    HOPPER_ASSIGN(aws::ec2::NatGateway available,
                  wait_state(cloud, created.id, "available", k_nat_gateway_create_timeout));
    if (available.tags.empty()) available.tags = tags();
    Observed observed = observe(available);
    add_tag_fields(observed.fields, tags());
    return observed;
  }

  util::Result<Observed> update(Cloud& cloud, const State&, const Observed& observed,
                                const std::vector<FieldChange>& changes) const override {
    return update_ec2_tags(cloud, observed, changes);
  }

 private:
  NatGatewaySpec m_spec;
};

}  // namespace

const Kind& nat_gateway_kind() { return k_kind; }

std::unique_ptr<Resource> make_nat_gateway(const std::string& name, const std::string& display_name, NatGatewaySpec spec) {
  return std::make_unique<NatGatewayResource>(name, display_name, std::move(spec));
}

}  // namespace hopper::model::kinds

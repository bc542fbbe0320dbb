#include "model/kinds/internet_gateway.hpp"

#include "aws/ec2/internet_gateways.hpp"
#include "model/kinds/common.hpp"
#include "model/wait.hpp"

namespace hopper::model::kinds {
namespace {

Observed observe(const aws::ec2::InternetGateway& gateway) {
  Observed observed;
  observed.id = gateway.id;
  observed.tags = gateway.tags;
  std::string vpc;
  for (const auto& attachment : gateway.attachments) {
    if (attachment.state == "available" || attachment.state == "attached" || attachment.state == "attaching") {
      vpc = attachment.vpc_id;
    }
  }
  observed.fields["vpc_id"] = vpc;
  observed.state = vpc.empty() ? "detached" : "attached";
  add_tag_fields(observed.fields, gateway.tags);
  return observed;
}

class InternetGatewayKind final : public Kind {
 public:
  std::string_view name() const override { return "internet_gateway"; }
  // Detaching fails while the VPC still maps public addresses (EIPs, NAT gateways, instances).
  std::vector<std::string_view> delete_after() const override {
    return {"nat_gateway", "elastic_ip", "instance", "auto_scaling_group", "classic_load_balancer", "load_balancer"};
  }
  util::Result<Discovered> discover(Cloud& cloud) const override {
    HOPPER_ASSIGN(const auto gateways, aws::ec2::describe_internet_gateways(cloud.ec2, cloud.owned_filters(), {}));
    Discovered out;
    for (const auto& gateway : gateways) {
      if (cloud.is_owned(gateway.tags)) keep_if_kind(out, name(), observe(gateway));
    }
    return out;
  }
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    const auto vpc = observed.fields.find("vpc_id");
    if (vpc != observed.fields.end() && !vpc->second.empty()) {
      auto detached = aws::ec2::detach_internet_gateway(cloud.ec2, observed.id, vpc->second);
      if (!detached.ok() && aws::error_code(detached.error()) != "Gateway.NotAttached" &&
          !aws::is_not_found(detached.error())) {
        return detached;
      }
    }
    return aws::ec2::delete_internet_gateway(cloud.ec2, observed.id);
  }
};

const InternetGatewayKind k_kind;

class InternetGatewayResource final : public Resource {
 public:
  InternetGatewayResource(const std::string& display_name, const ResourceKey& vpc)
      : Resource(k_kind, "main", display_name, {vpc}), m_vpc(vpc) {}

  Fields desired(const State& state) const override {
    Fields fields{{"vpc_id", state.id_of(m_vpc)}};
    add_tag_fields(fields, tags());
    return fields;
  }

  util::Result<Observed> create(Cloud& cloud, const State& state) const override {
    HOPPER_ASSIGN(const aws::ec2::InternetGateway gateway, aws::ec2::create_internet_gateway(cloud.ec2, tags()));
    Observed observed = observe(gateway);
    observed.tags = tags();
    add_tag_fields(observed.fields, tags());
    HOPPER_TRY(attach(cloud, observed.id, state.id_of(m_vpc)));
    observed.fields["vpc_id"] = state.id_of(m_vpc);
    observed.state = "attached";
    return observed;
  }

  util::Result<Observed> update(Cloud& cloud, const State& state, const Observed& observed,
                                const std::vector<FieldChange>& changes) const override {
    HOPPER_ASSIGN(Observed updated, update_ec2_tags(cloud, observed, changes));
    for (const auto& change : field_changes(changes)) {
      if (change.field != "vpc_id") continue;
      if (!change.from.empty()) HOPPER_TRY(aws::ec2::detach_internet_gateway(cloud.ec2, observed.id, change.from));
      HOPPER_TRY(attach(cloud, observed.id, state.id_of(m_vpc)));
      updated.fields["vpc_id"] = state.id_of(m_vpc);
    }
    return updated;
  }

 private:
  static util::Status attach(Cloud& cloud, const std::string& gateway, const std::string& vpc) {
    return retry_status_while(cloud.clock(), k_ec2_propagation_timeout, is_not_visible_yet, [&]() -> util::Status {
      auto attached = aws::ec2::attach_internet_gateway(cloud.ec2, gateway, vpc);
      // A retried attach whose first answer was lost finds the gateway attached already.
      if (!attached.ok() && aws::error_code(attached.error()) == aws::codes::resource_already_associated) return {};
      return attached;
    });
  }
  ResourceKey m_vpc;
};

}  // namespace

const Kind& internet_gateway_kind() { return k_kind; }

std::unique_ptr<Resource> make_internet_gateway(const std::string& display_name, const ResourceKey& vpc) {
  return std::make_unique<InternetGatewayResource>(display_name, vpc);
}

}  // namespace hopper::model::kinds

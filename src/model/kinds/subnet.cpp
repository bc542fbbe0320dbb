#include "model/kinds/subnet.hpp"

#include "aws/ec2/subnets.hpp"
#include "model/kinds/common.hpp"
#include "model/wait.hpp"

namespace hopper::model::kinds {
namespace {

Observed observe(const aws::ec2::Subnet& subnet) {
  Observed observed;
  observed.id = subnet.id;
  observed.state = subnet.state;
  observed.tags = subnet.tags;
  observed.fields = {{"vpc_id", subnet.vpc_id},
                     {"cidr_block", subnet.cidr_block},
                     {"availability_zone", subnet.availability_zone}};
  observed.attributes["availability_zone"] = subnet.availability_zone;
  add_tag_fields(observed.fields, subnet.tags);
  return observed;
}

class SubnetKind final : public Kind {
 public:
  std::string_view name() const override { return "subnet"; }
  std::vector<std::string_view> delete_after() const override {
    return {"instance", "nat_gateway", "auto_scaling_group", "network_interface", "classic_load_balancer",
            "load_balancer"};
  }
  util::Result<Discovered> discover(Cloud& cloud) const override {
    HOPPER_ASSIGN(const auto subnets, aws::ec2::describe_subnets(cloud.ec2, cloud.owned_filters(), {}));
    Discovered out;
    for (const auto& subnet : subnets) {
      if (cloud.is_owned(subnet.tags)) keep_if_kind(out, name(), observe(subnet));
    }
    return out;
  }
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    return aws::ec2::delete_subnet(cloud.ec2, observed.id);
  }
};

const SubnetKind k_kind;

class SubnetResource final : public Resource {
 public:
  SubnetResource(const std::string& name, const std::string& display_name, SubnetSpec spec)
      : Resource(k_kind, name, display_name, {spec.vpc}), m_spec(std::move(spec)) {}

  Fields desired(const State& state) const override {
    Fields fields{{"vpc_id", state.id_of(m_spec.vpc)},
                  {"cidr_block", m_spec.cidr_block},
                  {"availability_zone", m_spec.availability_zone}};
    add_tag_fields(fields, tags());
    return fields;
  }
  FieldRule rule(const std::string& field) const override {
    return is_tag_field(field) ? FieldRule::update : FieldRule::replace;
  }

  util::Result<Observed> create(Cloud& cloud, const State& state) const override {
    aws::ec2::CreateSubnetRequest request;
    request.vpc_id = state.id_of(m_spec.vpc);
    request.cidr_block = m_spec.cidr_block;
    request.availability_zone = m_spec.availability_zone;
    request.tags = tags();
    // A VPC created a moment ago may not be visible yet.
    HOPPER_ASSIGN(const aws::ec2::Subnet subnet,
                  retry_while<aws::ec2::Subnet>(cloud.clock(), k_ec2_propagation_timeout, is_not_visible_yet,
                                                [&] { return aws::ec2::create_subnet(cloud.ec2, request); }));
    Observed observed = observe(subnet);
    observed.tags = tags();
    add_tag_fields(observed.fields, tags());
    return observed;
  }

  util::Result<Observed> update(Cloud& cloud, const State&, const Observed& observed,
                                const std::vector<FieldChange>& changes) const override {
    return update_ec2_tags(cloud, observed, changes);
  }

 private:
  SubnetSpec m_spec;
};

}  // namespace

const Kind& subnet_kind() { return k_kind; }

std::unique_ptr<Resource> make_subnet(const std::string& name, const std::string& display_name, SubnetSpec spec) {
  return std::make_unique<SubnetResource>(name, display_name, std::move(spec));
}

}  // namespace hopper::model::kinds

#include "model/kinds/security_group.hpp"

#include "aws/ec2/security_groups.hpp"
#include "model/kinds/common.hpp"
#include "model/kinds/security_group_rules.hpp"
#include "model/wait.hpp"

namespace hopper::model::kinds {
namespace {

Observed observe(const aws::ec2::SecurityGroup& group) {
  Observed observed;
  observed.id = group.id;
  observed.tags = group.tags;
  observed.fields = {{"vpc_id", group.vpc_id}, {"group_name", group.name}, {"description", group.description}};
  observed.attributes["ingress"] = render_atoms(atoms_of(group.ingress));
  add_tag_fields(observed.fields, group.tags);
  return observed;
}

class SecurityGroupKind final : public Kind {
 public:
  std::string_view name() const override { return "security_group"; }
  std::vector<std::string_view> delete_after() const override {
    return {"instance", "auto_scaling_group", "network_interface", "classic_load_balancer", "load_balancer"};
  }
  util::Result<Discovered> discover(Cloud& cloud) const override {
    HOPPER_ASSIGN(const auto groups, aws::ec2::describe_security_groups(cloud.ec2, cloud.owned_filters(), {}));
    Discovered out;
    for (const auto& group : groups) {
      if (cloud.is_owned(group.tags)) keep_if_kind(out, name(), observe(group));
    }
    return out;
  }
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    auto revoked = revoke_group_references(cloud, observed.id);
    if (!revoked.ok() && !aws::is_not_found(revoked.error())) return revoked;
    return aws::ec2::delete_security_group(cloud.ec2, observed.id);
  }
};

const SecurityGroupKind k_kind;

class SecurityGroupResource final : public Resource {
 public:
  SecurityGroupResource(const std::string& name, SecurityGroupSpec spec)
      : Resource(k_kind, name, spec.group_name, {spec.vpc}), m_spec(std::move(spec)) {}

  Fields desired(const State& state) const override {
    Fields fields{{"vpc_id", state.id_of(m_spec.vpc)},
                  {"group_name", m_spec.group_name},
                  {"description", m_spec.description}};
    add_tag_fields(fields, tags());
    return fields;
  }
  FieldRule rule(const std::string& field) const override {
    return is_tag_field(field) ? FieldRule::update : FieldRule::replace;
  }

  util::Result<Observed> create(Cloud& cloud, const State& state) const override {
    aws::ec2::CreateSecurityGroupRequest request;
    request.name = m_spec.group_name;
    request.description = m_spec.description;
    request.vpc_id = state.id_of(m_spec.vpc);
    request.tags = tags();
    auto created = retry_while<std::string>(cloud.clock(), k_ec2_propagation_timeout, is_not_visible_yet,
                                            [&] { return aws::ec2::create_security_group(cloud.ec2, request); });
    std::string id;
    if (created) {
      id = *created;
    } else if (aws::error_code(created.error()) == aws::codes::invalid_group_duplicate) {
      // Names are unique per VPC: a lost answer left it there. Take it.
      HOPPER_ASSIGN(const auto groups, aws::ec2::describe_security_groups(
                                           cloud.ec2, {{"vpc-id", {request.vpc_id}}, {"group-name", {request.name}}}, {}));
      if (groups.empty()) return std::move(created).error();
      id = groups.front().id;
    } else {
      return std::move(created).error();
    }
    Observed observed;
    observed.id = id;
    observed.tags = tags();
    observed.fields = desired(state);
    observed.attributes["ingress"] = "";
    return observed;
  }

  util::Result<Observed> update(Cloud& cloud, const State&, const Observed& observed,
                                const std::vector<FieldChange>& changes) const override {
    return update_ec2_tags(cloud, observed, changes);
  }

 private:
  SecurityGroupSpec m_spec;
};

}  // namespace

const Kind& security_group_kind() { return k_kind; }

std::unique_ptr<Resource> make_security_group(const std::string& name, SecurityGroupSpec spec) {
  return std::make_unique<SecurityGroupResource>(name, std::move(spec));
}

util::Status revoke_group_references(Cloud& cloud, const std::string& group_id) {
  HOPPER_ASSIGN(const auto groups, aws::ec2::describe_security_groups(cloud.ec2, {}, {group_id}));
  for (const auto& group : groups) {
    std::vector<aws::ec2::IpPermission> ingress, egress;
    for (const auto& p : group.ingress) {
      if (!p.groups.empty()) ingress.push_back({p.protocol, p.from_port, p.to_port, {}, p.groups});
    }
    for (const auto& p : group.egress) {
      if (!p.groups.empty()) egress.push_back({p.protocol, p.from_port, p.to_port, {}, p.groups});
    }
    if (!ingress.empty()) HOPPER_TRY(aws::ec2::revoke_ingress(cloud.ec2, group.id, ingress));
    if (!egress.empty()) HOPPER_TRY(aws::ec2::revoke_egress(cloud.ec2, group.id, egress));
  }
  return {};
}

}  // namespace hopper::model::kinds

#include "model/kinds/vpc.hpp"

#include "aws/ec2/tags.hpp"
#include "aws/ec2/vpcs.hpp"
#include "model/kinds/common.hpp"
#include "model/wait.hpp"

namespace hopper::model::kinds {
namespace {

using aws::ec2::VpcAttribute;

// Reads the DNS attributes and the generation into an Observed.
util::Result<Observed> observe(Cloud& cloud, const aws::ec2::Vpc& vpc) {
  Observed observed;
  observed.id = vpc.id;
  observed.state = vpc.state;
  observed.tags = vpc.tags;
  observed.fields["cidr_block"] = vpc.cidr_block;
  HOPPER_ASSIGN(const bool support, aws::ec2::describe_vpc_attribute(cloud.ec2, vpc.id, VpcAttribute::enable_dns_support));
  HOPPER_ASSIGN(const bool hostnames, aws::ec2::describe_vpc_attribute(cloud.ec2, vpc.id, VpcAttribute::enable_dns_hostnames));
  observed.fields["enable_dns_support"] = bool_text(support);
  observed.fields["enable_dns_hostnames"] = bool_text(hostnames);
  add_tag_fields(observed.fields, vpc.tags);
  return observed;
}

class VpcKind final : public Kind {
 public:
  std::string_view name() const override { return "vpc"; }
  std::vector<std::string_view> delete_after() const override {
    return {"subnet", "route_table", "internet_gateway", "security_group", "nat_gateway", "instance",
            "auto_scaling_group", "elastic_ip", "network_interface", "k8s_security_group",
            "classic_load_balancer", "load_balancer", "target_group"};
  }
  util::Result<Discovered> discover(Cloud& cloud) const override {
    HOPPER_ASSIGN(const auto vpcs, aws::ec2::describe_vpcs(cloud.ec2, cloud.owned_filters()));
    Discovered out;
    for (const auto& vpc : vpcs) {
      if (!cloud.is_owned(vpc.tags)) continue;
      HOPPER_ASSIGN(Observed observed, observe(cloud, vpc));
      keep_if_kind(out, name(), std::move(observed));
    }
    return out;
  }
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    if (observed.shared) return {};
    return aws::ec2::delete_vpc(cloud.ec2, observed.id);
  }
};

const VpcKind k_kind;

class VpcResource final : public Resource {
 public:
  VpcResource(const std::string& display_name, VpcSpec spec)
      : Resource(k_kind, "main", display_name, {}), m_spec(std::move(spec)) {}

  Fields desired(const State&) const override {
    Fields fields{{"cidr_block", m_spec.cidr_block},
                  {"enable_dns_support", "true"},
                  {"enable_dns_hostnames", "true"}};
    add_tag_fields(fields, tags());
    return fields;
  }
  FieldRule rule(const std::string& field) const override {
    return field == "cidr_block" ? FieldRule::replace : FieldRule::update;
  }

  util::Result<std::optional<Observed>> find(Cloud& cloud, const State& state) const override {
    std::optional<Observed> found;
    if (m_spec.existing_id) {
      auto vpcs = aws::ec2::describe_vpcs(cloud.ec2, {}, {*m_spec.existing_id});
      if (!vpcs) {
        if (aws::is_not_found(vpcs.error())) return std::optional<Observed>{};
        return std::move(vpcs).error();
      }
      if (vpcs->empty()) return std::optional<Observed>{};
      HOPPER_ASSIGN(Observed observed, observe(cloud, vpcs->front()));
      observed.shared = true;
      found = std::move(observed);
    } else {
      HOPPER_ASSIGN(found, Resource::find(cloud, state));
    }
    if (found) {
      const auto it = found->tags.find(generation_key(cloud));
      if (it != found->tags.end() && !it->second.empty()) cloud.set_generation(it->second);
    }
    return found;
  }

  util::Result<Observed> create(Cloud& cloud, const State&) const override {
    // An existing VPC gets only the cluster tag `shared` (set by the builder) and the generation.
    if (m_spec.existing_id) {
      return util::Error::failed("network.existingVpcId " + *m_spec.existing_id + " does not exist in " +
                                 cloud.cluster().region);
    }
    aws::Tags all_tags = tags();
    all_tags[generation_key(cloud)] = cloud.generation();
    HOPPER_ASSIGN(const aws::ec2::Vpc vpc, aws::ec2::create_vpc(cloud.ec2, m_spec.cidr_block, all_tags));
    for (const auto attribute : {VpcAttribute::enable_dns_support, VpcAttribute::enable_dns_hostnames}) {
      HOPPER_TRY(retry_status_while(cloud.clock(), k_ec2_propagation_timeout, is_not_visible_yet, [&] {
        return aws::ec2::modify_vpc_attribute(cloud.ec2, vpc.id, attribute, true);
      }));
    }
    Observed observed;
    observed.id = vpc.id;
    observed.state = vpc.state;
    observed.tags = all_tags;
    observed.fields = desired(State());
    add_tag_fields(observed.fields, all_tags);
    return observed;
  }

  util::Result<Observed> update(Cloud& cloud, const State&, const Observed& observed,
                                const std::vector<FieldChange>& changes) const override {
    Observed updated = observed;
    for (const auto& change : field_changes(changes)) {
      const auto attribute = change.field == "enable_dns_support" ? VpcAttribute::enable_dns_support
                                                                   : VpcAttribute::enable_dns_hostnames;
      HOPPER_TRY(aws::ec2::modify_vpc_attribute(cloud.ec2, observed.id, attribute, change.to == "true"));
      updated.fields[change.field] = change.to;
    }
    std::vector<FieldChange> tag_changes = changes;
    if (!observed.tags.count(generation_key(cloud))) {
      // An existing VPC seen for the first time: record the generation with the cluster tag.
      tag_changes.push_back({"tag:" + generation_key(cloud), "", cloud.generation()});
    }
    HOPPER_TRY(apply_ec2_tag_changes(cloud, observed.id, tag_changes));
    for (const auto& [key, value] : changed_tags(tag_changes)) {
      updated.tags[key] = value;
      updated.fields["tag:" + key] = value;
    }
    return updated;
  }

  static std::string generation_key(const Cloud& cloud) {
    return std::string(k_tag_generation_prefix) + cloud.cluster().name;
  }

 private:
  VpcSpec m_spec;
};

}  // namespace

const Kind& vpc_kind() { return k_kind; }

std::unique_ptr<Resource> make_vpc(const std::string& display_name, VpcSpec spec) {
  return std::make_unique<VpcResource>(display_name, std::move(spec));
}

}  // namespace hopper::model::kinds

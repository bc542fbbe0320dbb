#include "model/kinds/elastic_ip.hpp"

#include "aws/ec2/addresses.hpp"
#include "model/kinds/common.hpp"

namespace hopper::model::kinds {
namespace {

Observed observe(const aws::ec2::Address& address) {
  Observed observed;
  observed.id = address.allocation_id;
  observed.tags = address.tags;
  observed.attributes["public_ip"] = address.public_ip;
  observed.attributes["association_id"] = address.association_id;
  observed.state = address.association_id.empty() ? "unassociated" : "associated";
  add_tag_fields(observed.fields, address.tags);
  return observed;
}

class ElasticIpKind final : public Kind {
 public:
  std::string_view name() const override { return "elastic_ip"; }
  // Released only after the NAT gateway (or instance) using it is gone.
  std::vector<std::string_view> delete_after() const override { return {"nat_gateway", "instance"}; }
  util::Result<Discovered> discover(Cloud& cloud) const override {
    HOPPER_ASSIGN(const auto addresses, aws::ec2::describe_addresses(cloud.ec2, cloud.owned_filters(), {}));
    Discovered out;
    for (const auto& address : addresses) {
      if (cloud.is_owned(address.tags)) keep_if_kind(out, name(), observe(address));
    }
    return out;
  }
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    return aws::ec2::release_address(cloud.ec2, observed.id);
  }
};

const ElasticIpKind k_kind;

class ElasticIpResource final : public Resource {
 public:
  ElasticIpResource(const std::string& name, const std::string& display_name)
      : Resource(k_kind, name, display_name, {}) {}

  Fields desired(const State&) const override {
    Fields fields;
    add_tag_fields(fields, tags());
    return fields;
  }

  util::Result<Observed> create(Cloud& cloud, const State&) const override {
    HOPPER_ASSIGN(const aws::ec2::Address address, aws::ec2::allocate_address(cloud.ec2, tags()));
    Observed observed = observe(address);
    observed.tags = tags();
    add_tag_fields(observed.fields, tags());
    return observed;
  }

  util::Result<Observed> update(Cloud& cloud, const State&, const Observed& observed,
                                const std::vector<FieldChange>& changes) const override {
    return update_ec2_tags(cloud, observed, changes);
  }
};

}  // namespace

const Kind& elastic_ip_kind() { return k_kind; }

std::unique_ptr<Resource> make_elastic_ip(const std::string& name, const std::string& display_name) {
  return std::make_unique<ElasticIpResource>(name, display_name);
}

}  // namespace hopper::model::kinds

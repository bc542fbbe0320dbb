#include "model/kinds/iam_instance_profile.hpp"

#include "aws/iam/instance_profiles.hpp"
#include "model/kinds/common.hpp"
#include "model/wait.hpp"
#include "util/strings.hpp"

namespace hopper::model::kinds {
namespace {

Observed observe(const aws::iam::InstanceProfile& profile) {
  Observed observed;
  observed.id = profile.name;
  observed.tags = profile.tags;
  observed.attributes["arn"] = profile.arn;
  observed.fields["role"] = util::join(profile.role_names, ",");
  return observed;
}

class InstanceProfileKind final : public Kind {
 public:
  std::string_view name() const override { return "iam_instance_profile"; }
  std::vector<std::string_view> delete_after() const override { return {"instance", "auto_scaling_group", "launch_template"}; }
  util::Result<Discovered> discover(Cloud& cloud) const override {
    HOPPER_ASSIGN(const auto profiles, aws::iam::list_instance_profiles(cloud.iam, cloud.iam_path()));
    const std::string prefix = cloud.iam_name("");
    Discovered out;
    for (const auto& profile : profiles) {
      // Some endpoints ignore PathPrefix: check the path and the name.
      if (profile.name.rfind(prefix, 0) != 0 || profile.path.rfind(cloud.iam_path(), 0) != 0) continue;
      out.emplace_back(ResourceKey{std::string(name()), profile.name.substr(prefix.size())}, observe(profile));
    }
    return out;
  }
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    for (const auto& role : util::split(observed.fields.count("role") ? observed.fields.at("role") : "", ',')) {
      if (role.empty()) continue;
      auto removed = aws::iam::remove_role_from_instance_profile(cloud.iam, observed.id, role);
      if (!removed.ok() && !aws::is_not_found(removed.error())) return removed;
    }
    return aws::iam::delete_instance_profile(cloud.iam, observed.id);
  }
};

const InstanceProfileKind k_kind;

class InstanceProfileResource final : public Resource {
 public:
  InstanceProfileResource(const std::string& name, InstanceProfileSpec spec)
      : Resource(k_kind, name, spec.profile_name, {spec.role}), m_spec(std::move(spec)) {}

  Fields desired(const State&) const override { return {{"role", m_spec.role_name}}; }

  util::Result<Observed> create(Cloud& cloud, const State&) const override {
    auto created = aws::iam::create_instance_profile(cloud.iam, m_spec.profile_name, m_spec.path, tags());
    if (!created && aws::error_code(created.error()) != aws::codes::entity_already_exists) {
      return std::move(created).error();
    }
    auto added = retry_status_while(cloud.clock(), k_iam_propagation_timeout, aws::is_not_found, [&] {
      return aws::iam::add_role_to_instance_profile(cloud.iam, m_spec.profile_name, m_spec.role_name);
    });
    // LimitExceeded: the profile holds a role already (a lost answer); read back what it holds.
    if (!added.ok() && aws::error_code(added.error()) != aws::codes::limit_exceeded) return std::move(added).error();
    HOPPER_ASSIGN(const aws::iam::InstanceProfile profile,
                  retry_while<aws::iam::InstanceProfile>(cloud.clock(), k_iam_propagation_timeout, aws::is_not_found, [&] {
                    return aws::iam::get_instance_profile(cloud.iam, m_spec.profile_name);
                  }));
    return observe(profile);
  }

  util::Result<Observed> update(Cloud& cloud, const State&, const Observed& observed,
                                const std::vector<FieldChange>&) const override {
    for (const auto& role : util::split(observed.fields.count("role") ? observed.fields.at("role") : "", ',')) {
      if (!role.empty() && role != m_spec.role_name) {
        HOPPER_TRY(aws::iam::remove_role_from_instance_profile(cloud.iam, m_spec.profile_name, role));
      }
    }
    HOPPER_TRY(aws::iam::add_role_to_instance_profile(cloud.iam, m_spec.profile_name, m_spec.role_name));
    Observed updated = observed;
    updated.fields["role"] = m_spec.role_name;
    return updated;
  }

 private:
  InstanceProfileSpec m_spec;
};

}  // namespace

const Kind& iam_instance_profile_kind() { return k_kind; }

std::unique_ptr<Resource> make_iam_instance_profile(const std::string& name, InstanceProfileSpec spec) {
  return std::make_unique<InstanceProfileResource>(name, std::move(spec));
}

}  // namespace hopper::model::kinds

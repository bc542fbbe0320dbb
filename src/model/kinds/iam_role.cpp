#include "model/kinds/iam_role.hpp"

#include <nlohmann/json.hpp>

#include "aws/iam/instance_profiles.hpp"
#include "aws/iam/role_policies.hpp"
#include "aws/iam/roles.hpp"
#include "model/kinds/common.hpp"
#include "model/wait.hpp"

namespace hopper::model::kinds {
namespace {

// The suffix of a role named <cluster>-<region>-<suffix>, or "" when it is not one of ours.
std::string suffix_of(const Cloud& cloud, const std::string& role_name) {
  const std::string prefix = cloud.iam_name("");
  return role_name.rfind(prefix, 0) == 0 ? role_name.substr(prefix.size()) : "";
}

util::Result<Observed> observe(Cloud& cloud, const std::string& role_name) {
  HOPPER_ASSIGN(const aws::iam::Role role, aws::iam::get_role(cloud.iam, role_name));
  Observed observed;
  observed.id = role.name;
  observed.tags = role.tags;
  observed.attributes["arn"] = role.arn;
  observed.fields["trust_policy"] = canonical_json(role.assume_role_policy_document);
  HOPPER_ASSIGN(const auto names, aws::iam::list_role_policies(cloud.iam, role.name));
  for (const auto& policy : names) {
    HOPPER_ASSIGN(const std::string document, aws::iam::get_role_policy(cloud.iam, role.name, policy));
    observed.fields["policy:" + policy] = canonical_json(document);
  }
  add_tag_fields(observed.fields, role.tags);
  return observed;
}

class IamRoleKind final : public Kind {
 public:
  std::string_view name() const override { return "iam_role"; }
  std::vector<std::string_view> delete_after() const override { return {"iam_instance_profile"}; }
  util::Result<Discovered> discover(Cloud& cloud) const override {
    HOPPER_ASSIGN(const auto roles, aws::iam::list_roles(cloud.iam, cloud.iam_path()));
    Discovered out;
    for (const auto& role : roles) {
      const std::string suffix = suffix_of(cloud, role.name);
      if (suffix.empty() || role.path.rfind(cloud.iam_path(), 0) != 0) continue;
      HOPPER_ASSIGN(Observed observed, observe(cloud, role.name));
      out.emplace_back(ResourceKey{std::string(name()), suffix}, std::move(observed));
    }
    return out;
  }
  // Inline and attached policies and profile memberships first: IAM refuses (DeleteConflict)
  // to delete a role that still has any.
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    HOPPER_ASSIGN(const auto profiles, aws::iam::list_instance_profiles_for_role(cloud.iam, observed.id));
    for (const auto& profile : profiles) {
      auto removed = aws::iam::remove_role_from_instance_profile(cloud.iam, profile.name, observed.id);
      if (!removed.ok() && !aws::is_not_found(removed.error())) return removed;
    }
    HOPPER_ASSIGN(const auto inline_names, aws::iam::list_role_policies(cloud.iam, observed.id));
    for (const auto& policy : inline_names) HOPPER_TRY(aws::iam::delete_role_policy(cloud.iam, observed.id, policy));
    HOPPER_ASSIGN(const auto attached, aws::iam::list_attached_role_policies(cloud.iam, observed.id));
    for (const auto& policy : attached) HOPPER_TRY(aws::iam::detach_role_policy(cloud.iam, observed.id, policy.arn));
    return aws::iam::delete_role(cloud.iam, observed.id);
  }
};

const IamRoleKind k_kind;

class IamRoleResource final : public Resource {
 public:
  IamRoleResource(const std::string& name, IamRoleSpec spec)
      : Resource(k_kind, name, spec.role_name, {}), m_spec(std::move(spec)) {}

  Fields desired(const State&) const override {
    Fields fields{{"trust_policy", canonical_json(m_spec.trust_policy)}};
    for (const auto& [policy, document] : m_spec.policies) fields["policy:" + policy] = canonical_json(document);
    add_tag_fields(fields, tags());
    return fields;
  }
  FieldRule rule(const std::string& field) const override {
    return field == "trust_policy" ? FieldRule::replace : FieldRule::update;
  }

  util::Result<Observed> create(Cloud& cloud, const State& state) const override {
    aws::iam::CreateRoleRequest request;
    request.name = m_spec.role_name;
    request.path = m_spec.path;
    request.assume_role_policy_document = m_spec.trust_policy;
    request.description = m_spec.description;
    request.tags = tags();
    auto created = aws::iam::create_role(cloud.iam, request);
    if (!created && aws::error_code(created.error()) != aws::codes::entity_already_exists) {
      return std::move(created).error();
    }
    for (const auto& [policy, document] : m_spec.policies) {
      // IAM reads lag behind writes: a role made a moment ago may answer NoSuchEntity.
      HOPPER_TRY(retry_status_while(cloud.clock(), k_iam_propagation_timeout, aws::is_not_found, [&] {
        return aws::iam::put_role_policy(cloud.iam, m_spec.role_name, policy, document);
      }));
    }
    Observed observed;
    observed.id = m_spec.role_name;
    observed.tags = tags();
    observed.fields = desired(state);
    if (created) observed.attributes["arn"] = created->arn;
    return observed;
  }

  util::Result<Observed> update(Cloud& cloud, const State&, const Observed& observed,
                                const std::vector<FieldChange>& changes) const override {
    Observed updated = observed;
    for (const auto& change : field_changes(changes)) {
      if (change.field.rfind("policy:", 0) != 0) continue;
      const std::string policy = change.field.substr(7);
      HOPPER_TRY(aws::iam::put_role_policy(cloud.iam, m_spec.role_name, policy, m_spec.policies.at(policy)));
      updated.fields[change.field] = change.to;
    }
    const aws::Tags tag_changes = changed_tags(changes);
    if (!tag_changes.empty()) HOPPER_TRY(aws::iam::tag_role(cloud.iam, m_spec.role_name, tag_changes));
    for (const auto& [key, value] : tag_changes) updated.fields["tag:" + key] = value;
    return updated;
  }

 private:
  IamRoleSpec m_spec;
};

}  // namespace

const Kind& iam_role_kind() { return k_kind; }

std::unique_ptr<Resource> make_iam_role(const std::string& name, IamRoleSpec spec) {
  return std::make_unique<IamRoleResource>(name, std::move(spec));
}

std::string canonical_json(const std::string& text) {
  try {
    return nlohmann::json::parse(text).dump();
  } catch (const std::exception&) {
    return text;
  }
}

}  // namespace hopper::model::kinds

#include "model/kinds/security_group_rules.hpp"

#include <algorithm>
#include <set>

#include "model/kinds/common.hpp"
#include "model/wait.hpp"
#include "util/strings.hpp"

namespace hopper::model::kinds {
namespace {

// Every rule hopper creates carries a description starting with this, which is how its rules are
// told apart from those others add to the same group.
constexpr std::string_view k_description_prefix = "hopper";

struct Atom {
  std::string protocol;
  int from_port = -1;
  int to_port = -1;
  std::string source_type;  // "cidr" or "sg"
  std::string source;
  std::string description;
  std::string text() const {
    const std::string ports = protocol == "-1" ? "all" : std::to_string(from_port) + "-" + std::to_string(to_port);
    return protocol + ":" + ports + ":" + source_type + ":" + source;
  }
};

std::vector<Atom> decompose(const std::vector<aws::ec2::IpPermission>& permissions, bool owned_only) {
  std::vector<Atom> out;
  for (const auto& p : permissions) {
    const int from = p.protocol == "-1" ? -1 : p.from_port;
    const int to = p.protocol == "-1" ? -1 : p.to_port;
    for (const auto& range : p.cidrs) {
      if (owned_only && range.description.rfind(k_description_prefix, 0) != 0) continue;
      out.push_back({p.protocol, from, to, "cidr", range.cidr, range.description});
    }
    for (const auto& group : p.groups) {
      if (owned_only && group.description.rfind(k_description_prefix, 0) != 0) continue;
      out.push_back({p.protocol, from, to, "sg", group.group_id, group.description});
    }
  }
  return out;
}

aws::ec2::IpPermission permission_of(const Atom& atom) {
  aws::ec2::IpPermission p;
  p.protocol = atom.protocol;
  p.from_port = atom.from_port;
  p.to_port = atom.to_port;
  if (atom.source_type == "cidr") {
    p.cidrs.push_back({atom.source, atom.description});
  } else {
    p.groups.push_back({atom.source, atom.description});
  }
  return p;
}

class RulesKind final : public Kind {
 public:
  std::string_view name() const override { return "security_group_rules"; }
  std::vector<std::string_view> delete_after() const override { return {}; }
  // Rules go with their group.
  util::Result<Discovered> discover(Cloud&) const override { return Discovered{}; }
  util::Status destroy(Cloud&, const Observed&) const override { return {}; }
};

const RulesKind k_kind;

std::vector<ResourceKey> dependencies_of(const ResourceKey& group, const std::vector<RuleSpec>& rules) {
  std::vector<ResourceKey> deps{group};
  for (const auto& rule : rules) {
    if (rule.source_group && std::find(deps.begin(), deps.end(), *rule.source_group) == deps.end()) {
      deps.push_back(*rule.source_group);
    }
  }
  return deps;
}

class RulesResource final : public Resource {
 public:
  RulesResource(const std::string& name, const std::string& display_name, const ResourceKey& group,
                std::vector<RuleSpec> rules)
      : Resource(k_kind, name, display_name, dependencies_of(group, rules)), m_group(group), m_rules(std::move(rules)) {}

  Fields desired(const State& state) const override {
    std::vector<std::string> texts;
    for (const auto& atom : wanted(state)) texts.push_back(atom.text());
    return {{"ingress", render_atoms(std::move(texts))}};
  }

  util::Result<std::optional<Observed>> find(Cloud&, const State& state) const override {
    const auto group = state.get(m_group);
    if (!group) return std::optional<Observed>{};
    Observed observed;
    observed.id = group->id;
    const auto it = group->attributes.find("ingress");
    observed.fields["ingress"] = it == group->attributes.end() ? "" : it->second;
    return std::optional<Observed>(std::move(observed));
  }

  util::Result<Observed> create(Cloud& cloud, const State& state) const override { return converge(cloud, state); }

  util::Result<Observed> update(Cloud& cloud, const State& state, const Observed&,
                                const std::vector<FieldChange>&) const override {
    return converge(cloud, state);
  }

 private:
  std::vector<Atom> wanted(const State& state) const {
    std::vector<Atom> atoms;
    for (const auto& rule : m_rules) {
      const std::string description = std::string(k_description_prefix) + ": " + rule.description;
      if (rule.source_group) {
        atoms.push_back({rule.protocol, rule.from_port, rule.to_port, "sg", state.id_of(*rule.source_group), description});
      } else {
        atoms.push_back({rule.protocol, rule.from_port, rule.to_port, "cidr", rule.cidr, description});
      }
    }
    return atoms;
  }

  // Reads the group's rules now, then authorizes what is missing and revokes what hopper added
  // that is no longer wanted.
  util::Result<Observed> converge(Cloud& cloud, const State& state) const {
    const std::string group_id = state.id_of(m_group);
    HOPPER_ASSIGN(const auto groups,
                  retry_while<std::vector<aws::ec2::SecurityGroup>>(
                      cloud.clock(), k_ec2_propagation_timeout, is_not_visible_yet,
                      [&] { return aws::ec2::describe_security_groups(cloud.ec2, {}, {group_id}); }));
    if (groups.empty()) return util::Error::failed("security group " + group_id + " not found");
    const std::vector<Atom> have = decompose(groups.front().ingress, true);
    const std::vector<Atom> want = wanted(state);
    std::set<std::string> have_texts, want_texts;
    for (const auto& a : have) have_texts.insert(a.text());
    for (const auto& a : want) want_texts.insert(a.text());

    std::vector<aws::ec2::IpPermission> missing, extra;
    for (const auto& a : want) {
      if (!have_texts.count(a.text())) missing.push_back(permission_of(a));
    }
    for (const auto& a : have) {
      if (!want_texts.count(a.text())) extra.push_back(permission_of(a));
    }
    if (!extra.empty()) {
      auto revoked = aws::ec2::revoke_ingress(cloud.ec2, group_id, extra);
      if (!revoked.ok() && aws::error_code(revoked.error()) != aws::codes::invalid_permission_not_found) {
        return std::move(revoked).error();
      }
    }
    if (!missing.empty()) {
      auto authorized = retry_status_while(cloud.clock(), k_ec2_propagation_timeout, is_not_visible_yet,
                                           [&] { return aws::ec2::authorize_ingress(cloud.ec2, group_id, missing); });
      if (!authorized.ok()) {
        if (aws::error_code(authorized.error()) != aws::codes::invalid_permission_duplicate) {
          return std::move(authorized).error();
        }
        // One of them exists already (a lost answer): AWS rejected the whole call, so go one by one.
        for (const auto& permission : missing) {
          auto one = aws::ec2::authorize_ingress(cloud.ec2, group_id, {permission});
          if (!one.ok() && aws::error_code(one.error()) != aws::codes::invalid_permission_duplicate) {
            return std::move(one).error();
          }
        }
      }
    }
    Observed observed;
    observed.id = group_id;
    observed.fields = desired(state);
    return observed;
  }

  ResourceKey m_group;
  std::vector<RuleSpec> m_rules;
};

}  // namespace

const Kind& security_group_rules_kind() { return k_kind; }

std::unique_ptr<Resource> make_security_group_rules(const std::string& name, const std::string& display_name,
                                                    const ResourceKey& group, std::vector<RuleSpec> rules) {
  return std::make_unique<RulesResource>(name, display_name, group, std::move(rules));
}

std::vector<std::string> atoms_of(const std::vector<aws::ec2::IpPermission>& permissions) {
  std::vector<std::string> out;
  for (const auto& atom : decompose(permissions, true)) out.push_back(atom.text());
  return out;
}

std::string render_atoms(std::vector<std::string> atoms) {
  std::sort(atoms.begin(), atoms.end());
  atoms.erase(std::unique(atoms.begin(), atoms.end()), atoms.end());
  return util::join(atoms, ",");
}

}  // namespace hopper::model::kinds

#include "model/kinds/launch_template.hpp"

#include "aws/ec2/launch_templates.hpp"
#include "aws/ec2/tags.hpp"
#include "model/kinds/common.hpp"
#include "model/wait.hpp"

namespace hopper::model::kinds {
namespace {

Fields fields_of(const aws::ec2::LaunchTemplateData& data) {
  Fields fields{{"image_id", data.image_id},
                {"instance_type", data.instance_type},
                {"key_name", data.key_name},
                {"security_groups", joined_groups(data.security_group_ids)},
                {"user_data_sha256", user_data_hash(data.user_data)}};
  if (data.iam_instance_profile_name) fields["iam_profile"] = *data.iam_instance_profile_name;
  if (data.metadata_options) {
    fields["http_tokens"] = data.metadata_options->http_tokens;
    fields["http_put_response_hop_limit"] = std::to_string(data.metadata_options->http_put_response_hop_limit);
  }
  return fields;
}

class LaunchTemplateKind final : public Kind {
 public:
  std::string_view name() const override { return "launch_template"; }
  std::vector<std::string_view> delete_after() const override { return {"auto_scaling_group"}; }
  util::Result<Discovered> discover(Cloud& cloud) const override {
    HOPPER_ASSIGN(const auto templates, aws::ec2::describe_launch_templates(cloud.ec2, cloud.owned_filters(), {}, {}));
    Discovered out;
    for (const auto& t : templates) {
      if (!cloud.is_owned(t.tags)) continue;
      HOPPER_ASSIGN(const auto data, aws::ec2::describe_launch_template_version(cloud.ec2, t.id, t.default_version));
      Observed observed;
      observed.id = t.id;
      observed.tags = t.tags;
      observed.fields = fields_of(data);
      observed.attributes["default_version"] = std::to_string(t.default_version);
      observed.attributes["name"] = t.name;
      add_tag_fields(observed.fields, t.tags);
      keep_if_kind(out, name(), std::move(observed));
    }
    return out;
  }
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    return aws::ec2::delete_launch_template(cloud.ec2, observed.id);
  }
};

const LaunchTemplateKind k_kind;

std::vector<ResourceKey> dependencies_of(const LaunchSettings& settings, const std::vector<ResourceKey>& also_after) {
  std::vector<ResourceKey> deps = launch_dependencies(settings);
  deps.insert(deps.end(), also_after.begin(), also_after.end());
  return deps;
}

class LaunchTemplateResource final : public Resource {
 public:
  LaunchTemplateResource(const std::string& name, const std::string& display_name, LaunchSettings settings,
                         std::vector<ResourceKey> also_after)
      : Resource(k_kind, name, display_name, dependencies_of(settings, also_after)), m_settings(std::move(settings)) {}

  Fields desired(const State& state) const override {
    Fields fields = launch_fields(m_settings, state);
    add_tag_fields(fields, tags());
    return fields;
  }

  util::Result<Observed> create(Cloud& cloud, const State& state) const override {
    HOPPER_ASSIGN(const aws::ec2::LaunchTemplateData data, template_data(cloud, state));
    auto created = aws::ec2::create_launch_template(cloud.ec2, display_name(), data, tags(), cloud.client_token(key()));
    aws::ec2::LaunchTemplate launch_template;
    if (created) {
      launch_template = *created;
    } else if (aws::error_code(created.error()).find("AlreadyExists") != std::string::npos) {
      // Names are unique per region: a lost answer left it there. Take it.
      HOPPER_ASSIGN(const auto found, aws::ec2::describe_launch_templates(cloud.ec2, {}, {display_name()}, {}));
      if (found.empty()) return std::move(created).error();
      launch_template = found.front();
    } else {
      return std::move(created).error();
    }
    Observed observed;
    observed.id = launch_template.id;
    observed.tags = tags();
    observed.fields = desired(state);
    observed.attributes["default_version"] = std::to_string(std::max(1LL, launch_template.default_version));
    observed.attributes["name"] = display_name();
    return observed;
  }

  util::Result<Observed> update(Cloud& cloud, const State& state, const Observed& observed,
                                const std::vector<FieldChange>& changes) const override {
    Observed updated = observed;
    if (!field_changes(changes).empty()) {
      HOPPER_ASSIGN(const aws::ec2::LaunchTemplateData data, template_data(cloud, state));
      // The token makes a retried call return the same version instead of making another.
      const std::string token = cloud.client_token(key()) + "-" + user_data_hash(changes_text(changes)).substr(0, 16);
      HOPPER_ASSIGN(const long long version, aws::ec2::create_launch_template_version(cloud.ec2, observed.id, data, token));
      HOPPER_TRY(aws::ec2::modify_launch_template_default_version(cloud.ec2, observed.id, version));
      for (const auto& change : field_changes(changes)) updated.fields[change.field] = change.to;
      updated.attributes["default_version"] = std::to_string(version);
    }
    const aws::Tags tag_changes = changed_tags(changes);
    if (!tag_changes.empty()) {
      HOPPER_TRY(aws::ec2::create_tags(cloud.ec2, {observed.id}, tag_changes));
      for (const auto& [k, v] : tag_changes) updated.fields["tag:" + k] = v;
    }
    return updated;
  }

 private:
  static std::string changes_text(const std::vector<FieldChange>& changes) {
    std::string text;
    for (const auto& c : changes) text += c.field + "=" + c.to + ";";
    return text;
  }

  util::Result<aws::ec2::LaunchTemplateData> template_data(Cloud& cloud, const State& state) const {
    aws::ec2::LaunchTemplateData data;
    data.image_id = image_id(m_settings, state);
    data.instance_type = m_settings.instance_type;
    data.key_name = state.id_of(m_settings.key_pair);
    for (const auto& group : m_settings.security_groups) data.security_group_ids.push_back(state.id_of(group));
    if (m_settings.instance_profile) data.iam_instance_profile_name = m_settings.instance_profile_name;
    data.user_data = m_settings.user_data;
    data.metadata_options = metadata_options();
    HOPPER_ASSIGN(data.root_volume, root_volume(cloud, data.image_id, m_settings.root_volume_gib));
    // Instances and their volumes launched from the template carry the cluster's tags.
    data.tags = tags();
    data.tags.erase(std::string(k_tag_resource));
    return data;
  }

  LaunchSettings m_settings;
};

}  // namespace

const Kind& launch_template_kind() { return k_kind; }

std::unique_ptr<Resource> make_launch_template(const std::string& name, const std::string& display_name,
                                               LaunchSettings settings, std::vector<ResourceKey> also_after) {
  return std::make_unique<LaunchTemplateResource>(name, display_name, std::move(settings), std::move(also_after));
}

}  // namespace hopper::model::kinds

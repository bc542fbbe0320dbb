#include "model/kinds/common.hpp"

#include "aws/ec2/tags.hpp"
#include "util/strings.hpp"

namespace hopper::model::kinds {

void add_tag_fields(Fields& fields, const aws::Tags& tags) {
  for (const auto& [key, value] : tags) fields["tag:" + key] = value;
}

bool is_tag_field(const std::string& field) { return field.rfind("tag:", 0) == 0; }

aws::Tags changed_tags(const std::vector<FieldChange>& changes) {
  aws::Tags tags;
  for (const auto& change : changes) {
    if (is_tag_field(change.field)) tags[change.field.substr(4)] = change.to;
  }
  return tags;
}

std::vector<FieldChange> field_changes(const std::vector<FieldChange>& changes) {
  std::vector<FieldChange> out;
  for (const auto& change : changes) {
    if (!is_tag_field(change.field)) out.push_back(change);
  }
  return out;
}

util::Status apply_ec2_tag_changes(Cloud& cloud, const std::string& id, const std::vector<FieldChange>& changes) {
  const aws::Tags tags = changed_tags(changes);
  if (tags.empty()) return {};
  return aws::ec2::create_tags(cloud.ec2, {id}, tags);
}

util::Result<Observed> update_ec2_tags(Cloud& cloud, const Observed& observed, const std::vector<FieldChange>& changes) {
  HOPPER_TRY(apply_ec2_tag_changes(cloud, observed.id, changes));
  Observed updated = observed;
  for (const auto& [key, value] : changed_tags(changes)) {
    updated.tags[key] = value;
    updated.fields["tag:" + key] = value;
  }
  return updated;
}

bool is_not_visible_yet(const util::Error& error) { return aws::is_not_found(error); }

bool is_profile_not_propagated(const util::Error& error) {
  const std::string code = aws::error_code(error);
  const std::string message = aws::api_error(error) ? aws::api_error(error)->message : "";
  if (code == "InvalidParameterValue" &&
      (message.find("iamInstanceProfile") != std::string::npos || message.find("IAM Instance Profile") != std::string::npos ||
       message.find("no associated IAM Roles") != std::string::npos)) {
    return true;
  }
  if (code == "ValidationError" && (message.find("IamInstanceProfile") != std::string::npos ||
                                    message.find("not authorized to perform this operation") != std::string::npos)) {
    return true;
  }
  return false;
}

void keep_if_kind(Discovered& out, std::string_view kind, Observed observed) {
  const auto key = Cloud::key_of(observed.tags);
  if (!key || key->kind != kind) return;
  out.emplace_back(*key, std::move(observed));
}

util::Result<Discovered> discovered(Cloud& cloud, const Kind& kind) {
  return cloud.cached<Discovered>("discover:" + std::string(kind.name()), [&] { return kind.discover(cloud); });
}

util::Result<std::optional<Observed>> discovered_one(Cloud& cloud, const Kind& kind, const ResourceKey& key) {
  HOPPER_ASSIGN(const Discovered all, discovered(cloud, kind));
  for (const auto& [k, observed] : all) {
    if (k == key) return std::optional<Observed>(observed);
  }
  return std::optional<Observed>{};
}

std::string bool_text(bool value) { return value ? "true" : "false"; }

}  // namespace hopper::model::kinds

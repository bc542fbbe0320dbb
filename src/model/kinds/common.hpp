// Helpers shared by the resource kinds: tag fields (only the tags hopper sets are compared),
// applying tag changes, and eventual-consistency predicates.
#pragma once

#include <string>
#include <vector>

#include "aws/core/error.hpp"
#include "model/cloud.hpp"
#include "model/resource.hpp"
#include "model/state.hpp"

namespace hopper::model::kinds {

// Fields "tag:<key>" = value for every tag. Desired fields list only the tags hopper sets, and
// diffs look only at desired fields, so tags added by others never show as changes.
void add_tag_fields(Fields& fields, const aws::Tags& tags);
bool is_tag_field(const std::string& field);
// The tags a list of changes sets (the "tag:" changes, with their new values).
aws::Tags changed_tags(const std::vector<FieldChange>& changes);
// The changes that are not tag changes.
std::vector<FieldChange> field_changes(const std::vector<FieldChange>& changes);
// Applies the tag changes with EC2 CreateTags on `id`.
util::Status apply_ec2_tag_changes(Cloud& cloud, const std::string& id, const std::vector<FieldChange>& changes);

// Applies the tag changes (EC2 CreateTags) and returns `observed` with them.
util::Result<Observed> update_ec2_tags(Cloud& cloud, const Observed& observed, const std::vector<FieldChange>& changes);

// "Not visible yet" right after a create (EC2's eventual consistency).
bool is_not_visible_yet(const util::Error& error);
// The IAM instance profile is not yet usable by EC2 / Auto Scaling.
bool is_profile_not_propagated(const util::Error& error);

// The kind's discovery result for the cache (keys of other kinds filtered out).
using model::Discovered;
// Keeps `observed` in `out` under its hopper/resource key when that key is of `kind`.
void keep_if_kind(Discovered& out, std::string_view kind, Observed observed);
// The cached discovery of `kind`.
util::Result<Discovered> discovered(Cloud& cloud, const Kind& kind);
// The Observed of `key` in the cached discovery of its kind, or nullopt.
util::Result<std::optional<Observed>> discovered_one(Cloud& cloud, const Kind& kind, const ResourceKey& key);

std::string bool_text(bool value);

}  // namespace hopper::model::kinds

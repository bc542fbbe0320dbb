#include "model/kinds/auto_scaling_group.hpp"

#include <algorithm>

#include "aws/autoscaling/groups.hpp"
#include "model/kinds/common.hpp"
#include "model/wait.hpp"
#include "util/strings.hpp"

namespace hopper::model::kinds {
namespace {

std::string joined(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  return util::join(ids, ",");
}

aws::Tags tags_of(const std::vector<aws::autoscaling::AsgTag>& tags) {
  aws::Tags out;
  for (const auto& t : tags) out[t.key] = t.value;
  return out;
}

// ASG tags propagate to the instances it launches, except hopper/resource: the workers are not
// resources of their own.
std::vector<aws::autoscaling::AsgTag> asg_tags(const aws::Tags& tags) {
  std::vector<aws::autoscaling::AsgTag> out;
  for (const auto& [key, value] : tags) out.push_back({key, value, key != k_tag_resource});
  return out;
}

Observed observe(const aws::autoscaling::AutoScalingGroup& group) {
  Observed observed;
  observed.id = group.name;
  observed.tags = tags_of(group.tags);
  observed.state = group.status.empty() ? "active" : group.status;
  observed.fields = {{"min_size", std::to_string(group.min_size)},
                     {"max_size", std::to_string(group.max_size)},
                     {"desired_capacity", std::to_string(group.desired_capacity)},
                     {"launch_template", group.launch_template ? group.launch_template->id : ""},
                     {"subnets", joined(group.subnet_ids)}};
  int in_service = 0;
  for (const auto& instance : group.instances) in_service += instance.lifecycle_state == "InService" ? 1 : 0;
  observed.attributes["in_service"] = std::to_string(in_service);
  observed.attributes["instances"] = std::to_string(group.instances.size());
  add_tag_fields(observed.fields, observed.tags);
  return observed;
}

util::Result<std::optional<aws::autoscaling::AutoScalingGroup>> describe_one(Cloud& cloud, const std::string& name) {
  HOPPER_ASSIGN(const auto groups, aws::autoscaling::describe_auto_scaling_groups(cloud.autoscaling, {name}, {}));
  if (groups.empty()) return std::optional<aws::autoscaling::AutoScalingGroup>{};
  return std::optional<aws::autoscaling::AutoScalingGroup>(groups.front());
}

class AutoScalingGroupKind final : public Kind {
 public:
  std::string_view name() const override { return "auto_scaling_group"; }
  std::vector<std::string_view> delete_after() const override { return {}; }
  util::Result<Discovered> discover(Cloud& cloud) const override {
    HOPPER_ASSIGN(const auto groups, aws::autoscaling::describe_auto_scaling_groups(
                                         cloud.autoscaling, {}, {{"tag:" + cloud.cluster_tag_key(), {"owned"}}}));
    Discovered out;
    for (const auto& group : groups) {
      if (cloud.is_owned(tags_of(group.tags))) keep_if_kind(out, name(), observe(group));
    }
    return out;
  }
  // Force-deletes (terminating its instances) and waits until the group is gone, so that what
  // its instances used (subnets, security groups) can go next.
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    auto deleted = aws::autoscaling::delete_auto_scaling_group(cloud.autoscaling, observed.id, true);
    if (!deleted.ok() && !aws::is_not_found(deleted.error()) &&
        aws::error_code(deleted.error()) != aws::codes::validation_error) {
      return deleted;
    }
    PollOptions options;
    options.timeout = k_asg_delete_timeout;
    auto waited = poll<bool>(cloud.clock(), "Auto Scaling group " + observed.id + " to be deleted", options,
                             [&]() -> util::Result<PollStep<bool>> {
                               HOPPER_ASSIGN(const auto group, describe_one(cloud, observed.id));
                               if (!group) return PollStep<bool>::done(true);
                               return PollStep<bool>::pending(std::to_string(group->instances.size()) + " instances left");
                             });
    if (!waited) return std::move(waited).error();
    return {};
  }
};

const AutoScalingGroupKind k_kind;

std::vector<ResourceKey> dependencies_of(const AutoScalingGroupSpec& spec) {
  std::vector<ResourceKey> deps{spec.launch_template};
  deps.insert(deps.end(), spec.subnets.begin(), spec.subnets.end());
  deps.insert(deps.end(), spec.also_after.begin(), spec.also_after.end());
  return deps;
}

class AutoScalingGroupResource final : public Resource {
 public:
  AutoScalingGroupResource(const std::string& name, const std::string& display_name, AutoScalingGroupSpec spec)
      : Resource(k_kind, name, display_name, dependencies_of(spec)), m_spec(std::move(spec)) {}

  Fields desired(const State& state) const override {
    Fields fields{{"min_size", std::to_string(m_spec.min_size)},
                  {"max_size", std::to_string(m_spec.max_size)},
                  {"desired_capacity", std::to_string(m_spec.desired_capacity)},
                  {"launch_template", state.id_of(m_spec.launch_template)},
                  {"subnets", joined(subnet_ids(state))}};
    add_tag_fields(fields, tags());
    return fields;
  }

  util::Result<Observed> create(Cloud& cloud, const State& state) const override {
    aws::autoscaling::CreateAutoScalingGroupRequest request;
    request.name = display_name();
    request.launch_template = aws::autoscaling::LaunchTemplateSpec{state.id_of(m_spec.launch_template), "", "$Default"};
    request.min_size = m_spec.min_size;
    request.max_size = m_spec.max_size;
    request.desired_capacity = m_spec.desired_capacity;
    request.subnet_ids = subnet_ids(state);
    request.tags = asg_tags(tags());
    request.health_check_grace_period = 300;
    auto created = retry_status_while(cloud.clock(), k_iam_propagation_timeout,
                                      [](const util::Error& e) { return is_profile_not_propagated(e) || is_not_visible_yet(e); },
                                      [&] { return aws::autoscaling::create_auto_scaling_group(cloud.autoscaling, request); });
    if (!created.ok() && aws::error_code(created.error()) != aws::codes::already_exists) return std::move(created).error();
    HOPPER_ASSIGN(const aws::autoscaling::AutoScalingGroup group, wait_in_service(cloud));
    return observe(group);
  }

  util::Result<Observed> update(Cloud& cloud, const State& state, const Observed& observed,
                                const std::vector<FieldChange>& changes) const override {
    aws::autoscaling::UpdateAutoScalingGroupRequest request;
    request.name = observed.id;
    bool any = false;
    for (const auto& change : field_changes(changes)) {
      any = true;
      if (change.field == "min_size") request.min_size = m_spec.min_size;
      if (change.field == "max_size") request.max_size = m_spec.max_size;
      if (change.field == "desired_capacity") request.desired_capacity = m_spec.desired_capacity;
      if (change.field == "subnets") request.subnet_ids = subnet_ids(state);
      if (change.field == "launch_template") {
        request.launch_template = aws::autoscaling::LaunchTemplateSpec{state.id_of(m_spec.launch_template), "", "$Default"};
      }
    }
    if (any) HOPPER_TRY(aws::autoscaling::update_auto_scaling_group(cloud.autoscaling, request));
    const aws::Tags tag_changes = changed_tags(changes);
    if (!tag_changes.empty()) {
      HOPPER_TRY(aws::autoscaling::create_or_update_tags(cloud.autoscaling, observed.id, asg_tags(tag_changes)));
    }
    Observed updated = observed;
    for (const auto& change : changes) updated.fields[change.field] = change.to;
    return updated;
  }

 private:
  std::vector<std::string> subnet_ids(const State& state) const {
    std::vector<std::string> ids;
    for (const auto& subnet : m_spec.subnets) ids.push_back(state.id_of(subnet));
    return ids;
  }

  util::Result<aws::autoscaling::AutoScalingGroup> wait_in_service(Cloud& cloud) const {
    PollOptions options;
    options.timeout = k_asg_in_service_timeout;
    return poll<aws::autoscaling::AutoScalingGroup>(
        cloud.clock(), "Auto Scaling group " + display_name() + " to have " + std::to_string(m_spec.desired_capacity) +
                           " instance(s) in service",
        options, [&]() -> util::Result<PollStep<aws::autoscaling::AutoScalingGroup>> {
          HOPPER_ASSIGN(const auto group, describe_one(cloud, display_name()));
          if (!group) return PollStep<aws::autoscaling::AutoScalingGroup>::pending("not visible yet");
          int in_service = 0;
          for (const auto& instance : group->instances) in_service += instance.lifecycle_state == "InService" ? 1 : 0;
          if (in_service >= m_spec.desired_capacity) return PollStep<aws::autoscaling::AutoScalingGroup>::done(*group);
          HOPPER_ASSIGN(const auto activities, aws::autoscaling::describe_scaling_activities(cloud.autoscaling, display_name(), 5));
          for (const auto& activity : activities) {
            if (activity.status_code == "Failed") {
              return util::Error::failed("Auto Scaling group " + display_name() + " cannot launch: " +
                                         (activity.status_message.empty() ? activity.description : activity.status_message));
            }
          }
          return PollStep<aws::autoscaling::AutoScalingGroup>::pending(std::to_string(in_service) + " in service");
        });
  }

  AutoScalingGroupSpec m_spec;
};

}  // namespace

const Kind& auto_scaling_group_kind() { return k_kind; }

std::unique_ptr<Resource> make_auto_scaling_group(const std::string& name, const std::string& display_name,
                                                  AutoScalingGroupSpec spec) {
  return std::make_unique<AutoScalingGroupResource>(name, display_name, std::move(spec));
}

}  // namespace hopper::model::kinds

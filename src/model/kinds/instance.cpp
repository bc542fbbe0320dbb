#include "model/kinds/instance.hpp"

#include "aws/ec2/instances_run.hpp"
#include "aws/ec2/tags.hpp"
#include "model/kinds/common.hpp"
#include "model/wait.hpp"

namespace hopper::model::kinds {
namespace {

// The profile name from arn:aws:iam::123456789012:instance-profile/path/name.
std::string profile_name(const std::string& arn) {
  const std::size_t slash = arn.rfind('/');
  return slash == std::string::npos ? arn : arn.substr(slash + 1);
}

Observed observe(const aws::ec2::Instance& instance) {
  Observed observed;
  observed.id = instance.id;
  observed.state = instance.state.name;
  observed.tags = instance.tags;
  observed.fields = {{"image_id", instance.image_id},
                     {"instance_type", instance.instance_type},
                     {"subnet_id", instance.subnet_id},
                     {"private_ip", instance.private_ip_address},
                     {"key_name", instance.key_name},
                     {"security_groups", joined_groups(instance.security_group_ids)},
                     {"http_tokens", instance.metadata_options.http_tokens},
                     {"http_put_response_hop_limit", std::to_string(instance.metadata_options.http_put_response_hop_limit)}};
  if (!instance.iam_instance_profile_arn.empty()) observed.fields["iam_profile"] = profile_name(instance.iam_instance_profile_arn);
  observed.fields["source_dest_check"] = bool_text(instance.source_dest_check);
  const auto hash = instance.tags.find(std::string(k_tag_user_data_hash));
  observed.fields["user_data_sha256"] = hash == instance.tags.end() ? "" : hash->second;
  observed.attributes = {{"private_ip", instance.private_ip_address},
                         {"public_ip", instance.public_ip_address},
                         {"private_dns_name", instance.private_dns_name},
                         {"availability_zone", instance.availability_zone},
                         {"instance_type", instance.instance_type}};
  add_tag_fields(observed.fields, instance.tags);
  return observed;
}

const std::vector<std::string> k_live_states = {"pending", "running", "stopping", "stopped"};

util::Result<aws::ec2::Instance> wait_running(Cloud& cloud, const std::string& id) {
  PollOptions options;
  options.timeout = k_instance_running_timeout;
  return poll<aws::ec2::Instance>(cloud.clock(), "instance " + id + " to run", options,
                                  [&]() -> util::Result<PollStep<aws::ec2::Instance>> {
                                    auto found = aws::ec2::describe_instances(cloud.ec2, {}, {id});
                                    if (!found) {
                                      if (aws::is_not_found(found.error())) return PollStep<aws::ec2::Instance>::pending("not visible yet");
                                      return std::move(found).error();
                                    }
                                    if (found->empty()) return PollStep<aws::ec2::Instance>::pending("not visible yet");
                                    const auto& instance = found->front();
                                    if (instance.state.name == "running") return PollStep<aws::ec2::Instance>::done(instance);
                                    if (instance.state.name != "pending") {
                                      return util::Error::failed("instance " + id + " is " + instance.state.name + ": " +
                                                                 instance.state_reason);
                                    }
                                    return PollStep<aws::ec2::Instance>::pending(instance.state.name);
                                  });
}

class InstanceKind final : public Kind {
 public:
  std::string_view name() const override { return "instance"; }
  std::vector<std::string_view> delete_after() const override { return {}; }
  util::Result<Discovered> discover(Cloud& cloud) const override {
    auto filters = cloud.owned_filters();
    filters.push_back({"instance-state-name", k_live_states});
    HOPPER_ASSIGN(const auto instances, aws::ec2::describe_instances(cloud.ec2, filters, {}));
    Discovered out;
    for (const auto& instance : instances) {
      const bool live = std::find(k_live_states.begin(), k_live_states.end(), instance.state.name) != k_live_states.end();
      if (live && cloud.is_owned(instance.tags)) keep_if_kind(out, name(), observe(instance));
    }
    return out;
  }
  // Waits until terminated: its network interface blocks the subnet and security groups.
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    auto terminated = aws::ec2::terminate_instances(cloud.ec2, {observed.id});
    if (!terminated.ok() && !aws::is_not_found(terminated.error())) return std::move(terminated).error();
    PollOptions options;
    options.timeout = k_instance_terminated_timeout;
    auto waited = poll<bool>(cloud.clock(), "instance " + observed.id + " to terminate", options,
                             [&]() -> util::Result<PollStep<bool>> {
                               auto found = aws::ec2::describe_instances(cloud.ec2, {}, {observed.id});
                               if (!found) {
                                 if (aws::is_not_found(found.error())) return PollStep<bool>::done(true);
                                 return std::move(found).error();
                               }
                               if (found->empty() || found->front().state.name == "terminated") return PollStep<bool>::done(true);
                               return PollStep<bool>::pending(found->front().state.name);
                             });
    if (!waited) return std::move(waited).error();
    return {};
  }
};

const InstanceKind k_kind;

std::vector<ResourceKey> dependencies_of(const InstanceSpec& spec) {
  std::vector<ResourceKey> deps = launch_dependencies(spec.launch);
  deps.push_back(spec.subnet);
  deps.insert(deps.end(), spec.also_after.begin(), spec.also_after.end());
  return deps;
}

class InstanceResource final : public Resource {
 public:
  InstanceResource(const std::string& name, const std::string& display_name, InstanceSpec spec)
      : Resource(k_kind, name, display_name, dependencies_of(spec)), m_spec(std::move(spec)) {}

  Fields desired(const State& state) const override {
    Fields fields = launch_fields(m_spec.launch, state);
    fields["subnet_id"] = state.id_of(m_spec.subnet);
    if (m_spec.private_ip) fields["private_ip"] = *m_spec.private_ip;
    if (!m_spec.source_dest_check) fields["source_dest_check"] = "false";
    add_tag_fields(fields, tags());
    return fields;
  }
  FieldRule rule(const std::string& field) const override {
    return is_tag_field(field) || field == "source_dest_check" ? FieldRule::update : FieldRule::replace;
  }
  bool guarded() const override { return m_spec.guarded; }

  util::Result<Observed> create(Cloud& cloud, const State& state) const override {
    aws::ec2::RunInstancesRequest request;
    request.image_id = image_id(m_spec.launch, state);
    request.instance_type = m_spec.launch.instance_type;
    request.key_name = state.id_of(m_spec.launch.key_pair);
    request.subnet_id = state.id_of(m_spec.subnet);
    for (const auto& group : m_spec.launch.security_groups) request.security_group_ids.push_back(state.id_of(group));
    request.private_ip_address = m_spec.private_ip;
    request.associate_public_ip = m_spec.public_ip;
    if (m_spec.launch.instance_profile) request.iam_instance_profile_name = m_spec.launch.instance_profile_name;
    request.user_data = m_spec.launch.user_data;
    request.client_token = cloud.client_token(key());
    request.tags = tags();
    request.tags[std::string(k_tag_user_data_hash)] = user_data_hash(m_spec.launch.user_data);
    request.metadata_options = metadata_options();
    HOPPER_ASSIGN(request.root_volume, root_volume(cloud, request.image_id, m_spec.launch.root_volume_gib));

    // A new instance profile takes a few seconds to become visible to EC2.
    HOPPER_ASSIGN(const auto launched, retry_while<std::vector<aws::ec2::Instance>>(
                                           cloud.clock(), k_iam_propagation_timeout,
                                           [](const util::Error& e) { return is_profile_not_propagated(e) || is_not_visible_yet(e); },
                                           [&] { return aws::ec2::run_instances(cloud.ec2, request); }));
    if (launched.empty()) return util::Error::failed("RunInstances launched nothing");
    std::string id = launched.front().id;
    for (int round = 2; round <= 5; ++round) {
      const std::string& launched_state = launched.front().state.name;
      if (launched_state != "terminated" && launched_state != "shutting-down") break;
      // The token answered an instance terminated since (by hand): ask for a new one.
      request.client_token = cloud.client_token(key()) + "-" + std::to_string(round);
      HOPPER_ASSIGN(const auto again, aws::ec2::run_instances(cloud.ec2, request));
      if (again.empty()) return util::Error::failed("RunInstances launched nothing");
      id = again.front().id;
      if (again.front().state.name != "terminated" && again.front().state.name != "shutting-down") break;
    }
    HOPPER_ASSIGN(aws::ec2::Instance running, wait_running(cloud, id));
    if (running.tags.empty()) running.tags = request.tags;
    if (!m_spec.source_dest_check) {
      HOPPER_TRY(retry_status_while(cloud.clock(), k_ec2_propagation_timeout, is_not_visible_yet,
                                    [&] { return aws::ec2::modify_source_dest_check(cloud.ec2, id, false); }));
      running.source_dest_check = false;
    }
    return observe(running);
  }

  util::Result<Observed> update(Cloud& cloud, const State&, const Observed& observed,
                                const std::vector<FieldChange>& changes) const override {
    for (const auto& change : field_changes(changes)) {
      if (change.field == "source_dest_check") {
        HOPPER_TRY(aws::ec2::modify_source_dest_check(cloud.ec2, observed.id, change.to == "true"));
      }
    }
    HOPPER_ASSIGN(Observed updated, update_ec2_tags(cloud, observed, changes));
    for (const auto& change : field_changes(changes)) updated.fields[change.field] = change.to;
    return updated;
  }

 private:
  InstanceSpec m_spec;
};

}  // namespace

const Kind& instance_kind() { return k_kind; }

std::unique_ptr<Resource> make_instance(const std::string& name, const std::string& display_name, InstanceSpec spec) {
  return std::make_unique<InstanceResource>(name, display_name, std::move(spec));
}

}  // namespace hopper::model::kinds

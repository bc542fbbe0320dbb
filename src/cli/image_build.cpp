#include "cli/image_build.hpp"

#include <ctime>

#include "aws/core/error.hpp"
#include "aws/ec2/images.hpp"
#include "aws/ec2/instances.hpp"
#include "aws/ec2/instances_run.hpp"
#include "aws/ec2/subnets.hpp"
#include "bootstrap/render.hpp"
#include "model/image.hpp"
#include "model/wait.hpp"

namespace hopper::cli {
namespace {

using namespace std::chrono_literals;

const model::ResourceKey k_builder{"instance", "image-builder"};
constexpr std::chrono::milliseconds k_builder_stopped_timeout = 45min;
constexpr std::chrono::milliseconds k_image_available_timeout = 45min;
constexpr std::chrono::milliseconds k_console_check_interval = 30s;

std::string yyyymmdd(util::Clock::WallTime time) {
  const std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y%m%d", &tm);
  return buffer;
}

std::vector<aws::Filter> builder_filters(const model::Cloud& cloud) {
  return {{"tag:" + cloud.cluster_tag_key(), {"owned"}},
          {"tag:" + std::string(model::k_tag_resource), {k_builder.str()}},
          {"instance-state-name", {"pending", "running", "stopping", "stopped"}}};
}

util::Status terminate(const model::Cloud& cloud, const std::vector<std::string>& ids, std::ostream& progress) {
  if (ids.empty()) return {};
  HOPPER_TRY(aws::ec2::terminate_instances(cloud.ec2, ids).context("terminating the image builder"));
  for (const auto& id : ids) progress << "Terminated the builder " << id << "\n";
  return {};
}

util::Result<std::string> private_subnet(const model::Cloud& cloud, const spec::ClusterSpec& spec) {
  const std::string zone = spec.network.zones.front().name;
  const std::string resource = "subnet/private-" + zone;
  HOPPER_ASSIGN(const auto subnets, aws::ec2::describe_subnets(cloud.ec2, {{"tag:" + cloud.cluster_tag_key(), {"owned"}},
                                                                            {"tag:" + std::string(model::k_tag_resource),
                                                                             {resource}}}));
  for (const auto& subnet : subnets) {
    if (cloud.is_owned(subnet.tags)) return subnet.id;
  }
  return util::Error::usage("cluster " + spec.name + " has no network in " + spec.region + " yet (no subnet tagged " +
                            std::string(model::k_tag_resource) + "=" + resource +
                            "): run `hopper up` first; the image builder runs in its private subnet");
}

// An image of ours for this Kubernetes version built from `base_image`, if any (available first,
// else one still pending, which is waited for).
util::Result<std::optional<aws::ec2::Image>> existing_image(const model::Cloud& cloud, const spec::ClusterSpec& spec,
                                                            const std::string& base_image) {
  aws::ec2::DescribeImagesRequest request;
  request.owners = {"self"};
  request.filters = {{"name", {model::baked_image_prefix(spec.kubernetes.version) + "*"}},
                     {"tag:" + std::string(k_tag_base_image), {base_image}}};
  HOPPER_ASSIGN(const auto images, aws::ec2::describe_images(cloud.ec2, request));
  std::optional<aws::ec2::Image> best;
  for (const auto& image : images) {
    const auto tag = image.tags.find(k_tag_base_image);
    if (tag == image.tags.end() || tag->second != base_image) continue;  // some endpoints ignore tag filters
    if (image.state != "available" && image.state != "pending") continue;
    if (!best || (image.state == "available" && best->state != "available") ||
        (image.state == best->state && image.creation_date > best->creation_date)) {
      best = image;
    }
  }
  return best;
}

util::Result<std::string> wait_image_available(model::Cloud& cloud, const std::string& image_id) {
  return model::poll<std::string>(
      cloud.clock(), "image " + image_id + " to become available", {.timeout = k_image_available_timeout},
      [&]() -> util::Result<model::PollStep<std::string>> {
        aws::ec2::DescribeImagesRequest request;
        request.ids = {image_id};
        HOPPER_ASSIGN(const auto images, aws::ec2::describe_images(cloud.ec2, request));
        if (images.empty()) return model::PollStep<std::string>::pending("not visible yet");
        if (images.front().state == "available") return model::PollStep<std::string>::done(image_id);
        if (images.front().state != "pending") {
          return util::Error::failed("image " + image_id + " is " + images.front().state);
        }
        return model::PollStep<std::string>::pending(images.front().state);
      });
}

// CreateImage with the image and its snapshots tagged. moto answers HTTP 500 to a snapshot
// TagSpecification on CreateImage (the simulator and AWS accept it): on a local endpoint, and
// only for that answer, the image is created again with the image alone tagged (its snapshots are
// found through the image either way). A 500 from AWS itself stays an error.
util::Result<std::string> create_image_tagged(model::Cloud& cloud, aws::ec2::CreateImageRequest create,
                                              std::ostream& progress) {
  auto created = aws::ec2::create_image(cloud.ec2, create);
  if (created || !cloud.session().uses_local_endpoint()) return std::move(created).context("creating the image");
  const aws::ApiError* api = aws::api_error(created.error());
  if (api == nullptr || api->http_status != 500) return std::move(created).context("creating the image");
  progress << "The endpoint refused to tag the image's snapshots (HTTP 500); tagging the image only\n";
  create.tag_snapshots = false;
  return aws::ec2::create_image(cloud.ec2, create).context("creating the image");
}

// Waits until the builder has stopped itself (or, locally, stops it). Fails early when its
// console shows the boot script's failure line.
util::Status wait_builder_stopped(model::Cloud& cloud, const std::string& id, std::ostream& progress) {
  const bool local = cloud.session().uses_local_endpoint();
  bool stop_sent = false;
  auto next_console_check = cloud.clock().now() + k_console_check_interval;
  const auto stopped = model::poll<bool>(
      cloud.clock(), "the image builder " + id + " to install and power off",
      {.max_delay = 10s, .timeout = k_builder_stopped_timeout}, [&]() -> util::Result<model::PollStep<bool>> {
        HOPPER_ASSIGN(const auto found, aws::ec2::describe_instances(cloud.ec2, {}, {id}));
        if (found.empty()) return model::PollStep<bool>::pending("not visible yet");
        const std::string state = found.front().state.name;
        if (state == "stopped") return model::PollStep<bool>::done(true);
        if (state == "terminated" || state == "shutting-down") {
          return util::Error::failed("the image builder " + id + " is " + state + " instead of stopped" +
                                     (found.front().state_reason.empty() ? "" : ": " + found.front().state_reason));
        }
        if (state == "running" && local && !stop_sent) {
          progress << "The endpoint is local (moto, hopper sim): instances there never run their user data, so "
                      "hopper stops the builder itself\n";
          HOPPER_TRY(aws::ec2::stop_instances(cloud.ec2, {id}).context("stopping the image builder"));
          stop_sent = true;
        }
        if (state == "running" && !local && cloud.clock().now() >= next_console_check) {
          next_console_check = cloud.clock().now() + k_console_check_interval;
          if (auto console = aws::ec2::get_console_output(cloud.ec2, id, true); console) {
            if (const auto at = console->find("hopper: FAILED"); at != std::string::npos) {
              return util::Error::failed("the image builder's installation failed: " +
                                         console->substr(at, console->find('\n', at) - at));
            }
          }
        }
        return model::PollStep<bool>::pending(state);
      });
  if (!stopped) return stopped.error();
  return {};
}

// Launch, wait, image, wait: the steps between which the builder must be cleaned up.
util::Result<ImageBuildResult> build_with(model::Cloud& cloud, const spec::ClusterSpec& spec, const std::string& base,
                                          std::string& builder_id, std::ostream& progress) {
  HOPPER_ASSIGN(const std::string subnet, private_subnet(cloud, spec));
  HOPPER_ASSIGN(const std::string user_data,
                bootstrap::render_image_builder_user_data(
                    spec, bootstrap::make_render_context(spec, cloud.cluster().account_id, cloud.cluster().partition)));
  aws::ec2::RunInstancesRequest run;
  run.image_id = base;
  run.instance_type = spec.workers.instance_type;
  run.subnet_id = subnet;
  run.user_data = user_data;
  run.tags = cloud.owned_tags(k_builder, spec.name + "-image-builder");
  run.metadata_options = aws::ec2::MetadataOptions{"required", 1, "enabled"};
  HOPPER_ASSIGN(const auto launched, aws::ec2::run_instances(cloud.ec2, run).context("launching the image builder"));
  if (launched.empty()) return util::Error::failed("launching the image builder: RunInstances returned no instance");
  builder_id = launched.front().id;
  progress << "Launched the builder " << builder_id << " in " << subnet << " from " << base
           << "; it installs Kubernetes " << spec.kubernetes.version << " and powers off (a few minutes)\n";
  HOPPER_TRY(wait_builder_stopped(cloud, builder_id, progress));

  ImageBuildResult result;
  result.image_name = image_name(spec.kubernetes.version, yyyymmdd(cloud.clock().wall_now()));
  aws::ec2::DescribeImagesRequest same_name;
  same_name.owners = {"self"};
  same_name.filters = {{"name", {result.image_name}}};
  HOPPER_ASSIGN(const auto taken, aws::ec2::describe_images(cloud.ec2, same_name));
  if (!taken.empty()) result.image_name += "-" + base.substr(base.size() > 8 ? base.size() - 8 : 0);
  aws::ec2::CreateImageRequest create;
  create.instance_id = builder_id;
  create.name = result.image_name;
  create.description = "hopper: Kubernetes " + spec.kubernetes.version + " on Ubuntu 24.04 (" + base + ")";
  create.tags = {{"Name", result.image_name},
                 {k_tag_base_image, base},
                 {k_tag_kubernetes_version, spec.kubernetes.version},
                 {"hopper/built-for-cluster", spec.name}};
  HOPPER_ASSIGN(result.image_id, create_image_tagged(cloud, create, progress));
  progress << "Creating image " << result.image_name << " (" << result.image_id << ")\n";
  HOPPER_TRY(wait_image_available(cloud, result.image_id));
  return result;
}

}  // namespace

std::string image_name(const std::string& kubernetes_version, const std::string& date) {
  return model::baked_image_prefix(kubernetes_version) + date;
}

util::Result<ImageBuildResult> build_image(model::Cloud& cloud, const spec::ClusterSpec& spec, std::ostream& progress) {
  // A builder left by an interrupted run goes first.
  HOPPER_ASSIGN(const auto leftovers, aws::ec2::describe_instances(cloud.ec2, builder_filters(cloud)));
  std::vector<std::string> stale;
  for (const auto& instance : leftovers) {
    if (cloud.is_owned(instance.tags)) stale.push_back(instance.id);
  }
  if (!stale.empty()) progress << "Found a builder left by an earlier run\n";
  HOPPER_TRY(terminate(cloud, stale, progress));

  spec::ClusterSpec stock = spec;
  stock.image.mode = spec::ImageMode::stock;
  HOPPER_ASSIGN(const model::ImageChoice base, model::choose_image(cloud, stock, true));
  HOPPER_ASSIGN(const auto existing, existing_image(cloud, spec, base.image_id));
  if (existing) {
    progress << "Reusing " << existing->name << " (" << existing->id << "): Kubernetes " << spec.kubernetes.version
             << " on " << base.image_id << (existing->state == "pending" ? ", still being made" : "") << "\n";
    HOPPER_TRY(wait_image_available(cloud, existing->id));
    return ImageBuildResult{existing->id, existing->name, true};
  }

  std::string builder_id;
  auto result = build_with(cloud, spec, base.image_id, builder_id, progress);
  // Always: the builder goes, whatever happened above.
  if (!builder_id.empty()) {
    auto cleaned = terminate(cloud, {builder_id}, progress);
    if (!cleaned.ok()) {
      if (!result) return std::move(result).error().context(cleaned.error().message() + "; and before that");
      return std::move(cleaned).error();
    }
  }
  return result;
}

}  // namespace hopper::cli

#include "model/kinds/launch_settings.hpp"

#include <algorithm>

#include "aws/ec2/images.hpp"
#include "crypto/digest.hpp"
#include "util/strings.hpp"

namespace hopper::model::kinds {

std::vector<ResourceKey> launch_dependencies(const LaunchSettings& settings) {
  std::vector<ResourceKey> deps{settings.image, settings.key_pair};
  deps.insert(deps.end(), settings.security_groups.begin(), settings.security_groups.end());
  if (settings.instance_profile) deps.push_back(*settings.instance_profile);
  return deps;
}

std::string image_id(const LaunchSettings& settings, const State& state) {
  return state.attribute_of(settings.image, "value");
}

std::string joined_groups(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  return util::join(ids, ",");
}

std::string user_data_hash(const std::string& user_data) { return crypto::sha256_hex(user_data); }

aws::ec2::MetadataOptions metadata_options() {
  aws::ec2::MetadataOptions options;
  options.http_tokens = "required";
  options.http_put_response_hop_limit = k_metadata_hop_limit;
  options.http_endpoint = "enabled";
  return options;
}

Fields launch_fields(const LaunchSettings& settings, const State& state) {
  std::vector<std::string> groups;
  for (const auto& key : settings.security_groups) groups.push_back(state.id_of(key));
  Fields fields{{"image_id", image_id(settings, state)},
                {"instance_type", settings.instance_type},
                {"key_name", state.id_of(settings.key_pair)},
                {"security_groups", joined_groups(groups)},
                {"user_data_sha256", user_data_hash(settings.user_data)},
                {"http_tokens", "required"},
                {"http_put_response_hop_limit", std::to_string(k_metadata_hop_limit)}};
  if (settings.instance_profile) fields["iam_profile"] = settings.instance_profile_name;
  return fields;
}

}  // namespace hopper::model::kinds

namespace hopper::model::kinds {

util::Result<aws::ec2::BlockDevice> root_volume(Cloud& cloud, const std::string& image, int size_gib) {
  HOPPER_ASSIGN(const std::string device, cloud.cached<std::string>("root-device:" + image, [&]() -> util::Result<std::string> {
    aws::ec2::DescribeImagesRequest request;
    request.ids = {image};
    HOPPER_ASSIGN(const auto images, aws::ec2::describe_images(cloud.ec2, request));
    if (images.empty()) return util::Error::failed("image " + image + " not found in " + cloud.cluster().region);
    return images.front().root_device_name.empty() ? std::string("/dev/sda1") : images.front().root_device_name;
  }));
  aws::ec2::BlockDevice volume;
  volume.device_name = device;
  volume.volume_size_gib = size_gib;
  volume.volume_type = "gp3";
  volume.encrypted = true;
  volume.delete_on_termination = true;
  return volume;
}

}  // namespace hopper::model::kinds

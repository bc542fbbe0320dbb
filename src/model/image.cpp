#include "model/image.hpp"

#include <algorithm>

#include "aws/core/error.hpp"
#include "aws/ec2/images.hpp"
#include "aws/ssm/parameters.hpp"

namespace hopper::model {
namespace {

// The newest available image among `images` (by creation date, then name).
std::optional<aws::ec2::Image> newest(std::vector<aws::ec2::Image> images) {
  images.erase(std::remove_if(images.begin(), images.end(), [](const auto& i) { return i.state != "available"; }),
               images.end());
  if (images.empty()) return std::nullopt;
  return *std::max_element(images.begin(), images.end(), [](const auto& a, const auto& b) {
    return std::tie(a.creation_date, a.name) < std::tie(b.creation_date, b.name);
  });
}

util::Result<ImageChoice> stock_image(Cloud& cloud) {
  auto parameter = aws::ssm::get_parameter(cloud.ssm, k_ubuntu_ami_parameter, false);
  if (parameter) return ImageChoice{parameter->value, std::string("Canonical's parameter ") + k_ubuntu_ami_parameter};
  if (!aws::is_not_found(parameter.error()) && !aws::is_auth_failure(parameter.error())) {
    return std::move(parameter).error();
  }
  // Some endpoints (and some partitions) lack Canonical's parameter: ask EC2 directly.
  aws::ec2::DescribeImagesRequest request;
  request.owners = {k_canonical_owner};
  request.filters = {{"name", {k_ubuntu_name_pattern}}, {"architecture", {"x86_64"}}, {"state", {"available"}}};
  HOPPER_ASSIGN(const auto images, aws::ec2::describe_images(cloud.ec2, request));
  const auto best = newest(images);
  if (!best) {
    return util::Error::failed("no Ubuntu 24.04 image found in " + cloud.cluster().region + " (neither " +
                               k_ubuntu_ami_parameter + " nor images of owner " + k_canonical_owner + " named " +
                               k_ubuntu_name_pattern + ")");
  }
  return ImageChoice{best->id, "newest " + best->name + " of owner " + k_canonical_owner};
}

util::Result<ImageChoice> baked_image(Cloud& cloud, const spec::ClusterSpec& spec) {
  aws::ec2::DescribeImagesRequest request;
  request.owners = {"self"};
  request.filters = {{"name", {baked_image_prefix(spec.kubernetes.version) + "*"}}};
  HOPPER_ASSIGN(const auto images, aws::ec2::describe_images(cloud.ec2, request));
  const auto best = newest(images);
  if (!best) {
    return util::Error::failed("image: baked, but no image named " + baked_image_prefix(spec.kubernetes.version) +
                               "* exists in " + cloud.cluster().region + ": run `hopper image build` first");
  }
  return ImageChoice{best->id, "baked image " + best->name};
}

}  // namespace

std::string baked_image_prefix(const std::string& kubernetes_version) {
  return "hopper-k8s-" + kubernetes_version + "-ubuntu-24.04-";
}

util::Result<ImageChoice> choose_image(Cloud& cloud, const spec::ClusterSpec& spec, bool update_image) {
  if (spec.image.mode == spec::ImageMode::ami) return ImageChoice{spec.image.ami_id, "the spec (image: " + spec.image.ami_id + ")"};
  if (!update_image) {
    auto kept = aws::ssm::get_parameter(cloud.ssm, cloud.ssm_prefix() + "image-id", false);
    if (kept) return ImageChoice{kept->value, "kept since the first up (" + cloud.ssm_prefix() + "image-id)"};
    if (!aws::is_not_found(kept.error())) return std::move(kept).error();
  }
  if (spec.image.mode == spec::ImageMode::baked) return baked_image(cloud, spec);
  return stock_image(cloud);
}

}  // namespace hopper::model

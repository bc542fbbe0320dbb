#include "spec/validate.hpp"

#include <algorithm>

#include "spec/kubernetes_versions.hpp"
#include "spec/regions.hpp"
#include "spec/validate_rules.hpp"
#include "util/strings.hpp"

namespace hopper::spec {
namespace {

using detail::Checker;

bool is_resource_id(std::string_view text, std::string_view prefix) {
  if (text.substr(0, prefix.size()) != prefix) return false;
  const std::string_view hex = text.substr(prefix.size());
  return (hex.size() == 8 || hex.size() == 17) &&
         std::all_of(hex.begin(), hex.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

void check_identity(const ClusterSpec& spec, Checker& checker) {
  if (!checker.skip("name")) {
    if (auto why = check_cluster_name(spec.name)) checker.error("name", *why);
  }
  if (!checker.skip("region")) {
    if (auto why = check_region(spec.region)) checker.error("region", *why);
  }
}

void check_kubernetes(const ClusterSpec& spec, Checker& checker) {
  if (!checker.skip("kubernetes.version")) {
    auto release = find_kubernetes_release(spec.kubernetes.version);
    if (!release) checker.error("kubernetes.version", release.error().message());
  }
  if (!checker.skip("kubernetes.cni") && spec.kubernetes.cni != "amazon-vpc-cni") {
    checker.error("kubernetes.cni", "'" + spec.kubernetes.cni +
                                        "' is not supported; hopper installs amazon-vpc-cni (pods take VPC addresses)");
  }
}

void check_tags(const ClusterSpec& spec, Checker& checker) {
  if (checker.skip("tags")) return;
  if (spec.tags.size() > k_max_user_tags) {
    checker.error("tags", std::to_string(spec.tags.size()) + " tags; at most " + std::to_string(k_max_user_tags) +
                              " (AWS allows 50 per resource and hopper sets up to 10 of its own)");
  }
  for (const auto& [key, value] : spec.tags) {
    const std::string path = "tags." + key;
    if (checker.skip(path)) continue;
    const std::string lower = util::to_lower(key);
    if (key.empty()) {
      checker.error("tags", "a tag key must not be empty");
    } else if (lower.rfind("aws:", 0) == 0) {
      checker.error(path, "keys starting with aws: are reserved by AWS");
    } else if (key.rfind("kubernetes.io/cluster/", 0) == 0) {
      checker.error(path,
                    "keys starting with kubernetes.io/cluster/ are set by hopper (they mark what the cluster owns)");
    } else if (key == "Name") {
      checker.error(path, "Name is set by hopper on every resource");
    } else if (key.size() > k_max_tag_key_length) {
      checker.error(path, "the key is " + std::to_string(key.size()) + " characters long; AWS allows at most " +
                              std::to_string(k_max_tag_key_length));
    }
    if (value.size() > k_max_tag_value_length) {
      checker.error(path, "the value is " + std::to_string(value.size()) + " characters long; AWS allows at most " +
                              std::to_string(k_max_tag_value_length));
    }
  }
}

void check_image(const ClusterSpec& spec, Checker& checker) {
  if (checker.skip("image")) return;
  if (spec.image.mode == ImageMode::ami && !is_ami_id(spec.image.ami_id)) {
    checker.error("image", "'" + spec.image.ami_id + "' is not an AMI id (ami- and 8 or 17 hex digits)");
  }
}

}  // namespace

std::vector<Problem> validate_spec(const ClusterSpec& spec, const SourceMap& sources, const std::string& file) {
  std::vector<Problem> problems;
  Checker checker(sources, file, problems);
  check_identity(spec, checker);
  detail::check_network(spec, checker);
  detail::check_nodes(spec, checker);
  check_kubernetes(spec, checker);
  check_image(spec, checker);
  check_tags(spec, checker);
  return problems;
}

std::optional<std::string> check_cluster_name(std::string_view name) {
  const std::string quoted = std::string("'").append(name).append("'");
  if (name.empty()) return "must not be empty (1 to 32 lowercase letters, digits and hyphens)";
  if (name.size() > k_max_name_length) {
    return quoted + " is " + std::to_string(name.size()) + " characters long; at most " +
           std::to_string(k_max_name_length) + " (it is part of AWS load balancer names, which allow 32)";
  }
  const bool allowed = std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
  if (!allowed) {
    return quoted +
           " may contain only lowercase letters, digits and hyphens (it is used in AWS names, tags and DNS labels)";
  }
  if (name.front() < 'a' || name.front() > 'z') return quoted + " must start with a letter";
  if (name.back() == '-') return quoted + " must not end with a hyphen (it is used in DNS labels)";
  return std::nullopt;
}

bool is_vpc_id(std::string_view text) { return is_resource_id(text, "vpc-"); }

bool is_ami_id(std::string_view text) { return is_resource_id(text, "ami-"); }

}  // namespace hopper::spec

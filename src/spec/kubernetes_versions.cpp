#include "spec/kubernetes_versions.hpp"

#include <charconv>
#include <optional>

#include "util/strings.hpp"

namespace hopper::spec {
namespace {

// BOOTSTRAP-NOTES.md section 0: cloud-provider-aws tags v1.36.1, v1.35.2, v1.34.3.
const std::vector<KubernetesRelease> k_releases = {
    {"1.34", "v1.34.3"},
    {"1.35", "v1.35.2"},
    {"1.36", "v1.36.1"},
};

// The newest minor released upstream; newer than the newest supported one means "not yet".
constexpr int k_newest_upstream_minor = 37;

std::optional<int> parse_number(std::string_view text) {
  if (text.empty() || text.size() > 4 || (text.size() > 1 && text[0] == '0')) return std::nullopt;
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

const std::vector<KubernetesRelease>& supported_kubernetes_releases() { return k_releases; }

std::string supported_kubernetes_minors() {
  std::vector<std::string> minors;
  for (const auto& r : k_releases) minors.emplace_back(r.minor);
  return util::join(minors, ", ");
}

util::Result<KubernetesRelease> find_kubernetes_release(std::string_view version) {
  const std::string text(version);
  const std::vector<std::string> parts = util::split(text, '.');
  bool well_formed = parts.size() == 2 || parts.size() == 3;
  for (const auto& part : parts) well_formed = well_formed && parse_number(part).has_value();
  if (!well_formed) {
    return util::Error::usage("'" + text +
                              "' is not a Kubernetes version (expected major.minor or major.minor.patch, "
                              "e.g. 1.36 or 1.36.2)");
  }
  const std::string minor = parts[0] + "." + parts[1];
  for (const auto& release : k_releases) {
    if (release.minor == minor) return release;
  }
  const std::string supported = " (supported: " + supported_kubernetes_minors() + ")";
  const int major = *parse_number(parts[0]);
  const int minor_number = *parse_number(parts[1]);
  if (major == 1 && minor_number < *parse_number(util::split(k_releases.front().minor, '.')[1])) {
    return util::Error::usage(text + " is no longer supported" + supported);
  }
  if (major == 1 && minor_number <= k_newest_upstream_minor) {
    return util::Error::usage(text + " is not supported yet: cloud-provider-aws has no " + minor +
                              " release" + supported);
  }
  return util::Error::usage(text + " is not a Kubernetes version hopper knows" + supported);
}

}  // namespace hopper::spec

#include "spec/kubernetes_versions.hpp"

#include <gtest/gtest.h>

namespace hopper::spec {
namespace {

std::string why_not(std::string_view version) {
  auto release = find_kubernetes_release(version);
  if (release.ok()) return "supported as " + std::string(release->minor);
  EXPECT_EQ(release.error().exit_code(), util::ExitCode::usage);
  return release.error().message();
}

TEST(KubernetesVersionsTest, SupportsThreeMinorsWithTheDefaultNewest) {
  ASSERT_EQ(supported_kubernetes_releases().size(), 3u);
  EXPECT_EQ(supported_kubernetes_minors(), "1.34, 1.35, 1.36");
  EXPECT_EQ(supported_kubernetes_releases().back().minor, k_default_kubernetes_version);
  EXPECT_EQ(k_default_kubernetes_version, "1.36");
}

TEST(KubernetesVersionsTest, AcceptsMinorsAndPatches) {
  EXPECT_EQ(why_not("1.36"), "supported as 1.36");
  EXPECT_EQ(why_not("1.36.2"), "supported as 1.36");
  EXPECT_EQ(why_not("1.34.0"), "supported as 1.34");
  EXPECT_EQ(find_kubernetes_release("1.36")->cloud_provider_aws, "v1.36.1");
  EXPECT_EQ(find_kubernetes_release("1.35.1")->cloud_provider_aws, "v1.35.2");
}

TEST(KubernetesVersionsTest, ExplainsUnsupportedVersions) {
  EXPECT_EQ(why_not("1.37"),
            "1.37 is not supported yet: cloud-provider-aws has no 1.37 release (supported: 1.34, 1.35, 1.36)");
  EXPECT_EQ(why_not("1.37.0"),
            "1.37.0 is not supported yet: cloud-provider-aws has no 1.37 release (supported: 1.34, 1.35, 1.36)");
  EXPECT_EQ(why_not("1.33"), "1.33 is no longer supported (supported: 1.34, 1.35, 1.36)");
  EXPECT_EQ(why_not("1.9"), "1.9 is no longer supported (supported: 1.34, 1.35, 1.36)");
  EXPECT_EQ(why_not("1.40"), "1.40 is not a Kubernetes version hopper knows (supported: 1.34, 1.35, 1.36)");
  EXPECT_EQ(why_not("2.0"), "2.0 is not a Kubernetes version hopper knows (supported: 1.34, 1.35, 1.36)");
}

TEST(KubernetesVersionsTest, RejectsMalformedVersions) {
  for (const char* bad : {"", "1", "v1.36", "1.36.", "1..36", "1.36.2.1", "1.036", "latest", "1.36-rc.0", " 1.36"}) {
    EXPECT_EQ(why_not(bad), "'" + std::string(bad) +
                                "' is not a Kubernetes version (expected major.minor or major.minor.patch, e.g. "
                                "1.36 or 1.36.2)");
  }
}

}  // namespace
}  // namespace hopper::spec

// The tunnel kubeconfig and merging it into a kubeconfig file kubectl already uses.
#include "access/kubeconfig.hpp"

#include <yaml-cpp/yaml.h>

#include <gtest/gtest.h>

#include "bootstrap/kubeconfig.hpp"
#include "codec/base64.hpp"
#include "crypto/x509.hpp"
#include "spec/defaults.hpp"
#include "util/clock.hpp"

namespace hopper::access {
namespace {

// One CA per binary: RSA key generation is slow under the sanitizers.
const bootstrap::ClusterSecrets& ca() {
  static const bootstrap::ClusterSecrets secrets = [] {
    spec::ClusterSpec spec;
    spec.name = "demo";
    return *bootstrap::generate_secrets(spec, util::SystemClock::instance());
  }();
  return secrets;
}

const std::string& ours() {
  static const std::string text = *tunnel_kubeconfig(ca(), "demo", 16443, util::SystemClock::instance());
  return text;
}

// A kubeconfig with two other clusters, a field hopper does not know and a current context.
constexpr const char* k_existing = R"(apiVersion: v1
kind: Config
preferences:
  colors: true
clusters:
- name: prod
  cluster:
    server: https://prod.example:443
    certificate-authority-data: UFJPRA==
    extensions:
    - name: client.authentication.k8s.io/exec
      extension:
        audience: prod
- name: kind-dev
  cluster:
    server: https://127.0.0.1:41234
    insecure-skip-tls-verify: true
users:
- name: prod-admin
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: aws
      args: [eks, get-token, --cluster-name, prod]
- name: kind-dev
  user:
    token: abc
contexts:
- name: prod
  context:
    cluster: prod
    user: prod-admin
    namespace: web
- name: kind-dev
  context:
    cluster: kind-dev
    user: kind-dev
current-context: prod
x-custom-field: keep me
)";

YAML::Node entry(const YAML::Node& root, const char* section, const std::string& name) {
  for (const auto& e : root[section]) {
    if (e["name"].as<std::string>() == name) return e;
  }
  return YAML::Node();
}

TEST(KubeconfigTest, TunnelKubeconfigVerifiesTheApiServerByName) {
  const YAML::Node root = YAML::Load(ours());
  EXPECT_EQ(root["current-context"].as<std::string>(), "demo");
  const YAML::Node cluster = entry(root, "clusters", "demo")["cluster"];
  EXPECT_EQ(cluster["server"].as<std::string>(), "https://127.0.0.1:16443");
  EXPECT_EQ(cluster["tls-server-name"].as<std::string>(), "kubernetes");
  EXPECT_EQ(*codec::base64_decode(cluster["certificate-authority-data"].as<std::string>()), ca().ca_cert_pem);
  const YAML::Node user = entry(root, "users", "demo")["user"];
  const std::string cert = *codec::base64_decode(user["client-certificate-data"].as<std::string>());
  const std::string key = *codec::base64_decode(user["client-key-data"].as<std::string>());
  EXPECT_TRUE(*crypto::is_signed_by(cert, ca().ca_cert_pem));
  EXPECT_TRUE(*crypto::key_matches_certificate(key, cert));
  const auto info = crypto::inspect_certificate(cert);
  EXPECT_EQ(info->common_name, bootstrap::k_admin_user);
  EXPECT_EQ(info->organizations, std::vector<std::string>{bootstrap::k_admin_group});
  const YAML::Node context = entry(root, "contexts", "demo")["context"];
  EXPECT_EQ(context["cluster"].as<std::string>(), "demo");
  EXPECT_EQ(context["user"].as<std::string>(), "demo");
}

TEST(KubeconfigTest, MergeIntoNothing) {
  for (const char* existing : {"", "\n", "# only a comment\n"}) {
    const auto merged = merge_kubeconfig(existing, ours(), "demo");
    ASSERT_TRUE(merged) << merged.error().message();
    EXPECT_TRUE(merged->set_current_context);
    EXPECT_FALSE(merged->replaced);
    const YAML::Node root = YAML::Load(merged->text);
    EXPECT_EQ(root["current-context"].as<std::string>(), "demo");
    EXPECT_EQ(root["apiVersion"].as<std::string>(), "v1");
    EXPECT_EQ(root["kind"].as<std::string>(), "Config");
    EXPECT_EQ(root["clusters"].size(), 1u);
    EXPECT_EQ(YAML::Dump(entry(root, "users", "demo")), YAML::Dump(entry(YAML::Load(ours()), "users", "demo")));
  }
}

TEST(KubeconfigTest, MergeKeepsEverythingElseAsItWas) {
  const auto merged = merge_kubeconfig(k_existing, ours(), "demo");
  ASSERT_TRUE(merged) << merged.error().message();
  EXPECT_FALSE(merged->set_current_context);
  EXPECT_EQ(merged->current_context, "prod");
  const YAML::Node before = YAML::Load(k_existing);
  const YAML::Node after = YAML::Load(merged->text);
  // Every entry that was there is there, in order and unchanged; ours comes last.
  for (const char* section : {"clusters", "users", "contexts"}) {
    ASSERT_EQ(after[section].size(), before[section].size() + 1) << section;
    for (std::size_t i = 0; i < before[section].size(); ++i) {
      EXPECT_EQ(YAML::Dump(after[section][i]), YAML::Dump(before[section][i])) << section << " " << i;
    }
    EXPECT_EQ(after[section][before[section].size()]["name"].as<std::string>(), "demo");
  }
  for (const char* field : {"preferences", "current-context", "x-custom-field", "apiVersion", "kind"}) {
    EXPECT_EQ(YAML::Dump(after[field]), YAML::Dump(before[field])) << field;
  }
  EXPECT_TRUE(entry(after, "clusters", "kind-dev")["cluster"]["insecure-skip-tls-verify"].as<bool>());
}

TEST(KubeconfigTest, MergeReplacesTheSameNameInPlace) {
  const auto first = merge_kubeconfig(k_existing, ours(), "demo");
  ASSERT_TRUE(first);
  const std::string again = *tunnel_kubeconfig(ca(), "demo", 17000, util::SystemClock::instance());
  const auto second = merge_kubeconfig(first->text, again, "demo");
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->replaced);
  const YAML::Node after = YAML::Load(second->text);
  EXPECT_EQ(after["clusters"].size(), 3u);
  EXPECT_EQ(after["users"].size(), 3u);
  EXPECT_EQ(after["contexts"].size(), 3u);
  EXPECT_EQ(entry(after, "clusters", "demo")["cluster"]["server"].as<std::string>(), "https://127.0.0.1:17000");
  EXPECT_EQ(after["clusters"][2]["name"].as<std::string>(), "demo");
  EXPECT_EQ(after["current-context"].as<std::string>(), "prod");

  // An entry named like ours in the middle is replaced where it stands.
  const std::string middle = std::string(k_existing).replace(std::string(k_existing).find("name: kind-dev\n  cluster"), 14,
                                                             "name: demo");
  const auto placed = merge_kubeconfig(middle, ours(), "demo");
  ASSERT_TRUE(placed);
  const YAML::Node m = YAML::Load(placed->text);
  ASSERT_EQ(m["clusters"].size(), 2u);
  EXPECT_EQ(m["clusters"][1]["name"].as<std::string>(), "demo");
  EXPECT_EQ(m["clusters"][1]["cluster"]["server"].as<std::string>(), "https://127.0.0.1:16443");
}

TEST(KubeconfigTest, EmptyCurrentContextIsSet) {
  const auto merged = merge_kubeconfig("apiVersion: v1\nkind: Config\nclusters: []\ncurrent-context: \"\"\n", ours(), "demo");
  ASSERT_TRUE(merged);
  EXPECT_TRUE(merged->set_current_context);
  EXPECT_EQ(merged->current_context, "demo");
}

TEST(KubeconfigTest, RefusesWhatIsNotAKubeconfig) {
  for (const char* bad : {"- a list\n", "clusters: {a: b}\n", "key: [unclosed\n", "just text"}) {
    const auto merged = merge_kubeconfig(bad, ours(), "demo");
    ASSERT_FALSE(merged) << bad;
    EXPECT_NE(merged.error().message().find("not a kubeconfig"), std::string::npos) << merged.error().message();
  }
}

}  // namespace
}  // namespace hopper::access

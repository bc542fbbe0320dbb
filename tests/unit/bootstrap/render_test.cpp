// render_bootstrap as a whole: deterministic, within 16 KB, no secret in any user data, every user
// data valid for Debian's `cloud-init schema`, every shell script clean for shellcheck.
#include "bootstrap/render.hpp"

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"
#include "unit/bootstrap/bootstrap_test_support.hpp"
#include "util/strings.hpp"

namespace hopper::bootstrap {
namespace {

BootstrapFiles render(const spec::ClusterSpec& spec, const RenderContext& context) {
  auto files = render_bootstrap(spec, test::shared_secrets(), context);
  EXPECT_TRUE(files) << files.error().message();
  return files ? *files : BootstrapFiles{};
}

BootstrapFiles render_demo() {
  const spec::ClusterSpec spec = test::demo_spec();
  return render(spec, make_render_context(spec, "123456789012"));
}

std::vector<std::pair<std::string, std::string>> user_data_of(const BootstrapFiles& files) {
  return {{"bastion", files.bastion_user_data},
          {"control-plane", files.control_plane_user_data},
          {"worker", files.worker_user_data}};
}

TEST(RenderTest, SameInputsSameBytes) {
  const BootstrapFiles a = render_demo();
  const BootstrapFiles b = render_demo();
  EXPECT_EQ(a.bastion_user_data, b.bastion_user_data);
  EXPECT_EQ(a.control_plane_user_data, b.control_plane_user_data);
  EXPECT_EQ(a.worker_user_data, b.worker_user_data);
  EXPECT_EQ(a.files, b.files);
}

TEST(RenderTest, UserDataFitsEc2sLimit) {
  spec::ClusterSpec spec = test::demo_spec();
  RenderContext context = make_render_context(spec);
  context.demo_app = true;
  for (const auto& [role, text] : user_data_of(render(spec, context))) {
    EXPECT_LE(text.size(), k_user_data_limit) << role;
    EXPECT_GT(text.size(), 0u) << role;
  }
}

TEST(RenderTest, NoSecretInUserDataOrFiles) {
  const auto& secrets = test::shared_secrets();
  const BootstrapFiles files = render_demo();
  // A line from the middle of the key's PEM: no piece of it may appear anywhere.
  const auto key_lines = util::split(secrets.ca_key_pem, '\n');
  ASSERT_GT(key_lines.size(), 5u);
  const std::string key_piece = key_lines[3];
  for (const auto& [role, user_data] : user_data_of(files)) {
    for (const std::string& haystack : {readable_user_data(user_data)}) {
      EXPECT_EQ(haystack.find(secrets.join_token), std::string::npos) << role;
      EXPECT_EQ(haystack.find(key_piece), std::string::npos) << role;
    }
    for (const auto& file : test::parse_user_data(user_data).files) {
      EXPECT_EQ(file.content.find(secrets.join_token), std::string::npos) << role << " " << file.path;
      EXPECT_EQ(file.content.find(key_piece), std::string::npos) << role << " " << file.path;
      EXPECT_EQ(file.content.find("PRIVATE KEY-----\n"), std::string::npos) << role << " " << file.path;
    }
  }
  for (const auto& [path, content] : files.files) {
    EXPECT_EQ(content.find(secrets.join_token), std::string::npos) << path;
    EXPECT_EQ(content.find(key_piece), std::string::npos) << path;
  }
  EXPECT_EQ(files.files.at("pki/ca.crt"), secrets.ca_cert_pem);
  EXPECT_EQ(files.files.count("pki/ca.key"), 0u);
}

TEST(RenderTest, ParametersMatchTheRolesPolicies) {
  const auto& secrets = test::shared_secrets();
  const BootstrapFiles files = render_demo();
  ASSERT_EQ(files.parameters.size(), 3u);
  EXPECT_EQ(files.parameters[0].name, "bootstrap/ca.crt");
  EXPECT_FALSE(files.parameters[0].secure);
  EXPECT_EQ(files.parameters[0].value, secrets.ca_cert_pem);
  EXPECT_EQ(files.parameters[1].name, "bootstrap/ca.key");
  EXPECT_TRUE(files.parameters[1].secure);
  EXPECT_EQ(files.parameters[1].value, secrets.ca_key_pem);
  EXPECT_EQ(files.parameters[2].name, "bootstrap/join-token");
  EXPECT_TRUE(files.parameters[2].secure);
  EXPECT_EQ(files.parameters[2].value, secrets.join_token);
  for (const auto& parameter : files.parameters) EXPECT_LE(parameter.value.size(), 4096u) << "SSM standard tier";
}

TEST(RenderTest, EveryUserDataPassesCloudInitSchema) {
  spec::ClusterSpec spec = test::demo_spec();
  RenderContext context = make_render_context(spec);
  context.demo_app = true;
  auto builder = render_image_builder_user_data(spec, context);
  ASSERT_TRUE(builder) << builder.error().message();
  auto cases = user_data_of(render(spec, context));
  cases.emplace_back("image-builder", *builder);
  spec.image.mode = spec::ImageMode::baked;
  for (const auto& [role, text] : user_data_of(render(spec, context))) cases.emplace_back("baked " + role, text);
  test::TempDir dir;
  for (const auto& [role, text] : cases) {
    // cloud-init inflates a gzipped document before it parses it; the schema check reads text.
    const auto path = dir.write(role + ".yaml", readable_user_data(text));
    const auto result = test::run_program({"cloud-init", "schema", "--config-file", path.string()});
    EXPECT_EQ(result.exit_code, 0) << role << ":\n" << result.out << result.err;
    EXPECT_NE(result.out.find("Valid cloud-config"), std::string::npos) << role << ": " << result.out;
  }
}

TEST(RenderTest, EveryShellScriptPassesShellcheck) {
  RenderContext context = make_render_context(test::demo_spec());
  const BootstrapFiles files = render(test::demo_spec(), context);
  int scripts = 0;
  test::TempDir dir;
  for (const auto& [path, content] : files.files) {
    const bool is_script = path.rfind("usr/local/sbin/", 0) == 0 || path.ends_with(".sh");
    if (!is_script) continue;
    ++scripts;
    const auto file = dir.write(path, content);
    const auto result = test::run_program({"shellcheck", "--shell=bash", "--severity=style", file.string()});
    EXPECT_EQ(result.exit_code, 0) << path << ":\n" << result.out << result.err;
  }
  EXPECT_EQ(scripts, 5);  // lib, node, control plane, worker, token refresh
  // The image builder's script too.
  const auto builder = render_image_builder_user_data(test::demo_spec(), context);
  ASSERT_TRUE(builder);
  const auto parsed = test::parse_user_data(*builder);
  const auto* script = parsed.file("/usr/local/sbin/hopper-build-image");
  ASSERT_NE(script, nullptr);
  const auto file = dir.write("build-image", script->content);
  const auto result = test::run_program({"shellcheck", "--shell=bash", "--severity=style", file.string()});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
}

TEST(RenderTest, RolesGetTheirFilesAndEntryPoints) {
  const BootstrapFiles files = render_demo();
  const auto control_plane = test::parse_user_data(files.control_plane_user_data);
  EXPECT_EQ(control_plane.runcmd, (std::vector<std::vector<std::string>>{{"/usr/local/sbin/hopper-boot-control-plane"}}));
  for (const char* path : {"/etc/hopper/cluster.env", "/etc/hopper/kubeadm/init.yaml", "/etc/hopper/containerd-config.toml",
                           "/etc/hopper/manifests/cloud-controller-manager.yaml", "/usr/local/lib/hopper/lib.sh",
                           "/usr/local/lib/hopper/node.sh", "/usr/local/sbin/hopper-refresh-join-token",
                           "/etc/systemd/system/hopper-refresh-join-token.timer", "/etc/modules-load.d/k8s.conf",
                           "/etc/sysctl.d/k8s.conf", "/etc/systemd/networkd.conf.d/hopper-vpc-cni.conf",
                           "/etc/systemd/network/99-default.link.d/hopper-vpc-cni.conf"}) {
    EXPECT_NE(control_plane.file(path), nullptr) << path;
  }
  EXPECT_EQ(control_plane.file("/etc/hopper/kubeadm/join.yaml"), nullptr);
  EXPECT_EQ(control_plane.file("/etc/hopper/manifests/demo.yaml"), nullptr) << "the demo app is off by default";
  EXPECT_EQ(control_plane.file("/usr/local/sbin/hopper-boot-control-plane")->permissions, "0755");
  EXPECT_EQ(control_plane.file("/usr/local/lib/hopper/lib.sh")->permissions, "0644");

  const auto worker = test::parse_user_data(files.worker_user_data);
  EXPECT_EQ(worker.runcmd, (std::vector<std::vector<std::string>>{{"/usr/local/sbin/hopper-boot-worker"}}));
  EXPECT_NE(worker.file("/etc/hopper/kubeadm/join.yaml"), nullptr);
  EXPECT_EQ(worker.file("/etc/hopper/kubeadm/init.yaml"), nullptr);
  EXPECT_EQ(worker.file("/usr/local/sbin/hopper-refresh-join-token"), nullptr);
  EXPECT_NE(worker.file("/etc/hopper/kubeadm/join.yaml")->content.find(files.files.at("pki/discovery-hash").substr(0, 71)),
            std::string::npos);

  const auto bastion = test::parse_user_data(files.bastion_user_data);
  EXPECT_TRUE(bastion.files.empty());
  EXPECT_TRUE(bastion.runcmd.empty());

  // `hopper render` shows what the nodes get, byte for byte.
  EXPECT_EQ(files.files.at("etc/hopper/kubeadm/init.yaml"), control_plane.file("/etc/hopper/kubeadm/init.yaml")->content);
  EXPECT_EQ(files.files.at("user-data/worker.yaml"), files.worker_user_data);
}

TEST(RenderTest, ClusterEnvCarriesTheSpecAndImageMode) {
  spec::ClusterSpec spec = test::demo_spec();
  spec.kubernetes.version = "1.35.2";
  RenderContext context = make_render_context(spec, "123456789012");
  context.demo_app = true;
  BootstrapFiles files = render(spec, context);
  test::TempDir dir;
  const auto env = dir.write("cluster.env", files.files.at("etc/hopper/cluster.env"));
  const auto shown = test::run_program(
      {"bash", "-c",
       "set -u; . \"$1\"; printf '%s|' \"$CLUSTER_NAME\" \"$CLUSTER_REGION\" \"$SSM_PREFIX\" \"$SSM_ENDPOINT\" "
       "\"$KUBERNETES_APT_URL\" \"$KUBERNETES_PACKAGE_VERSION\" \"$INSTALL_PACKAGES\" \"$CONTROL_PLANE_ENDPOINT\" "
       "\"$DEMO_APP\" \"$ECR_ENDPOINT\"",
       "_", env.string()});
  EXPECT_EQ(shown.out,
            "demo|eu-west-1|/hopper/demo/|https://ssm.eu-west-1.amazonaws.com|"
            "https://pkgs.k8s.io/core:/stable:/v1.35/deb|1.35.2-*|yes|" +
                spec.control_plane.private_ip.str() + ":6443|yes|https://api.ecr.us-west-2.amazonaws.com|")
      << shown.err;
  EXPECT_NE(test::parse_user_data(files.control_plane_user_data).file("/etc/hopper/manifests/demo.yaml"), nullptr);
  EXPECT_NE(files.files.at("etc/hopper/manifests/cloud-controller-manager.yaml")
                .find("registry.k8s.io/provider-aws/cloud-controller-manager:v1.35.2"),
            std::string::npos);

  spec.kubernetes.version = "1.36";
  spec.image.mode = spec::ImageMode::baked;
  files = render(spec, context);
  const std::string baked = files.files.at("etc/hopper/cluster.env");
  EXPECT_NE(baked.find("INSTALL_PACKAGES=no\n"), std::string::npos) << baked;
  EXPECT_NE(baked.find("KUBERNETES_PACKAGE_VERSION='1.36.*'\n"), std::string::npos) << baked;
}

TEST(RenderTest, ImageBuilderInstallsAndPowersOff) {
  spec::ClusterSpec spec = test::demo_spec();
  spec.image.mode = spec::ImageMode::baked;  // the builder installs whatever the cluster's mode
  const auto text = render_image_builder_user_data(spec, make_render_context(spec));
  ASSERT_TRUE(text) << text.error().message();
  EXPECT_LE(text->size(), k_user_data_limit);
  const auto parsed = test::parse_user_data(*text);
  EXPECT_EQ(parsed.runcmd, (std::vector<std::vector<std::string>>{{"/usr/local/sbin/hopper-build-image"}}));
  EXPECT_NE(parsed.file("/etc/hopper/cluster.env")->content.find("INSTALL_PACKAGES=yes"), std::string::npos);
  EXPECT_NE(parsed.file("/usr/local/sbin/hopper-build-image")->content.find("shutdown -h now"), std::string::npos);
  EXPECT_EQ(text->find("kubeadm init"), std::string::npos);
}

TEST(RenderTest, MismatchedSecretsAreRefused) {
  ClusterSecrets secrets = test::shared_secrets();
  secrets.join_token = "nope";
  const spec::ClusterSpec spec = test::demo_spec();
  EXPECT_FALSE(render_bootstrap(spec, secrets, make_render_context(spec)));
}

}  // namespace
}  // namespace hopper::bootstrap

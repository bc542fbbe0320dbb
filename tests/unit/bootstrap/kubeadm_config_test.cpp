// The kubeadm configuration parsed back with yaml-cpp and checked field by field against the
// v1beta4 API (kubeadm-config.v1beta4 reference; BOOTSTRAP-NOTES.md section 2).
#include "bootstrap/kubeadm_config.hpp"

#include <gtest/gtest.h>

#include <map>

#include "unit/bootstrap/bootstrap_test_support.hpp"

namespace hopper::bootstrap {
namespace {

std::map<std::string, std::string> args_of(const YAML::Node& list) {
  std::map<std::string, std::string> out;
  EXPECT_TRUE(list.IsSequence()) << "v1beta4 extraArgs are lists of {name, value}";
  for (const auto& item : list) {
    EXPECT_TRUE(item.IsMap());
    EXPECT_EQ(item.size(), 2u);
    out[item["name"].as<std::string>()] = item["value"].as<std::string>();
  }
  return out;
}

// Every extraArgs/kubeletExtraArgs anywhere is a list of {name, value}; no v1beta3 leftovers.
void check_v1beta4_shape(const YAML::Node& node, const std::string& where) {
  if (node.IsMap()) {
    for (const auto& entry : node) {
      const std::string key = entry.first.as<std::string>();
      EXPECT_NE(key, "timeoutForControlPlane") << where;
      if (key == "extraArgs" || key == "kubeletExtraArgs") args_of(entry.second);
      check_v1beta4_shape(entry.second, where + "." + key);
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) check_v1beta4_shape(item, where + "[]");
  }
}

std::vector<YAML::Node> documents(const std::string& text) {
  std::vector<YAML::Node> out = YAML::LoadAll(text);
  for (const auto& doc : out) check_v1beta4_shape(doc, doc["kind"].as<std::string>());
  return out;
}

TEST(KubeadmConfigTest, InitConfigurationFieldByField) {
  spec::ClusterSpec spec = test::demo_spec();
  spec.kubernetes.service_cidr = *util::Cidr::parse("10.96.0.0/12");
  const RenderContext context = make_render_context(spec);
  const auto text = init_configuration(spec, context);
  ASSERT_TRUE(text) << text.error().message();
  const auto docs = documents(*text);
  ASSERT_EQ(docs.size(), 3u);

  const YAML::Node& init = docs[0];
  EXPECT_EQ(init["apiVersion"].as<std::string>(), "kubeadm.k8s.io/v1beta4");
  EXPECT_EQ(init["kind"].as<std::string>(), "InitConfiguration");
  const YAML::Node token = init["bootstrapTokens"][0];
  EXPECT_EQ(token["token"].as<std::string>(), "@JOIN_TOKEN@");
  EXPECT_EQ(token["ttl"].as<std::string>(), "48h0m0s");
  EXPECT_EQ(token["usages"].as<std::vector<std::string>>(), (std::vector<std::string>{"signing", "authentication"}));
  EXPECT_EQ(token["groups"].as<std::vector<std::string>>(),
            std::vector<std::string>{"system:bootstrappers:kubeadm:default-node-token"});
  const std::string ip = spec.control_plane.private_ip.str();
  EXPECT_EQ(init["localAPIEndpoint"]["advertiseAddress"].as<std::string>(), ip);
  EXPECT_EQ(init["localAPIEndpoint"]["bindPort"].as<int>(), 6443);
  const YAML::Node registration = init["nodeRegistration"];
  EXPECT_EQ(registration["name"].as<std::string>(), "@NODE_NAME@");
  EXPECT_EQ(registration["criSocket"].as<std::string>(), "unix:///var/run/containerd/containerd.sock");
  const auto kubelet_args = args_of(registration["kubeletExtraArgs"]);
  EXPECT_EQ(kubelet_args.at("cloud-provider"), "external");
  EXPECT_EQ(kubelet_args.at("node-ip"), "@NODE_IP@");
  EXPECT_EQ(kubelet_args.at("max-pods"), "17");  // t3.medium: 3 * (6 - 1) + 2

  const YAML::Node& cluster = docs[1];
  EXPECT_EQ(cluster["apiVersion"].as<std::string>(), "kubeadm.k8s.io/v1beta4");
  EXPECT_EQ(cluster["kind"].as<std::string>(), "ClusterConfiguration");
  EXPECT_EQ(cluster["clusterName"].as<std::string>(), "demo");
  EXPECT_EQ(cluster["kubernetesVersion"].as<std::string>(), "@KUBERNETES_VERSION@");
  EXPECT_EQ(cluster["controlPlaneEndpoint"].as<std::string>(), ip + ":6443");
  EXPECT_EQ(cluster["networking"]["serviceSubnet"].as<std::string>(), "10.96.0.0/12");
  EXPECT_EQ(cluster["networking"]["dnsDomain"].as<std::string>(), "cluster.local");
  EXPECT_FALSE(cluster["networking"]["podSubnet"]) << "the VPC CNI gives pods VPC addresses";
  const auto sans = cluster["apiServer"]["certSANs"].as<std::vector<std::string>>();
  EXPECT_NE(std::find(sans.begin(), sans.end(), ip), sans.end());
  EXPECT_NE(std::find(sans.begin(), sans.end(), private_dns_name(ip, "eu-west-1")), sans.end());
  // kube-apiserver lost --cloud-provider in 1.33: nothing of the kind for it.
  EXPECT_FALSE(cluster["apiServer"]["extraArgs"]);
  EXPECT_EQ(text->find("cloud-config"), std::string::npos);
  EXPECT_EQ(args_of(cluster["controllerManager"]["extraArgs"]).at("cloud-provider"), "external");

  const YAML::Node& kubelet = docs[2];
  EXPECT_EQ(kubelet["apiVersion"].as<std::string>(), "kubelet.config.k8s.io/v1beta1");
  EXPECT_EQ(kubelet["kind"].as<std::string>(), "KubeletConfiguration");
  EXPECT_EQ(kubelet["cgroupDriver"].as<std::string>(), "systemd");
}

TEST(KubeadmConfigTest, ServiceSubnetComesFromTheSpec) {
  spec::ClusterSpec spec = test::demo_spec();
  spec.kubernetes.service_cidr = *util::Cidr::parse("172.20.0.0/16");
  const auto text = init_configuration(spec, make_render_context(spec));
  ASSERT_TRUE(text);
  EXPECT_EQ(documents(*text)[1]["networking"]["serviceSubnet"].as<std::string>(), "172.20.0.0/16");
}

TEST(KubeadmConfigTest, JoinConfigurationFieldByField) {
  spec::ClusterSpec spec = test::demo_spec();
  spec.workers.instance_type = "t3.large";
  const auto hash = discovery_hash(test::shared_secrets().ca_cert_pem);
  ASSERT_TRUE(hash);
  const auto text = join_configuration(spec, make_render_context(spec), *hash);
  ASSERT_TRUE(text) << text.error().message();
  const auto docs = documents(*text);
  ASSERT_EQ(docs.size(), 1u);
  const YAML::Node& join = docs[0];
  EXPECT_EQ(join["apiVersion"].as<std::string>(), "kubeadm.k8s.io/v1beta4");
  EXPECT_EQ(join["kind"].as<std::string>(), "JoinConfiguration");
  const YAML::Node token = join["discovery"]["bootstrapToken"];
  EXPECT_EQ(token["apiServerEndpoint"].as<std::string>(), spec.control_plane.private_ip.str() + ":6443");
  EXPECT_EQ(token["token"].as<std::string>(), "@JOIN_TOKEN@");
  EXPECT_EQ(token["caCertHashes"].as<std::vector<std::string>>(), std::vector<std::string>{*hash});
  EXPECT_FALSE(join["discovery"]["timeout"]) << "v1beta4 moved it to timeouts.discovery";
  EXPECT_EQ(join["timeouts"]["discovery"].as<std::string>(), "3m0s");
  const YAML::Node registration = join["nodeRegistration"];
  EXPECT_EQ(registration["name"].as<std::string>(), "@NODE_NAME@");
  const auto args = args_of(registration["kubeletExtraArgs"]);
  EXPECT_EQ(args.at("cloud-provider"), "external");
  EXPECT_EQ(args.at("node-ip"), "@NODE_IP@");
  EXPECT_EQ(args.at("max-pods"), "35");  // t3.large: 3 * (12 - 1) + 2
}

TEST(KubeadmConfigTest, PrivateDnsNames) {
  EXPECT_EQ(private_dns_name("10.0.1.23", "eu-west-1"), "ip-10-0-1-23.eu-west-1.compute.internal");
  EXPECT_EQ(private_dns_name("10.0.1.23", "us-east-1"), "ip-10-0-1-23.ec2.internal");
}

}  // namespace
}  // namespace hopper::bootstrap

// The Kubernetes API reader: kubeconfig parsing, the list decoders, and the requests it sends
// (through a recording transport: TLS material, connect_to, URLs, error answers).
#include "report/kube_api.hpp"

#include <gtest/gtest.h>

#include "codec/base64.hpp"
#include "support/recording_transport.hpp"

namespace hopper::report {
namespace {

std::string b64(const std::string& text) { return codec::base64_encode(text); }

std::string kubeconfig(const std::string& server, const std::string& extra_cluster_field = "") {
  return "apiVersion: v1\nkind: Config\n"
         "clusters:\n- name: other\n  cluster:\n    server: https://other:6443\n    certificate-authority-data: " +
         b64("OTHER CA") +
         "\n"
         "- name: demo\n  cluster:\n    server: " + server + "\n" + extra_cluster_field +
         "    certificate-authority-data: " + b64("CA PEM") +
         "\n"
         "users:\n- name: kubernetes-admin\n  user:\n    client-certificate-data: " + b64("CERT PEM") +
         "\n    client-key-data: " + b64("KEY PEM") +
         "\n"
         "contexts:\n- name: kubernetes-admin@demo\n  context:\n    cluster: demo\n    user: kubernetes-admin\n"
         "current-context: kubernetes-admin@demo\n";
}

TEST(KubeApiTest, ParsesTheCurrentContextsClusterAndUser) {
  const auto creds = parse_kubeconfig(kubeconfig("https://10.0.0.10:6443"));
  ASSERT_TRUE(creds.ok()) << creds.error().message();
  EXPECT_EQ(creds->cluster_name, "demo");
  EXPECT_EQ(creds->server, "https://10.0.0.10:6443");
  EXPECT_EQ(creds->ca_pem, "CA PEM");
  EXPECT_EQ(creds->client_cert_pem, "CERT PEM");
  EXPECT_EQ(creds->client_key_pem, "KEY PEM");
  EXPECT_EQ(creds->tls_server_name, "");
}

TEST(KubeApiTest, KubeconfigProblemsAreNamed) {
  EXPECT_NE(parse_kubeconfig("[").error().message().find("not YAML"), std::string::npos);
  EXPECT_NE(parse_kubeconfig("- a\n").error().message().find("not a YAML mapping"), std::string::npos);
  std::string no_key = kubeconfig("https://10.0.0.10:6443");
  no_key.replace(no_key.find("client-key-data"), 15, "client-key-file");
  EXPECT_EQ(parse_kubeconfig(no_key).error().message(), "kubeconfig: user kubernetes-admin has no client-key-data");
  std::string bad_context = kubeconfig("https://10.0.0.10:6443");
  bad_context.replace(bad_context.find("current-context: kubernetes-admin@demo"), 38, "current-context: nope");
  EXPECT_EQ(parse_kubeconfig(bad_context).error().message(), "kubeconfig: no context named nope");
  EXPECT_NE(parse_kubeconfig(kubeconfig("not a url")).error().message().find("not a URL"), std::string::npos);
}

TEST(KubeApiTest, DecodesNodesWithTheirReadyCondition) {
  const auto nodes = decode_node_list(R"({"kind":"NodeList","items":[
    {"metadata":{"name":"cp","labels":{"node-role.kubernetes.io/control-plane":""}},
     "status":{"conditions":[{"type":"MemoryPressure","status":"False"},{"type":"Ready","status":"True","reason":"KubeletReady"}],
               "nodeInfo":{"kubeletVersion":"v1.36.1"},"addresses":[{"type":"Hostname","address":"cp"},{"type":"InternalIP","address":"10.0.0.10"}]}},
    {"metadata":{"name":"w1"},"status":{"conditions":[{"type":"Ready","status":"Unknown","reason":"NodeStatusUnknown"}]}},
    {"metadata":{"name":"w2"},"status":{}}]})");
  ASSERT_TRUE(nodes.ok()) << nodes.error().message();
  ASSERT_EQ(nodes->size(), 3u);
  EXPECT_EQ((*nodes)[0], (NodeInfo{"cp", true, "True", "KubeletReady", "v1.36.1", "10.0.0.10", {"control-plane"}}));
  EXPECT_FALSE((*nodes)[1].ready);
  EXPECT_EQ((*nodes)[1].ready_status, "Unknown");
  EXPECT_FALSE((*nodes)[2].ready);
  EXPECT_EQ((*nodes)[2].ready_status, "");
  EXPECT_FALSE(decode_node_list("not json").ok());
  EXPECT_TRUE(decode_node_list(R"({"kind":"NodeList"})")->empty());
}

TEST(KubeApiTest, DecodesServicesWithHostnameOrIp) {
  const auto services = decode_service_list(R"({"items":[
    {"metadata":{"name":"demo","namespace":"default"},"spec":{"type":"LoadBalancer","ports":[{"port":80,"protocol":"TCP"}]},
     "status":{"loadBalancer":{"ingress":[{"hostname":"a.elb.amazonaws.com"}]}}},
    {"metadata":{"name":"ip","namespace":"x"},"spec":{"type":"LoadBalancer","ports":[{"port":53,"protocol":"UDP"}]},
     "status":{"loadBalancer":{"ingress":[{"ip":"192.0.2.1"}]}}},
    {"metadata":{"name":"kubernetes","namespace":"default"},"spec":{"type":"ClusterIP"}}]})");
  ASSERT_TRUE(services.ok()) << services.error().message();
  ASSERT_EQ(services->size(), 3u);
  EXPECT_EQ((*services)[0], (ServiceInfo{"default", "demo", "LoadBalancer", {"a.elb.amazonaws.com"}, {"80/TCP"}}));
  EXPECT_EQ((*services)[1].ingress, std::vector<std::string>{"192.0.2.1"});
  EXPECT_EQ((*services)[2].type, "ClusterIP");
}

TEST(KubeApiTest, RequestsCarryTheKubeconfigsTlsMaterialAndDialTheGivenAddress) {
  test::RecordingTransport transport;
  transport.push(test::RecordingTransport::Answer::ok(R"({"items":[]})"));
  transport.push(test::RecordingTransport::Answer::ok(
      R"({"items":[{"metadata":{"name":"demo","namespace":"default"},"spec":{"type":"LoadBalancer"}},
                   {"metadata":{"name":"k","namespace":"default"},"spec":{"type":"ClusterIP"}}]})"));
  const KubeApiReader reader(transport, *parse_kubeconfig(kubeconfig("https://10.0.0.10:6443/")), "127.0.0.1:16443");
  EXPECT_EQ(reader.base_url(), "https://10.0.0.10:6443");
  ASSERT_TRUE(reader.nodes().ok());
  const auto services = reader.load_balancer_services();
  ASSERT_TRUE(services.ok());
  ASSERT_EQ(services->size(), 1u);
  const auto requests = transport.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].method, "GET");
  EXPECT_EQ(requests[0].url, "https://10.0.0.10:6443/api/v1/nodes");
  EXPECT_EQ(requests[1].url, "https://10.0.0.10:6443/api/v1/services");
  EXPECT_EQ(requests[0].connect_to, "127.0.0.1:16443");
  EXPECT_EQ(requests[0].tls.ca_pem, "CA PEM");
  EXPECT_EQ(requests[0].tls.client_cert_pem, "CERT PEM");
  EXPECT_EQ(requests[0].tls.client_key_pem, "KEY PEM");
}

TEST(KubeApiTest, TlsServerNameBecomesTheUrlHostAndTheServerTheDialAddress) {
  // A tunnel kubeconfig: server 127.0.0.1:6443, certificate checked against 10.0.0.10.
  test::RecordingTransport transport;
  transport.push(test::RecordingTransport::Answer::ok(R"({"items":[]})"));
  const auto creds = parse_kubeconfig(kubeconfig("https://127.0.0.1:6443", "    tls-server-name: 10.0.0.10\n"));
  ASSERT_TRUE(creds.ok()) << creds.error().message();
  EXPECT_EQ(creds->tls_server_name, "10.0.0.10");
  const KubeApiReader reader(transport, *creds, "");
  ASSERT_TRUE(reader.nodes().ok());
  EXPECT_EQ(transport.requests()[0].url, "https://10.0.0.10:6443/api/v1/nodes");
  EXPECT_EQ(transport.requests()[0].connect_to, "127.0.0.1:6443");
}

TEST(KubeApiTest, ForbiddenAnswerIsAnErrorWithTheApisMessage) {
  test::RecordingTransport transport;
  transport.push(test::RecordingTransport::Answer::ok(
      R"({"kind":"Status","status":"Failure","message":"nodes is forbidden: User \"kubernetes-admin\" cannot list resource","code":403})",
      403));
  const KubeApiReader reader(transport, *parse_kubeconfig(kubeconfig("https://10.0.0.10:6443")), "");
  const auto nodes = reader.nodes();
  ASSERT_FALSE(nodes.ok());
  EXPECT_EQ(nodes.error().message(),
            "GET /api/v1/nodes: HTTP 403: nodes is forbidden: User \"kubernetes-admin\" cannot list resource");
  EXPECT_EQ(transport.requests()[0].connect_to, "");
}

}  // namespace
}  // namespace hopper::report

// A tiny Kubernetes API reader: the admin credentials from a kubeconfig, and two read-only
// calls over net::Transport with mutual TLS — the nodes with their Ready condition, and the
// Services of type LoadBalancer with their load balancer addresses. Enough for `hopper status`;
// not a client library (no watch, no write, no pagination beyond what one list returns).
//
// TLS: the API server's certificate is checked against the kubeconfig's CA (never the system
// store) and the admin certificate is presented from memory (net::TlsOptions). The URL keeps the
// kubeconfig's server (or its tls-server-name) as the TLS name while the TCP connection may go
// elsewhere (`dial`, e.g. a tunnel on 127.0.0.1): net::HttpRequest::connect_to.
//
// Thread-safety: KubeApiReader is immutable after construction; calls may run concurrently if
// the Transport allows it (CurlTransport does).
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "net/http.hpp"
#include "util/result.hpp"

namespace hopper::report {

// What hopper needs from a kubeconfig: the current context's cluster and user.
struct KubeCredentials {
  std::string cluster_name;
  std::string server;           // "https://10.0.0.10:6443"
  std::string tls_server_name;  // the cluster's tls-server-name, or ""
  std::string ca_pem;           // certificate-authority-data, decoded
  std::string client_cert_pem;  // client-certificate-data, decoded
  std::string client_key_pem;   // client-key-data, decoded; a secret
};

// Parses kubeconfig YAML: the current-context (or, without one, the first context; or, without
// contexts, the first cluster and user), reading the base64 *-data fields. Errors (ExitCode::failed)
// name what is missing: "kubeconfig: user kubernetes-admin has no client-certificate-data" —
// file references (certificate-authority: PATH) are not read: hopper's kubeconfigs embed data.
util::Result<KubeCredentials> parse_kubeconfig(std::string_view yaml);

struct NodeInfo {
  std::string name;
  bool ready = false;
  std::string ready_status;  // the Ready condition's status: "True", "False", "Unknown", or "" when absent
  std::string ready_reason;  // e.g. "KubeletReady", "KubeletNotReady"
  std::string kubelet_version;
  std::string internal_ip;
  std::vector<std::string> roles;  // from node-role.kubernetes.io/<role> labels
  bool operator==(const NodeInfo&) const = default;
};

struct ServiceInfo {
  std::string name_space;
  std::string name;
  std::string type;                      // "LoadBalancer", "ClusterIP", ...
  std::vector<std::string> ingress;      // load balancer hostnames or IPs (empty while pending)
  std::vector<std::string> ports;        // "80/TCP"
  bool operator==(const ServiceInfo&) const = default;
};

// Decoders of the API's list answers (JSON), exposed for tests. Errors: not JSON, not a list.
util::Result<std::vector<NodeInfo>> decode_node_list(std::string_view json);
util::Result<std::vector<ServiceInfo>> decode_service_list(std::string_view json);

class KubeApiReader {
 public:
  // `dial`: "HOST:PORT" to connect to instead of the server's own address (empty: the server's).
  // REQUIRES: `transport` outlives the reader.
  KubeApiReader(net::Transport& transport, KubeCredentials credentials, std::string dial,
                std::chrono::milliseconds timeout = std::chrono::seconds(10));

  // The URL requests go to ("https://10.0.0.10:6443"): the server, or its tls-server-name.
  const std::string& base_url() const { return m_base_url; }

  // GET /api/v1/nodes. Errors: the transport's (no answer), or "HTTP 403 ...: <message>" with
  // ExitCode::failed (a 403 right after `up` means kubeadm init has not bound the admin group yet).
  util::Result<std::vector<NodeInfo>> nodes() const;
  // GET /api/v1/services (every namespace), keeping type LoadBalancer only.
  util::Result<std::vector<ServiceInfo>> load_balancer_services() const;

 private:
  util::Result<std::string> get(const std::string& path) const;

  net::Transport& m_transport;
  KubeCredentials m_credentials;
  std::string m_dial;
  std::string m_base_url;
  std::chrono::milliseconds m_timeout;
};

}  // namespace hopper::report

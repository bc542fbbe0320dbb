#include "report/kube_api.hpp"

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "codec/base64.hpp"

namespace hopper::report {
namespace {

std::string scalar(const YAML::Node& node, const char* key) {
  if (!node.IsDefined() || !node.IsMap()) return std::string();  // indexing anything else throws
  const YAML::Node value = node[key];
  return value && value.IsScalar() ? value.as<std::string>() : std::string();
}

// The entry of `list` (a kubeconfig's clusters/users/contexts) called `name`, or the first one
// when `name` is empty.
YAML::Node named(const YAML::Node& list, const std::string& name) {
  // "Not found" is an undefined node (false in a condition); YAML::Node() would be a null node,
  // which is true.
  const YAML::Node none(YAML::NodeType::Undefined);
  if (!list.IsDefined() || !list.IsSequence()) return none;
  for (const auto& entry : list) {
    if (name.empty() || scalar(entry, "name") == name) return entry;
  }
  return none;
}

util::Result<std::string> data_field(const YAML::Node& node, const char* key, const std::string& owner) {
  const std::string text = scalar(node, key);
  if (text.empty()) return util::Error::failed("kubeconfig: " + owner + " has no " + key);
  auto decoded = codec::base64_decode(text);
  if (!decoded) return util::Error::failed("kubeconfig: " + owner + "'s " + key + " is not base64");
  return *decoded;
}

const nlohmann::json& field(const nlohmann::json& object, const char* key) {
  static const nlohmann::json null;
  if (!object.is_object()) return null;
  const auto it = object.find(key);
  return it == object.end() ? null : *it;
}

std::string string_field(const nlohmann::json& object, const char* key) {
  const auto& value = field(object, key);
  return value.is_string() ? value.get<std::string>() : std::string();
}

util::Result<nlohmann::json> list_items(std::string_view text, const char* kind) {
  nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
  if (document.is_discarded()) return util::Error::failed(std::string("the API's ") + kind + " answer is not JSON");
  const auto& items = field(document, "items");
  if (items.is_null()) return nlohmann::json::array();
  if (!items.is_array()) return util::Error::failed(std::string("the API's ") + kind + " answer has no item list");
  return items;
}

// "https://host:port" -> "host:port" (port 443 when absent).
std::string authority_of(const std::string& url) {
  auto parsed = net::parse_url(url);
  if (!parsed) return "";
  const std::string host = parsed->host.find(':') != std::string::npos ? "[" + parsed->host + "]" : parsed->host;
  return host + ":" + std::to_string(parsed->port);
}

}  // namespace

util::Result<KubeCredentials> parse_kubeconfig(std::string_view yaml) {
  YAML::Node config;
  try {
    config = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    return util::Error::failed(std::string("kubeconfig is not YAML: ") + e.what());
  }
  if (!config.IsMap()) return util::Error::failed("kubeconfig is not a YAML mapping");
  std::string cluster_name;
  std::string user_name;
  const std::string current = scalar(config, "current-context");
  if (const YAML::Node context = named(config["contexts"], current); context) {
    cluster_name = scalar(context["context"], "cluster");
    user_name = scalar(context["context"], "user");
  } else if (!current.empty()) {
    return util::Error::failed("kubeconfig: no context named " + current);
  }
  const YAML::Node cluster = named(config["clusters"], cluster_name);
  if (!cluster) return util::Error::failed("kubeconfig: no cluster" + (cluster_name.empty() ? "" : " named " + cluster_name));
  const YAML::Node user = named(config["users"], user_name);
  if (!user) return util::Error::failed("kubeconfig: no user" + (user_name.empty() ? "" : " named " + user_name));

  KubeCredentials out;
  out.cluster_name = scalar(cluster, "name");
  const std::string cluster_label = "cluster " + out.cluster_name;
  const std::string user_label = "user " + scalar(user, "name");
  out.server = scalar(cluster["cluster"], "server");
  if (out.server.empty()) return util::Error::failed("kubeconfig: " + cluster_label + " has no server");
  if (!net::parse_url(out.server)) return util::Error::failed("kubeconfig: " + cluster_label + "'s server is not a URL: " + out.server);
  out.tls_server_name = scalar(cluster["cluster"], "tls-server-name");
  HOPPER_ASSIGN(out.ca_pem, data_field(cluster["cluster"], "certificate-authority-data", cluster_label));
  HOPPER_ASSIGN(out.client_cert_pem, data_field(user["user"], "client-certificate-data", user_label));
  HOPPER_ASSIGN(out.client_key_pem, data_field(user["user"], "client-key-data", user_label));
  return out;
}

util::Result<std::vector<NodeInfo>> decode_node_list(std::string_view json) {
  HOPPER_ASSIGN(const nlohmann::json items, list_items(json, "node list"));
  std::vector<NodeInfo> out;
  for (const auto& item : items) {
    NodeInfo node;
    node.name = string_field(field(item, "metadata"), "name");
    const auto& labels = field(field(item, "metadata"), "labels");
    if (labels.is_object()) {
      constexpr std::string_view k_role_prefix = "node-role.kubernetes.io/";
      for (const auto& [key, value] : labels.items()) {
        if (key.rfind(k_role_prefix, 0) == 0) node.roles.push_back(key.substr(k_role_prefix.size()));
      }
    }
    const auto& status = field(item, "status");
    for (const auto& condition : field(status, "conditions").is_array() ? field(status, "conditions") : nlohmann::json::array()) {
      if (string_field(condition, "type") != "Ready") continue;
      node.ready_status = string_field(condition, "status");
      node.ready_reason = string_field(condition, "reason");
      node.ready = node.ready_status == "True";
    }
    node.kubelet_version = string_field(field(status, "nodeInfo"), "kubeletVersion");
    for (const auto& address : field(status, "addresses").is_array() ? field(status, "addresses") : nlohmann::json::array()) {
      if (string_field(address, "type") == "InternalIP" && node.internal_ip.empty()) {
        node.internal_ip = string_field(address, "address");
      }
    }
    out.push_back(std::move(node));
  }
  return out;
}

util::Result<std::vector<ServiceInfo>> decode_service_list(std::string_view json) {
  HOPPER_ASSIGN(const nlohmann::json items, list_items(json, "service list"));
  std::vector<ServiceInfo> out;
  for (const auto& item : items) {
    ServiceInfo service;
    service.name = string_field(field(item, "metadata"), "name");
    service.name_space = string_field(field(item, "metadata"), "namespace");
    service.type = string_field(field(item, "spec"), "type");
    const auto& ports = field(field(item, "spec"), "ports");
    for (const auto& port : ports.is_array() ? ports : nlohmann::json::array()) {
      const auto& number = field(port, "port");
      const std::string protocol = string_field(port, "protocol");
      if (number.is_number_integer()) {
        service.ports.push_back(std::to_string(number.get<int>()) + "/" + (protocol.empty() ? "TCP" : protocol));
      }
    }
    const auto& ingress = field(field(field(item, "status"), "loadBalancer"), "ingress");
    for (const auto& entry : ingress.is_array() ? ingress : nlohmann::json::array()) {
      const std::string hostname = string_field(entry, "hostname");
      const std::string ip = string_field(entry, "ip");
      if (!hostname.empty()) service.ingress.push_back(hostname);
      else if (!ip.empty()) service.ingress.push_back(ip);
    }
    out.push_back(std::move(service));
  }
  return out;
}

KubeApiReader::KubeApiReader(net::Transport& transport, KubeCredentials credentials, std::string dial,
                             std::chrono::milliseconds timeout)
    : m_transport(transport), m_credentials(std::move(credentials)), m_dial(std::move(dial)), m_timeout(timeout) {
  m_base_url = m_credentials.server;
  while (!m_base_url.empty() && m_base_url.back() == '/') m_base_url.pop_back();
  if (!m_credentials.tls_server_name.empty()) {
    // The server URL names where to connect (a tunnel); the certificate names tls-server-name.
    if (m_dial.empty()) m_dial = authority_of(m_credentials.server);
    if (auto parsed = net::parse_url(m_credentials.server)) {
      m_base_url = "https://" + m_credentials.tls_server_name + ":" + std::to_string(parsed->port);
    }
  }
}

util::Result<std::string> KubeApiReader::get(const std::string& path) const {
  net::HttpRequest request;
  request.url = m_base_url + path;
  request.headers = {{"Accept", "application/json"}, {"User-Agent", "hopper"}};
  request.tls.ca_pem = m_credentials.ca_pem;
  request.tls.client_cert_pem = m_credentials.client_cert_pem;
  request.tls.client_key_pem = m_credentials.client_key_pem;
  request.connect_to = m_dial;
  request.connect_timeout = m_timeout;
  request.total_timeout = m_timeout * 2;
  HOPPER_ASSIGN(const net::HttpResponse response, m_transport.send(request));
  if (response.status == 200) return response.body;
  std::string message;
  const nlohmann::json status = nlohmann::json::parse(response.body, nullptr, false);
  if (!status.is_discarded()) message = string_field(status, "message");
  if (message.empty()) message = response.body.substr(0, 200);
  return util::Error::failed("GET " + path + ": HTTP " + std::to_string(response.status) +
                             (message.empty() ? "" : ": " + message));
}

util::Result<std::vector<NodeInfo>> KubeApiReader::nodes() const {
  HOPPER_ASSIGN(const std::string body, get("/api/v1/nodes"));
  return decode_node_list(body);
}

util::Result<std::vector<ServiceInfo>> KubeApiReader::load_balancer_services() const {
  HOPPER_ASSIGN(const std::string body, get("/api/v1/services"));
  HOPPER_ASSIGN(std::vector<ServiceInfo> services, decode_service_list(body));
  std::vector<ServiceInfo> out;
  for (auto& service : services) {
    if (service.type == "LoadBalancer") out.push_back(std::move(service));
  }
  return out;
}

}  // namespace hopper::report

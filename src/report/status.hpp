// `hopper status`: what the cluster has in AWS — every owned resource with its state, the
// instances (the Auto Scaling group's workers too) with their addresses and zones, the group's
// capacity, the NAT gateways and their public addresses — and, when its API answers, what
// Kubernetes says: the nodes with their Ready condition and the Services of type LoadBalancer
// with their load balancer addresses.
//
// collect_status does the AWS I/O (discovery of every kind including runtime leftovers, plus one
// DescribeInstances by the cluster tag); build_status, print_status and status_json are pure, so
// tests feed them canned Observed sets. read_kube_status talks to the API through a KubeApiReader.
//
// Thread-safety: collect_status runs discovery on worker threads; the results are plain values.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/ec2/instances.hpp"
#include "engine/apply.hpp"
#include "model/cloud.hpp"
#include "report/kube_api.hpp"

namespace hopper::report {

struct StatusResource {
  std::string kind;  // "subnet"
  std::string name;  // "private-eu-west-1a" (the hopper/resource name)
  std::string display_name;
  std::string id;
  std::string state;  // AWS's lifecycle state where there is one, else ""
};

struct StatusInstance {
  std::string role;  // "bastion", "control-plane", "worker", "nat", or "" when unknown
  std::string name;  // Name tag
  std::string id;
  std::string state;
  std::string instance_type;
  std::string private_ip;
  std::string public_ip;
  std::string zone;
};

struct StatusGroup {
  std::string name;
  int min = 0;
  int max = 0;
  int desired = 0;
  int in_service = 0;
  int instances = 0;
};

struct StatusNat {
  std::string zone;  // from its hopper/resource name
  std::string id;
  std::string state;
  std::string public_ip;
};

// What the Kubernetes API said, or why it was not asked.
struct KubeStatus {
  enum class Reach {
    reachable,       // the API answered: nodes and services are filled in
    failed,          // it was asked and did not answer (message says why)
    not_reachable,   // no address to dial (message says how to open one)
    local_endpoint,  // the AWS endpoint is local (moto, hopper sim): no machine booted
    no_cluster,      // nothing of the cluster exists
  };
  Reach reach = Reach::not_reachable;
  std::string address;  // what was dialled ("127.0.0.1:6443")
  std::string message;
  std::vector<NodeInfo> nodes;
  std::vector<ServiceInfo> services;  // type LoadBalancer only
};

struct ClusterStatus {
  std::string cluster;
  std::string region;
  std::string account;
  std::vector<StatusResource> resources;
  std::vector<StatusInstance> instances;
  std::vector<StatusGroup> groups;
  std::vector<StatusNat> nat_gateways;
  KubeStatus kube;
};

// The status from what discovery found and the cluster's instances (pure). Instances are
// sorted by role (bastion, control plane, NAT, workers), then name.
ClusterStatus build_status(const std::string& cluster, const std::string& region, const std::string& account,
                           const std::vector<engine::Doomed>& found, const std::vector<aws::ec2::Instance>& instances);

// Discovers everything the cluster owns (runtime kinds included) and its live instances.
// Errors: a discovery or DescribeInstances call failed (the error names it).
util::Result<ClusterStatus> collect_status(model::Cloud& cloud, int parallelism);

// Asks the API for nodes and LoadBalancer services. Never fails: a failure is a KubeStatus with
// Reach::failed and the reason (a 403 right after `up` is explained: kubeadm init has not bound
// the admin group yet).
KubeStatus read_kube_status(const KubeApiReader& reader, const std::string& address);

void print_status(std::ostream& out, const ClusterStatus& status);
nlohmann::json status_json(const ClusterStatus& status);

}  // namespace hopper::report

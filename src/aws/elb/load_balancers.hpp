// Classic load balancers: describe (by name, all pages), tags (batches of 20), create (tagged
// in the call), delete. The Kubernetes AWS cloud controller still creates classic ELBs for
// Services of type LoadBalancer without NLB annotations; hopper's delete must find them by the
// kubernetes.io/cluster/<name> tag and remove them before the VPC can go.
//
// Thread-safety: free functions over a thread-safe Client.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "aws/elb/client.hpp"

namespace hopper::aws::elb {

struct ClassicLoadBalancer {
  std::string name;
  std::string dns_name;
  std::string vpc_id;
  std::string scheme;  // internet-facing | internal
  std::vector<std::string> subnets;
  std::vector<std::string> security_groups;
  std::vector<std::string> availability_zones;
  std::vector<std::string> instance_ids;
  std::string source_security_group_name;  // the group AWS gives the LB's own traffic
  std::string created_time;
};

// Load balancers named `names` (every classic load balancer when empty), all pages. Errors:
// LoadBalancerNotFound (is_not_found) when any named one does not exist.
util::Result<std::vector<ClassicLoadBalancer>> describe_load_balancers(const Client& client,
                                                                       const std::vector<std::string>& names = {},
                                                                       int page_size = 0);

// The tags of each load balancer in `names`, keyed by name; asks in batches of 20 (the
// DescribeTags limit). Errors: LoadBalancerNotFound when any name does not exist.
util::Result<std::map<std::string, Tags>> describe_tags(const Client& client, const std::vector<std::string>& names);

struct Listener {
  std::string protocol = "TCP";  // HTTP | HTTPS | TCP | SSL
  int load_balancer_port = 0;
  int instance_port = 0;
  std::string instance_protocol;  // empty: same as `protocol`
};

struct CreateLoadBalancerRequest {
  std::string name;  // at most 32 characters
  std::vector<Listener> listeners;
  std::vector<std::string> subnets;
  std::vector<std::string> security_groups;
  std::string scheme;  // "internal" for an internal LB; empty: internet-facing
  Tags tags;           // set in the creating call
};
// Creates the load balancer; returns its DNS name. Errors: DuplicateLoadBalancerName,
// InvalidSubnet, InvalidSecurityGroup, TooManyLoadBalancers.
util::Result<std::string> create_load_balancer(const Client& client, const CreateLoadBalancerRequest& request);

// Deletes `name`. Succeeds when it does not exist (AWS makes the delete idempotent). Its network
// interfaces linger for minutes afterwards (DependencyViolation on the deletes that follow).
util::Status delete_load_balancer(const Client& client, const std::string& name);

// Decoder of a LoadBalancerDescriptions <member>, exposed for tests.
ClassicLoadBalancer decode_load_balancer(const pugi::xml_node& node);

}  // namespace hopper::aws::elb

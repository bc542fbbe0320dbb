// ELBv2 load balancers: describe (by ARN or name, all pages), create (tagged in the call),
// delete. The Kubernetes AWS cloud controller creates these for Services of type LoadBalancer;
// hopper's delete must find (by the kubernetes.io/cluster/<name> tag, see describe_tags in
// client.hpp) and remove them before the VPC can go.
//
// Thread-safety: free functions over a thread-safe Client.
#pragma once

#include <string>
#include <vector>

#include "aws/elbv2/client.hpp"

namespace hopper::aws::elbv2 {

struct LoadBalancer {
  std::string arn;
  std::string name;
  std::string dns_name;
  std::string type;    // application | network | gateway
  std::string scheme;  // internet-facing | internal
  std::string vpc_id;
  std::string state;   // provisioning | active | active_impaired | failed
  std::vector<std::string> security_groups;
  std::vector<std::string> subnet_ids;  // from AvailabilityZones/member/SubnetId
  std::string canonical_hosted_zone_id;
  std::string created_time;
};

// Load balancers with the given `arns` or `names` (at most one of the two; both empty: every
// load balancer in the region), all pages. Errors: LoadBalancerNotFound (is_not_found) when any
// named ARN or name does not exist.
util::Result<std::vector<LoadBalancer>> describe_load_balancers(const Client& client,
                                                                const std::vector<std::string>& arns = {},
                                                                const std::vector<std::string>& names = {},
                                                                int page_size = 0);

struct CreateLoadBalancerRequest {
  std::string name;
  std::vector<std::string> subnet_ids;
  std::vector<std::string> security_groups;  // not for gateway load balancers
  std::string scheme;                        // internet-facing | internal; omitted when empty
  std::string type = "application";          // application | network | gateway
  Tags tags;                                 // set in the creating call
};
// Creates the load balancer. AWS answers with the existing one when a load balancer of that
// name and the same settings exists; different settings give DuplicateLoadBalancerName (not
// matched by is_already_exists). Other errors: InvalidSubnet, InvalidSecurityGroup,
// TooManyLoadBalancers.
util::Result<LoadBalancer> create_load_balancer(const Client& client, const CreateLoadBalancerRequest& request);

// Deletes `arn` (its listeners go with it). Succeeds for an ARN that no longer exists. Its
// network interfaces linger for minutes afterwards: the subnet/SG/VPC deletes that follow see
// DependencyViolation until they are gone.
util::Status delete_load_balancer(const Client& client, const std::string& arn);

// Decoder, exposed for tests.
LoadBalancer decode_load_balancer(const pugi::xml_node& node);

}  // namespace hopper::aws::elbv2

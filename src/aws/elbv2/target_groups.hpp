// ELBv2 target groups: describe (all, or those of one load balancer; all pages), create (tagged
// in the call), delete. Tags: describe_tags in client.hpp takes target group ARNs too.
//
// Thread-safety: free functions over a thread-safe Client.
#pragma once

#include <string>
#include <vector>

#include "aws/elbv2/client.hpp"

namespace hopper::aws::elbv2 {

struct TargetGroup {
  std::string arn;
  std::string name;
  std::string protocol;  // HTTP | HTTPS | TCP | TLS | UDP | TCP_UDP | GENEVE
  int port = 0;
  std::string vpc_id;
  std::string target_type;  // instance | ip | lambda | alb
  std::string health_check_path;
  std::vector<std::string> load_balancer_arns;
};

// Target groups used by `load_balancer_arn` (every target group in the region when empty),
// all pages. Errors: LoadBalancerNotFound (is_not_found) for an unknown load balancer.
util::Result<std::vector<TargetGroup>> describe_target_groups(const Client& client,
                                                              const std::string& load_balancer_arn = "",
                                                              int page_size = 0);

struct CreateTargetGroupRequest {
  std::string name;  // at most 32 characters: letters, digits, '-'
  std::string vpc_id;
  std::string protocol = "TCP";
  int port = 0;
  std::string target_type = "instance";
  Tags tags;  // set in the creating call
};
// Creates the target group. Errors: DuplicateTargetGroupName (different settings, same name),
// TooManyTargetGroups, ValidationError.
util::Result<TargetGroup> create_target_group(const Client& client, const CreateTargetGroupRequest& request);

// Deletes `arn`. Errors: ResourceInUse (is_dependency_violation) while a listener or rule still
// forwards to it; TargetGroupNotFound (is_not_found: treat as done) when it is gone.
util::Status delete_target_group(const Client& client, const std::string& arn);

// Decoder, exposed for tests.
TargetGroup decode_target_group(const pugi::xml_node& node);

}  // namespace hopper::aws::elbv2

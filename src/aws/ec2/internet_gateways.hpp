// EC2 internet gateways: describe (all pages), create (tagged in the call), attach to and
// detach from a VPC, delete.
//
// Thread-safety: free functions over a shared Client; safe to call from several threads.
#pragma once

#include <string>
#include <vector>

#include "aws/ec2/client.hpp"

namespace hopper::aws::ec2 {

struct InternetGatewayAttachment {
  std::string vpc_id;
  std::string state;  // attaching | available (attached) | detaching | detached
};

struct InternetGateway {
  std::string id;
  std::string owner_id;
  std::vector<InternetGatewayAttachment> attachments;  // at most one VPC
  Tags tags;
};

// Every internet gateway matching `filters` (all pages); `ids` narrows to those ids.
// Filter "attachment.vpc-id" finds the gateway of a VPC.
// Errors: InvalidInternetGatewayID.NotFound when one of `ids` does not exist.
util::Result<std::vector<InternetGateway>> describe_internet_gateways(const Client& client,
                                                                      const std::vector<Filter>& filters = {},
                                                                      const std::vector<std::string>& ids = {});
// Creates a detached internet gateway with `tags` set in the same call. Not retried after an
// ambiguous failure (no ClientToken): look it up by tag first.
util::Result<InternetGateway> create_internet_gateway(const Client& client, const Tags& tags);
// Attaches `internet_gateway_id` to `vpc_id`. Resource.AlreadyAssociated when it is attached
// (to this or another VPC); InvalidVpcID.NotFound / InvalidInternetGatewayID.NotFound.
util::Status attach_internet_gateway(const Client& client, const std::string& internet_gateway_id,
                                     const std::string& vpc_id);
// Detaches `internet_gateway_id` from `vpc_id`. Gateway.NotAttached when it is not attached
// there; DependencyViolation while the VPC still has public addresses mapped (EIPs, NAT gateways).
util::Status detach_internet_gateway(const Client& client, const std::string& internet_gateway_id,
                                     const std::string& vpc_id);
// Deletes `internet_gateway_id`. DependencyViolation while it is attached.
util::Status delete_internet_gateway(const Client& client, const std::string& internet_gateway_id);

// Decoder, exposed for tests.
InternetGateway decode_internet_gateway(const pugi::xml_node& node);

}  // namespace hopper::aws::ec2

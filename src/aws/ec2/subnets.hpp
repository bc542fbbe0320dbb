// EC2 subnets: describe (all pages), create (tagged in the call), delete, and the
// map-public-IP-on-launch attribute.
//
// Thread-safety: free functions over a shared Client; safe to call from several threads.
#pragma once

#include <string>
#include <vector>

#include "aws/ec2/client.hpp"

namespace hopper::aws::ec2 {

struct Subnet {
  std::string id;
  std::string vpc_id;
  std::string cidr_block;
  std::string availability_zone;     // "eu-west-1a"
  std::string availability_zone_id;  // "euw1-az1": the same physical zone in every account
  std::string state;                 // pending | available
  bool map_public_ip_on_launch = false;
  int available_ip_address_count = 0;
  bool default_for_az = false;
  std::string owner_id;
  std::string arn;
  Tags tags;
};

struct CreateSubnetRequest {
  std::string vpc_id;
  std::string cidr_block;
  std::string availability_zone;  // empty: AWS picks one
  Tags tags;
};

// Every subnet matching `filters` (all pages); `ids` narrows to those ids (SubnetId.N).
// Errors: InvalidSubnetID.NotFound when one of `ids` does not exist (or is not visible yet).
util::Result<std::vector<Subnet>> describe_subnets(const Client& client, const std::vector<Filter>& filters = {},
                                                   const std::vector<std::string>& ids = {});
// Creates a subnet with `request.tags` set in the same call (TagSpecification). CreateSubnet
// has no ClientToken: an ambiguous failure (timeout after sending) is not retried; look the
// subnet up by tag before creating it again.
// Errors: InvalidSubnet.Conflict (CIDR overlaps), InvalidSubnet.Range (outside the VPC),
// InvalidVpcID.NotFound, InvalidParameterValue (unknown zone).
util::Result<Subnet> create_subnet(const Client& client, const CreateSubnetRequest& request);
// Deletes `subnet_id`. DependencyViolation while ENIs (instances, NAT gateways, load balancers)
// remain in it; InvalidSubnetID.NotFound when it is gone.
util::Status delete_subnet(const Client& client, const std::string& subnet_id);
// Sets MapPublicIpOnLaunch of `subnet_id` to `value` (ModifySubnetAttribute).
util::Status modify_subnet_map_public_ip(const Client& client, const std::string& subnet_id, bool value);

// Decoder (a <subnet> or subnetSet <item>), exposed for tests.
Subnet decode_subnet(const pugi::xml_node& node);

}  // namespace hopper::aws::ec2

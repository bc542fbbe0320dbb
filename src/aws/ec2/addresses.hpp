// EC2 Elastic IP addresses (VPC domain): describe, allocate (tagged in the call), release,
// disassociate.
//
// Thread-safety: free functions over a shared Client; safe to call from several threads.
#pragma once

#include <string>
#include <vector>

#include "aws/ec2/client.hpp"

namespace hopper::aws::ec2 {

struct Address {
  std::string allocation_id;   // eipalloc-…
  std::string public_ip;
  std::string association_id;  // eipassoc-…; empty when not associated
  std::string domain;          // vpc
  std::string network_interface_id;
  std::string instance_id;
  std::string private_ip_address;
  std::string network_border_group;
  std::string public_ipv4_pool;
  Tags tags;
};

// Every address matching `filters`; `allocation_ids` narrows to those (AllocationId.N).
// DescribeAddresses is not paginated by AWS: one call answers everything.
// Errors: InvalidAllocationID.NotFound when one of `allocation_ids` does not exist.
util::Result<std::vector<Address>> describe_addresses(const Client& client, const std::vector<Filter>& filters = {},
                                                      const std::vector<std::string>& allocation_ids = {});
// Allocates a VPC address (Domain=vpc) with `tags` set in the same call (elastic-ip). AWS does
// not echo the tags: the result carries `tags` as sent. Not retried after an ambiguous failure
// (no ClientToken): look it up by tag first. Errors: AddressLimitExceeded.
util::Result<Address> allocate_address(const Client& client, const Tags& tags);
// Releases `allocation_id`. InvalidAllocationID.NotFound when it is gone; InvalidIPAddress.InUse
// or AuthFailure while it is still associated (e.g. its NAT gateway is still deleting).
util::Status release_address(const Client& client, const std::string& allocation_id);
// Removes association `association_id` (idempotent on AWS).
util::Status disassociate_address(const Client& client, const std::string& association_id);

// Decoder (an addressesSet <item>, or an AllocateAddressResponse), exposed for tests.
Address decode_address(const pugi::xml_node& node);

}  // namespace hopper::aws::ec2

// EC2 VPCs: describe, create (tagged in the call), delete, and the DNS attributes.
#pragma once

#include <string>
#include <vector>

#include "aws/ec2/client.hpp"

namespace hopper::aws::ec2 {

struct Vpc {
  std::string id;
  std::string cidr_block;
  std::string state;  // pending | available
  bool is_default = false;
  std::string owner_id;
  Tags tags;
};

// Every VPC matching `filters` (all pages); `ids` narrows to those ids (VpcId.N).
util::Result<std::vector<Vpc>> describe_vpcs(const Client& client, const std::vector<Filter>& filters = {},
                                             const std::vector<std::string>& ids = {});
// Creates a VPC with `tags` set in the same call (TagSpecification).
util::Result<Vpc> create_vpc(const Client& client, const std::string& cidr_block, const Tags& tags);
// Deletes `vpc_id`. DependencyViolation while anything remains inside it.
util::Status delete_vpc(const Client& client, const std::string& vpc_id);

enum class VpcAttribute { enable_dns_support, enable_dns_hostnames };
util::Result<bool> describe_vpc_attribute(const Client& client, const std::string& vpc_id, VpcAttribute attribute);
util::Status modify_vpc_attribute(const Client& client, const std::string& vpc_id, VpcAttribute attribute, bool value);

// Decoder, exposed for tests.
Vpc decode_vpc(const pugi::xml_node& node);

}  // namespace hopper::aws::ec2

#include "aws/ec2/addresses.hpp"

namespace hopper::aws::ec2 {

Address decode_address(const pugi::xml_node& node) {
  Address address;
  address.allocation_id = codec::text(node, "allocationId");
  address.public_ip = codec::text(node, "publicIp");
  address.association_id = codec::text(node, "associationId");
  address.domain = codec::text(node, "domain");
  address.network_interface_id = codec::text(node, "networkInterfaceId");
  address.instance_id = codec::text(node, "instanceId");
  address.private_ip_address = codec::text(node, "privateIpAddress");
  address.network_border_group = codec::text(node, "networkBorderGroup");
  address.public_ipv4_pool = codec::text(node, "publicIpv4Pool");
  address.tags = decode_tags(node);
  return address;
}

util::Result<std::vector<Address>> describe_addresses(const Client& client, const std::vector<Filter>& filters,
                                                      const std::vector<std::string>& allocation_ids) {
  QueryParams params;
  params.ec2_list("AllocationId", allocation_ids).filters(filters);
  HOPPER_ASSIGN(const XmlResponse response, client.call("DescribeAddresses", params));
  std::vector<Address> out;
  for (const auto& item : codec::items(response.result(), "addressesSet")) out.push_back(decode_address(item));
  return out;
}

util::Result<Address> allocate_address(const Client& client, const Tags& tags) {
  QueryParams params;
  params.set("Domain", "vpc").tag_specification("elastic-ip", tags);
  HOPPER_ASSIGN(const XmlResponse response,
                client.call("AllocateAddress", params, CallOptions{.idempotent = false}));
  // The answer holds the address fields directly under the root element.
  Address address = decode_address(response.result());
  address.tags = tags;
  return address;
}

util::Status release_address(const Client& client, const std::string& allocation_id) {
  QueryParams params;
  params.set("AllocationId", allocation_id);
  HOPPER_TRY(client.call("ReleaseAddress", params));
  return {};
}

util::Status disassociate_address(const Client& client, const std::string& association_id) {
  QueryParams params;
  params.set("AssociationId", association_id);
  HOPPER_TRY(client.call("DisassociateAddress", params));
  return {};
}

}  // namespace hopper::aws::ec2

#include "aws/ec2/subnets.hpp"

namespace hopper::aws::ec2 {

Subnet decode_subnet(const pugi::xml_node& node) {
  Subnet subnet;
  subnet.id = codec::text(node, "subnetId");
  subnet.vpc_id = codec::text(node, "vpcId");
  subnet.cidr_block = codec::text(node, "cidrBlock");
  subnet.availability_zone = codec::text(node, "availabilityZone");
  subnet.availability_zone_id = codec::text(node, "availabilityZoneId");
  subnet.state = codec::text(node, "state");
  subnet.map_public_ip_on_launch = codec::bool_text(node, "mapPublicIpOnLaunch");
  subnet.available_ip_address_count = static_cast<int>(codec::int_text(node, "availableIpAddressCount"));
  subnet.default_for_az = codec::bool_text(node, "defaultForAz");
  subnet.owner_id = codec::text(node, "ownerId");
  subnet.arn = codec::text(node, "subnetArn");
  subnet.tags = decode_tags(node);
  return subnet;
}

util::Result<std::vector<Subnet>> describe_subnets(const Client& client, const std::vector<Filter>& filters,
                                                   const std::vector<std::string>& ids) {
  QueryParams params;
  params.ec2_list("SubnetId", ids).filters(filters);
  return client.paginate<Subnet>("DescribeSubnets", params, "subnetSet", decode_subnet, ids.empty() ? 1000 : 0);
}

util::Result<Subnet> create_subnet(const Client& client, const CreateSubnetRequest& request) {
  QueryParams params;
  params.set("VpcId", request.vpc_id).set("CidrBlock", request.cidr_block);
  if (!request.availability_zone.empty()) params.set("AvailabilityZone", request.availability_zone);
  params.tag_specification("subnet", request.tags);
  HOPPER_ASSIGN(const XmlResponse response,
                client.call("CreateSubnet", params, CallOptions{.idempotent = false}));
  return decode_subnet(codec::child(response.result(), "subnet"));
}

util::Status delete_subnet(const Client& client, const std::string& subnet_id) {
  QueryParams params;
  params.set("SubnetId", subnet_id);
  HOPPER_TRY(client.call("DeleteSubnet", params));
  return {};
}

util::Status modify_subnet_map_public_ip(const Client& client, const std::string& subnet_id, bool value) {
  QueryParams params;
  // One attribute per call, as EC2 requires: MapPublicIpOnLaunch.Value=true.
  params.set("SubnetId", subnet_id).set("MapPublicIpOnLaunch.Value", value);
  HOPPER_TRY(client.call("ModifySubnetAttribute", params));
  return {};
}

}  // namespace hopper::aws::ec2

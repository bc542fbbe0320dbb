#include "aws/ec2/vpcs.hpp"

namespace hopper::aws::ec2 {

Vpc decode_vpc(const pugi::xml_node& node) {
  Vpc vpc;
  vpc.id = codec::text(node, "vpcId");
  vpc.cidr_block = codec::text(node, "cidrBlock");
  vpc.state = codec::text(node, "state");
  vpc.is_default = codec::bool_text(node, "isDefault");
  vpc.owner_id = codec::text(node, "ownerId");
  vpc.tags = decode_tags(node);
  return vpc;
}

util::Result<std::vector<Vpc>> describe_vpcs(const Client& client, const std::vector<Filter>& filters,
                                             const std::vector<std::string>& ids) {
  QueryParams params;
  params.ec2_list("VpcId", ids).filters(filters);
  return client.paginate<Vpc>("DescribeVpcs", params, "vpcSet", decode_vpc, ids.empty() ? 1000 : 0);
}

util::Result<Vpc> create_vpc(const Client& client, const std::string& cidr_block, const Tags& tags) {
  QueryParams params;
  params.set("CidrBlock", cidr_block).tag_specification("vpc", tags);
  HOPPER_ASSIGN(const XmlResponse response, client.call("CreateVpc", params, CallOptions{.idempotent = false}));
  return decode_vpc(codec::child(response.result(), "vpc"));
}

util::Status delete_vpc(const Client& client, const std::string& vpc_id) {
  QueryParams params;
  params.set("VpcId", vpc_id);
  HOPPER_TRY(client.call("DeleteVpc", params));
  return {};
}

namespace {
const char* attribute_name(VpcAttribute attribute) {
  return attribute == VpcAttribute::enable_dns_support ? "enableDnsSupport" : "enableDnsHostnames";
}
}  // namespace

util::Result<bool> describe_vpc_attribute(const Client& client, const std::string& vpc_id, VpcAttribute attribute) {
  QueryParams params;
  params.set("VpcId", vpc_id).set("Attribute", attribute_name(attribute));
  HOPPER_ASSIGN(const XmlResponse response, client.call("DescribeVpcAttribute", params));
  return codec::bool_text(codec::child(response.result(), attribute_name(attribute)), "value");
}

util::Status modify_vpc_attribute(const Client& client, const std::string& vpc_id, VpcAttribute attribute, bool value) {
  QueryParams params;
  params.set("VpcId", vpc_id);
  // One attribute per call, as EC2 requires: EnableDnsHostnames.Value=true.
  params.set(attribute == VpcAttribute::enable_dns_support ? "EnableDnsSupport.Value" : "EnableDnsHostnames.Value",
             value);
  HOPPER_TRY(client.call("ModifyVpcAttribute", params));
  return {};
}

}  // namespace hopper::aws::ec2

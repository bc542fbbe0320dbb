#include "aws/ec2/network_interfaces.hpp"

namespace hopper::aws::ec2 {

NetworkInterface decode_network_interface(const pugi::xml_node& node) {
  NetworkInterface eni;
  eni.id = codec::text(node, "networkInterfaceId");
  eni.vpc_id = codec::text(node, "vpcId");
  eni.subnet_id = codec::text(node, "subnetId");
  eni.availability_zone = codec::text(node, "availabilityZone");
  eni.status = codec::text(node, "status");
  eni.description = codec::text(node, "description");
  eni.interface_type = codec::text(node, "interfaceType");
  if (const pugi::xml_node attachment = codec::child(node, "attachment"); attachment) {
    eni.attachment = NetworkInterfaceAttachment{
        codec::text(attachment, "attachmentId"), codec::text(attachment, "instanceId"),
        codec::text(attachment, "status"), codec::bool_text(attachment, "deleteOnTermination"),
        static_cast<int>(codec::int_text(attachment, "deviceIndex"))};
  }
  for (const auto& item : codec::items(node, "groupSet")) eni.group_ids.push_back(codec::text(item, "groupId"));
  eni.private_ip_address = codec::text(node, "privateIpAddress");
  eni.requester_managed = codec::bool_text(node, "requesterManaged");
  eni.requester_id = codec::text(node, "requesterId");
  eni.tags = decode_tags(node);
  return eni;
}

util::Result<std::vector<NetworkInterface>> describe_network_interfaces(const Client& client,
                                                                        const std::vector<Filter>& filters,
                                                                        const std::vector<std::string>& ids) {
  QueryParams params;
  params.ec2_list("NetworkInterfaceId", ids).filters(filters);
  return client.paginate<NetworkInterface>("DescribeNetworkInterfaces", params, "networkInterfaceSet",
                                           decode_network_interface, ids.empty() ? 1000 : 0);
}

util::Status delete_network_interface(const Client& client, const std::string& network_interface_id) {
  QueryParams params;
  params.set("NetworkInterfaceId", network_interface_id);
  HOPPER_TRY(client.call("DeleteNetworkInterface", params));
  return {};
}

util::Status detach_network_interface(const Client& client, const std::string& attachment_id, bool force) {
  QueryParams params;
  params.set("AttachmentId", attachment_id);
  if (force) params.set("Force", true);
  HOPPER_TRY(client.call("DetachNetworkInterface", params));
  return {};
}

}  // namespace hopper::aws::ec2

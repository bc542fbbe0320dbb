// EC2 network interfaces (ENIs): describe (all pages), detach, delete. hopper creates none; it
// finds and removes what Kubernetes, load balancers and terminated instances leave in a VPC.
//
// Thread-safety: free functions over a shared Client; safe to call from several threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aws/ec2/client.hpp"

namespace hopper::aws::ec2 {

struct NetworkInterfaceAttachment {
  std::string id;  // eni-attach-…
  std::string instance_id;
  std::string status;  // attaching | attached | detaching | detached
  bool delete_on_termination = false;
  int device_index = 0;
};

struct NetworkInterface {
  std::string id;
  std::string vpc_id;
  std::string subnet_id;
  std::string availability_zone;
  std::string status;  // available | attaching | in-use | detaching | associated
  std::string description;
  std::string interface_type;  // interface | nat_gateway | network_load_balancer | ...
  std::optional<NetworkInterfaceAttachment> attachment;
  std::vector<std::string> group_ids;
  std::string private_ip_address;
  bool requester_managed = false;  // created by an AWS service (ELB, NAT gateway): not ours to delete
  std::string requester_id;        // who created it when requester-managed
  Tags tags;
};

// Every interface matching `filters` (e.g. vpc-id, group-id, status; all pages); `ids` narrows
// to those ids. Errors: InvalidNetworkInterfaceID.NotFound when one of `ids` does not exist.
util::Result<std::vector<NetworkInterface>> describe_network_interfaces(const Client& client,
                                                                        const std::vector<Filter>& filters = {},
                                                                        const std::vector<std::string>& ids = {});
// Deletes `network_interface_id`. InvalidNetworkInterfaceID.NotFound when gone;
// InvalidNetworkInterface.InUse while attached; OperationNotPermitted when requester-managed.
util::Status delete_network_interface(const Client& client, const std::string& network_interface_id);
// Detaches attachment `attachment_id`; `force` detaches even if the instance does not respond.
// Errors: InvalidAttachmentID.NotFound; OperationNotPermitted for a primary interface.
util::Status detach_network_interface(const Client& client, const std::string& attachment_id, bool force);

// Decoder (a networkInterfaceSet <item>), exposed for tests.
NetworkInterface decode_network_interface(const pugi::xml_node& node);

}  // namespace hopper::aws::ec2

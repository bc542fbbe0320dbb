// EC2 instance types: the capacity facts a cluster plan needs (vCPUs, memory, architectures,
// network interface and address limits, which bound the pods a node can host with the VPC CNI).
//
// Thread-safety: free functions over a shared Client; safe from any thread.
#pragma once

#include <string>
#include <vector>

#include "aws/ec2/client.hpp"

namespace hopper::aws::ec2 {

struct InstanceTypeInfo {
  std::string type;  // e.g. t3.medium
  int vcpus = 0;
  long long memory_mib = 0;
  std::vector<std::string> architectures;  // x86_64 | arm64 | i386 | x86_64_mac
  int max_network_interfaces = 0;
  int ipv4_addresses_per_interface = 0;
  bool current_generation = false;
  std::vector<std::string> supported_usage_classes;  // on-demand | spot
};

// The facts of `types` (all of them offered in the region when `types` is empty), all pages,
// optionally narrowed by `filters` (e.g. {"processor-info.supported-architecture", {"arm64"}}).
// Errors: InvalidInstanceType when one of `types` does not exist.
util::Result<std::vector<InstanceTypeInfo>> describe_instance_types(const Client& client,
                                                                    const std::vector<std::string>& types,
                                                                    const std::vector<Filter>& filters = {});

// Decoder of an <instanceTypeSet><item>, exposed for tests.
InstanceTypeInfo decode_instance_type(const pugi::xml_node& node);

}  // namespace hopper::aws::ec2

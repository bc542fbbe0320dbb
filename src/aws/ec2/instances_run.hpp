// EC2 RunInstances: launch instances with everything set in the one call (tags on the instance,
// its volumes and its network interfaces; IMDS options; IAM profile; root volume; user data;
// ClientToken).
//
// Thread-safety: free functions over a shared Client; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aws/ec2/instances.hpp"

namespace hopper::aws::ec2 {

struct RunInstancesRequest {
  std::string image_id;
  std::string instance_type;
  std::string key_name;  // empty: no key pair
  std::string subnet_id;
  std::vector<std::string> security_group_ids;
  std::optional<std::string> private_ip_address;  // a fixed address inside the subnet
  // true: the primary interface is described as NetworkInterface.1 (DeviceIndex 0, SubnetId,
  // SecurityGroupId.N, AssociatePublicIpAddress=true, PrivateIpAddress, DeleteOnTermination=true),
  // the only way to ask for a public address in a subnet that does not map one by default.
  // false: plain SubnetId / SecurityGroupId.N / PrivateIpAddress.
  bool associate_public_ip = false;
  std::optional<std::string> iam_instance_profile_name;
  std::string user_data;     // raw text (cloud-config, script); base64-encoded here. At most 16 KiB raw.
  std::string client_token;  // idempotency key (≤ 64 ASCII); empty: none sent
  Tags tags;                 // TagSpecification for instance, volume and network-interface
  std::optional<MetadataOptions> metadata_options;
  std::optional<BlockDevice> root_volume;
  int count = 1;  // MinCount = MaxCount = count
  bool dry_run = false;
};

// Launches `request.count` instances; returns them as RunInstances describes them (state
// pending, addresses possibly not yet assigned). Errors: DryRunOperation when `dry_run` and the
// call would have succeeded; InvalidParameterValue for an IAM profile not yet visible to EC2
// (retry for up to ~2 minutes after creating it); InsufficientInstanceCapacity;
// InstanceLimitExceeded / VcpuLimitExceeded; IdempotentParameterMismatch for a reused token with
// other parameters. AWS answers a repeated `client_token` with the original instances; moto
// launches again, so resumable callers look instances up by tag first.
util::Result<std::vector<Instance>> run_instances(const Client& client, const RunInstancesRequest& request);

// The request parameters of `request`, exposed for tests.
QueryParams encode_run_instances(const RunInstancesRequest& request);

}  // namespace hopper::aws::ec2

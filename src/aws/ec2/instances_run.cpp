#include "aws/ec2/instances_run.hpp"

#include "codec/base64.hpp"

namespace hopper::aws::ec2 {

QueryParams encode_run_instances(const RunInstancesRequest& request) {
  QueryParams params;
  params.set("ImageId", request.image_id)
      .set("InstanceType", request.instance_type)
      .set("MinCount", request.count)
      .set("MaxCount", request.count);
  if (!request.key_name.empty()) params.set("KeyName", request.key_name);
  if (request.associate_public_ip) {
    // The wire name of NetworkInterfaces[].Groups is SecurityGroupId (its locationName).
    params.set("NetworkInterface.1.DeviceIndex", 0);
    if (!request.subnet_id.empty()) params.set("NetworkInterface.1.SubnetId", request.subnet_id);
    params.ec2_list("NetworkInterface.1.SecurityGroupId", request.security_group_ids);
    params.set("NetworkInterface.1.AssociatePublicIpAddress", true);
    params.set_if("NetworkInterface.1.PrivateIpAddress", request.private_ip_address);
    params.set("NetworkInterface.1.DeleteOnTermination", true);
  } else {
    if (!request.subnet_id.empty()) params.set("SubnetId", request.subnet_id);
    params.ec2_list("SecurityGroupId", request.security_group_ids);
    params.set_if("PrivateIpAddress", request.private_ip_address);
  }
  if (request.iam_instance_profile_name) params.set("IamInstanceProfile.Name", *request.iam_instance_profile_name);
  if (!request.user_data.empty()) params.set("UserData", codec::base64_encode(request.user_data));
  if (!request.client_token.empty()) params.set("ClientToken", request.client_token);
  if (request.metadata_options) encode_metadata_options(params, "MetadataOptions.", *request.metadata_options);
  if (request.root_volume) encode_block_device(params, "BlockDeviceMapping.1.", *request.root_volume);
  params.tag_specification("instance", request.tags)
      .tag_specification("volume", request.tags)
      .tag_specification("network-interface", request.tags);
  if (request.dry_run) params.set("DryRun", true);
  return params;
}

util::Result<std::vector<Instance>> run_instances(const Client& client, const RunInstancesRequest& request) {
  HOPPER_ASSIGN(const XmlResponse response, client.call("RunInstances", encode_run_instances(request)));
  // RunInstances answers one reservation, with its instancesSet directly under the root.
  return decode_reservation(response.result());
}

}  // namespace hopper::aws::ec2

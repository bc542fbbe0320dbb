#include "aws/ec2/instances.hpp"

#include <algorithm>

#include "codec/base64.hpp"

namespace hopper::aws::ec2 {

namespace {

InstanceState decode_state(const pugi::xml_node& node) {
  return InstanceState{static_cast<int>(codec::int_text(node, "code")), codec::text(node, "name")};
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

util::Result<std::vector<InstanceStateChange>> change_state(const Client& client, const std::string& action,
                                                            const std::vector<std::string>& ids) {
  QueryParams params;
  params.ec2_list("InstanceId", ids);
  HOPPER_ASSIGN(const XmlResponse response, client.call(action, params));
  std::vector<InstanceStateChange> out;
  for (const auto& item : codec::items(response.result(), "instancesSet")) {
    out.push_back(decode_instance_state_change(item));
  }
  return out;
}

}  // namespace

std::string decode_base64_or_keep(const std::string& text) {
  if (text.empty()) return {};
  auto bytes = codec::base64_decode(text);
  return bytes ? *bytes : text;
}

void encode_metadata_options(QueryParams& params, const std::string& prefix, const MetadataOptions& options) {
  if (!options.http_tokens.empty()) params.set(prefix + "HttpTokens", options.http_tokens);
  if (options.http_put_response_hop_limit > 0) {
    params.set(prefix + "HttpPutResponseHopLimit", options.http_put_response_hop_limit);
  }
  if (!options.http_endpoint.empty()) params.set(prefix + "HttpEndpoint", options.http_endpoint);
}

void encode_block_device(QueryParams& params, const std::string& prefix, const BlockDevice& device) {
  params.set(prefix + "DeviceName", device.device_name);
  if (device.volume_size_gib > 0) params.set(prefix + "Ebs.VolumeSize", device.volume_size_gib);
  if (!device.volume_type.empty()) params.set(prefix + "Ebs.VolumeType", device.volume_type);
  if (device.encrypted) params.set(prefix + "Ebs.Encrypted", true);
  params.set(prefix + "Ebs.DeleteOnTermination", device.delete_on_termination);
}

MetadataOptions decode_metadata_options(const pugi::xml_node& node) {
  MetadataOptions options;
  options.http_tokens = codec::text(node, "httpTokens");
  options.http_put_response_hop_limit = static_cast<int>(codec::int_text(node, "httpPutResponseHopLimit"));
  options.http_endpoint = codec::text(node, "httpEndpoint");
  return options;
}

BlockDevice decode_block_device(const pugi::xml_node& node) {
  const auto ebs = codec::child(node, "ebs");
  BlockDevice device;
  device.device_name = codec::text(node, "deviceName");
  device.volume_size_gib = static_cast<int>(codec::int_text(ebs, "volumeSize"));
  device.volume_type = codec::text(ebs, "volumeType");
  device.encrypted = codec::bool_text(ebs, "encrypted");
  device.delete_on_termination = codec::bool_text(ebs, "deleteOnTermination");
  return device;
}

Instance decode_instance(const pugi::xml_node& node) {
  Instance instance;
  instance.id = codec::text(node, "instanceId");
  instance.image_id = codec::text(node, "imageId");
  instance.instance_type = codec::text(node, "instanceType");
  instance.state = decode_state(codec::child(node, "instanceState"));
  const auto reason = codec::child(node, "stateReason");
  instance.state_reason = codec::text(reason, "message");
  if (instance.state_reason.empty()) instance.state_reason = codec::text(reason, "code");
  instance.state_transition_reason = codec::text(node, "reason");
  instance.private_ip_address = codec::text(node, "privateIpAddress");
  instance.public_ip_address = codec::text(node, "ipAddress");
  instance.private_dns_name = codec::text(node, "privateDnsName");
  instance.public_dns_name = codec::text(node, "dnsName");
  instance.subnet_id = codec::text(node, "subnetId");
  instance.vpc_id = codec::text(node, "vpcId");
  instance.availability_zone = codec::text(codec::child(node, "placement"), "availabilityZone");
  instance.key_name = codec::text(node, "keyName");
  instance.architecture = codec::text(node, "architecture");
  instance.platform = codec::text(node, "platform");
  instance.root_device_name = codec::text(node, "rootDeviceName");
  for (const auto& group : codec::items(node, "groupSet")) add_unique(instance.security_group_ids, codec::text(group, "groupId"));
  const bool groups_listed = !instance.security_group_ids.empty();
  for (const auto& eni : codec::items(node, "networkInterfaceSet")) {
    add_unique(instance.network_interface_ids, codec::text(eni, "networkInterfaceId"));
    // moto: an instance launched with NetworkInterface.N has an empty groupSet of its own.
    if (!groups_listed) {
      for (const auto& group : codec::items(eni, "groupSet")) {
        add_unique(instance.security_group_ids, codec::text(group, "groupId"));
      }
    }
  }
  for (const auto& mapping : codec::items(node, "blockDeviceMapping")) {
    const auto ebs = codec::child(mapping, "ebs");
    instance.volumes.push_back(InstanceVolume{codec::text(mapping, "deviceName"), codec::text(ebs, "volumeId"),
                                              codec::bool_text(ebs, "deleteOnTermination")});
  }
  instance.iam_instance_profile_arn = codec::text(codec::child(node, "iamInstanceProfile"), "arn");
  instance.launch_time = codec::text(node, "launchTime");
  instance.client_token = codec::text(node, "clientToken");
  instance.metadata_options = decode_metadata_options(codec::child(node, "metadataOptions"));
  instance.source_dest_check = codec::bool_text(node, "sourceDestCheck", true);
  instance.tags = decode_tags(node);
  return instance;
}

std::vector<Instance> decode_reservation(const pugi::xml_node& node) {
  std::vector<Instance> out;
  for (const auto& item : codec::items(node, "instancesSet")) out.push_back(decode_instance(item));
  return out;
}

InstanceStateChange decode_instance_state_change(const pugi::xml_node& node) {
  return InstanceStateChange{codec::text(node, "instanceId"), decode_state(codec::child(node, "previousState")),
                             decode_state(codec::child(node, "currentState"))};
}

util::Result<std::vector<Instance>> describe_instances(const Client& client, const std::vector<Filter>& filters,
                                                       const std::vector<std::string>& ids) {
  QueryParams params;
  params.ec2_list("InstanceId", ids).filters(filters);
  HOPPER_ASSIGN(const auto reservations,
                client.paginate<std::vector<Instance>>("DescribeInstances", params, "reservationSet",
                                                       decode_reservation, ids.empty() ? 1000 : 0));
  std::vector<Instance> out;
  for (const auto& reservation : reservations) out.insert(out.end(), reservation.begin(), reservation.end());
  return out;
}

util::Result<std::vector<InstanceStateChange>> terminate_instances(const Client& client,
                                                                   const std::vector<std::string>& ids) {
  return change_state(client, "TerminateInstances", ids);
}

util::Result<std::vector<InstanceStateChange>> stop_instances(const Client& client, const std::vector<std::string>& ids) {
  return change_state(client, "StopInstances", ids);
}

util::Result<std::vector<InstanceStateChange>> start_instances(const Client& client, const std::vector<std::string>& ids) {
  return change_state(client, "StartInstances", ids);
}

util::Result<std::string> get_console_output(const Client& client, const std::string& instance_id, bool latest) {
  QueryParams params;
  params.set("InstanceId", instance_id);
  if (latest) params.set("Latest", true);
  HOPPER_ASSIGN(const XmlResponse response, client.call("GetConsoleOutput", params));
  return decode_base64_or_keep(codec::text(response.result(), "output"));
}

util::Result<std::string> describe_instance_user_data(const Client& client, const std::string& instance_id) {
  QueryParams params;
  params.set("InstanceId", instance_id).set("Attribute", "userData");
  HOPPER_ASSIGN(const XmlResponse response, client.call("DescribeInstanceAttribute", params));
  return decode_base64_or_keep(codec::text(codec::child(response.result(), "userData"), "value"));
}

util::Status modify_source_dest_check(const Client& client, const std::string& instance_id, bool enabled) {
  QueryParams params;
  params.set("InstanceId", instance_id).set("SourceDestCheck.Value", enabled);
  HOPPER_TRY(client.call("ModifyInstanceAttribute", params));
  return {};
}

}  // namespace hopper::aws::ec2

// EC2 instances: the Instance record and its parts, describe (paginated, flattened), the state
// changes (terminate, stop, start), console output and user data. Launching is in
// instances_run.hpp.
//
// Thread-safety: free functions over a shared Client; safe from any thread.
#pragma once

#include <string>
#include <vector>

#include "aws/ec2/client.hpp"

namespace hopper::aws::ec2 {

struct InstanceState {
  int code = 0;      // 0 pending, 16 running, 32 shutting-down, 48 terminated, 64 stopping, 80 stopped
  std::string name;  // pending | running | shutting-down | terminated | stopping | stopped
};

// The instance metadata service (IMDS) settings. In requests an empty string or a zero hop
// limit is not sent (AWS keeps its default).
struct MetadataOptions {
  std::string http_tokens;              // required (IMDSv2 only) | optional
  int http_put_response_hop_limit = 0;  // 1..64; 2 lets containers reach IMDSv2
  std::string http_endpoint;            // enabled | disabled

  bool operator==(const MetadataOptions&) const = default;
};

// The root EBS volume of a launch. In requests a zero size or empty type is not sent (the
// image's value holds); `encrypted` is sent only when true (false cannot remove encryption
// that the account or the snapshot imposes, and AWS may reject it).
struct BlockDevice {
  std::string device_name;  // must be the image's root_device_name to resize the root volume
  int volume_size_gib = 0;
  std::string volume_type;  // gp3 | gp2 | io1 | io2 | st1 | sc1 | standard
  bool encrypted = false;
  bool delete_on_termination = true;

  bool operator==(const BlockDevice&) const = default;
};

// A volume attached to an instance, as the instance lists it.
struct InstanceVolume {
  std::string device_name;
  std::string volume_id;
  bool delete_on_termination = false;
};

struct Instance {
  std::string id;  // i-...
  std::string image_id;
  std::string instance_type;
  InstanceState state;
  std::string state_reason;             // stateReason message (code when no message); empty when none
  std::string state_transition_reason;  // <reason>, e.g. "User initiated (2025-01-01 10:00:00 GMT)"
  std::string private_ip_address;
  std::string public_ip_address;  // empty without one
  std::string private_dns_name;
  std::string public_dns_name;
  std::string subnet_id;
  std::string vpc_id;
  std::string availability_zone;
  std::string key_name;
  std::string architecture;
  std::string platform;  // "windows" or empty
  std::string root_device_name;
  // From groupSet, or, when that is empty, the union of networkInterfaceSet[].groupSet: moto lists
  // the groups of an instance launched with NetworkInterface.N only there.
  std::vector<std::string> security_group_ids;
  std::vector<std::string> network_interface_ids;
  std::vector<InstanceVolume> volumes;
  std::string iam_instance_profile_arn;  // empty without a profile
  std::string launch_time;               // ISO 8601
  std::string client_token;              // the RunInstances ClientToken, empty if none was given
  bool source_dest_check = true;         // false for instances that route others' traffic (NAT)
  MetadataOptions metadata_options;
  Tags tags;
};

// Every instance matching `filters` (all pages, reservations flattened, in AWS's order); `ids`
// narrows to those ids (InstanceId.N; MaxResults is then not sent: DescribeInstances rejects
// the two together). Terminated instances stay listed for about an hour.
// Errors: InvalidInstanceID.NotFound / InvalidInstanceID.Malformed for bad `ids` (right after
// RunInstances that may only mean "not visible yet").
util::Result<std::vector<Instance>> describe_instances(const Client& client, const std::vector<Filter>& filters = {},
                                                       const std::vector<std::string>& ids = {});

struct InstanceStateChange {
  std::string instance_id;
  InstanceState previous_state;
  InstanceState current_state;
};

// Terminates `ids` (idempotent: a terminated instance answers again with state terminated).
// REQUIRES: `ids` not empty.
util::Result<std::vector<InstanceStateChange>> terminate_instances(const Client& client,
                                                                   const std::vector<std::string>& ids);
// Stops `ids` (EBS-backed instances only). REQUIRES: `ids` not empty.
util::Result<std::vector<InstanceStateChange>> stop_instances(const Client& client, const std::vector<std::string>& ids);
// Starts stopped `ids`. Errors: IncorrectInstanceState unless stopped. REQUIRES: `ids` not empty.
util::Result<std::vector<InstanceStateChange>> start_instances(const Client& client, const std::vector<std::string>& ids);

// The console output of `instance_id`, decoded from the base64 AWS sends; empty when there is
// none yet (AWS keeps the last 64 KiB, and only after the instance has booted a while).
// `latest` asks for the most recent output (Nitro instances only).
util::Result<std::string> get_console_output(const Client& client, const std::string& instance_id, bool latest);
// Turns the source/destination check of `instance_id` on or off (off for a NAT instance, which
// forwards packets that are neither from nor to it). ModifyInstanceAttribute.
util::Status modify_source_dest_check(const Client& client, const std::string& instance_id, bool enabled);

// The user data of `instance_id` (DescribeInstanceAttribute userData), decoded from base64;
// empty when it has none.
util::Result<std::string> describe_instance_user_data(const Client& client, const std::string& instance_id);

// Decoders, exposed for tests: one <instancesSet><item>; every instance of one
// <reservationSet><item>; one <instancesSet><item> of a state-change answer.
Instance decode_instance(const pugi::xml_node& node);
std::vector<Instance> decode_reservation(const pugi::xml_node& node);
InstanceStateChange decode_instance_state_change(const pugi::xml_node& node);
// Base64 text from AWS to bytes; `text` unchanged when it is not base64.
std::string decode_base64_or_keep(const std::string& text);

// Encoders and decoders of the launch parts that RunInstances and launch templates share, with
// the wire prefix of each (e.g. "MetadataOptions.", "LaunchTemplateData.BlockDeviceMapping.1.").
void encode_metadata_options(QueryParams& params, const std::string& prefix, const MetadataOptions& options);
void encode_block_device(QueryParams& params, const std::string& prefix, const BlockDevice& device);
// From a <metadataOptions> element.
MetadataOptions decode_metadata_options(const pugi::xml_node& node);
// From a block device mapping <item> (deviceName, ebs/...).
BlockDevice decode_block_device(const pugi::xml_node& node);

}  // namespace hopper::aws::ec2

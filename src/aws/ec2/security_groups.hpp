// EC2 security groups and their rules: describe (all pages), create (tagged in the call),
// delete, and authorize/revoke of ingress and egress permissions (CIDR and source-group).
//
// Rules are IpPermission values. AWS answers them normalised and merged (rules with the same
// protocol and ports come back as one permission holding every source), so:
//  - decode_ip_permission() normalises the protocol ("6" → "tcp", "all" → "-1") and clears the
//    ports of protocols that have none ("-1", "4", ...: AWS omits them);
//  - operator== compares two permissions with that normalisation, sources in any order;
//  - canonical_permissions() splits permissions into one source each, sorted and deduplicated,
//    so that a desired rule set and the set AWS answers can be compared as vectors.
//
// Thread-safety: free functions over a shared Client; pure helpers; safe from several threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "aws/ec2/client.hpp"

namespace hopper::aws::ec2 {

struct SecurityGroupRef {
  std::string group_id;
  std::string description;
  bool operator==(const SecurityGroupRef&) const = default;
};

// An IPv4 ("10.0.0.0/16") or IPv6 ("::/0") source or destination range.
struct CidrRange {
  std::string cidr;
  std::string description;
  bool operator==(const CidrRange&) const = default;
};

struct IpPermission {
  std::string protocol;  // "tcp", "udp", "icmp", "icmpv6", "-1" (all), or an IP protocol number ("4")
  int from_port = -1;    // tcp/udp: first port; icmp: type (-1: all); ignored for other protocols
  int to_port = -1;      // tcp/udp: last port; icmp: code (-1: all)
  std::vector<CidrRange> cidrs;
  std::vector<SecurityGroupRef> groups;
};

// Same normalised protocol, same ports where the protocol has ports, same sources in any order.
bool operator==(const IpPermission& a, const IpPermission& b);

struct SecurityGroup {
  std::string id;
  std::string name;
  std::string description;
  std::string vpc_id;
  std::string owner_id;
  std::vector<IpPermission> ingress;
  std::vector<IpPermission> egress;
  Tags tags;
};

struct CreateSecurityGroupRequest {
  std::string name;         // unique in the VPC
  std::string description;  // immutable after creation
  std::string vpc_id;
  Tags tags;
};

// Every security group matching `filters` (all pages); `ids` narrows to those ids (GroupId.N).
// Errors: InvalidGroup.NotFound when one of `ids` does not exist.
util::Result<std::vector<SecurityGroup>> describe_security_groups(const Client& client,
                                                                  const std::vector<Filter>& filters = {},
                                                                  const std::vector<std::string>& ids = {});
// Creates a group in `request.vpc_id` with the tags set in the same call; returns its id. A new
// group has AWS's default egress rule (all protocols to 0.0.0.0/0) and no ingress.
// Not retried after an ambiguous failure (no ClientToken): look it up by name first.
// Errors: InvalidGroup.Duplicate when the name is taken in the VPC (is_already_exists).
util::Result<std::string> create_security_group(const Client& client, const CreateSecurityGroupRequest& request);
// Deletes `group_id`. DependencyViolation while an ENI uses it or another group's rule refers
// to it; InvalidGroup.NotFound when it is gone.
util::Status delete_security_group(const Client& client, const std::string& group_id);

// Adds `permissions` to `group_id`'s ingress (egress) rules, all in one call.
// Errors: InvalidPermission.Duplicate (is_already_exists) when one of them exists already (then
// none is added); InvalidGroup.NotFound for an unknown referenced group.
util::Status authorize_ingress(const Client& client, const std::string& group_id,
                               const std::vector<IpPermission>& permissions);
util::Status authorize_egress(const Client& client, const std::string& group_id,
                              const std::vector<IpPermission>& permissions);
// Removes `permissions` from `group_id`'s ingress (egress) rules. A rule that does not exist
// gives InvalidPermission.NotFound, or success with the rule listed in unknownIpPermissionSet
// (AWS does either, depending on the group); that list is ignored: the rule is absent either way.
util::Status revoke_ingress(const Client& client, const std::string& group_id,
                            const std::vector<IpPermission>& permissions);
util::Status revoke_egress(const Client& client, const std::string& group_id,
                           const std::vector<IpPermission>& permissions);

// "tcp" for "tcp"/"TCP"/"6", "udp" for "17", "icmp" for "1", "icmpv6" for "58", "-1" for
// "-1"/"all"; other values lower-cased and unchanged.
std::string normalize_protocol(std::string_view protocol);
// True for the protocols whose rules carry ports (tcp, udp, icmp, icmpv6), after normalising.
bool protocol_has_ports(std::string_view protocol);
// One permission per source (cidr or group), protocols and ports normalised, sorted, without
// duplicates. A permission with no source is kept as one entry.
std::vector<IpPermission> canonical_permissions(const std::vector<IpPermission>& permissions);

// Encodes `permissions` as IpPermissions.N.* (exposed for tests and for callers of other
// actions that take the same list).
void add_ip_permissions(QueryParams& params, const std::vector<IpPermission>& permissions);

// Decoders (a securityGroupInfo <item>, an ipPermissions <item>), exposed for tests.
SecurityGroup decode_security_group(const pugi::xml_node& node);
IpPermission decode_ip_permission(const pugi::xml_node& node);

}  // namespace hopper::aws::ec2

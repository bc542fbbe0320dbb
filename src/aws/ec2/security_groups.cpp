#include "aws/ec2/security_groups.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace hopper::aws::ec2 {

std::string normalize_protocol(std::string_view protocol) {
  std::string lower(protocol);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // AWS accepts names and numbers and answers names for these (and -1 for all).
  if (lower == "6") return "tcp";
  if (lower == "17") return "udp";
  if (lower == "1") return "icmp";
  if (lower == "58") return "icmpv6";
  if (lower == "all") return "-1";
  return lower;
}

bool protocol_has_ports(std::string_view protocol) {
  const std::string p = normalize_protocol(protocol);
  return p == "tcp" || p == "udp" || p == "icmp" || p == "icmpv6";
}

namespace {

// The permission with its protocol normalised and meaningless ports cleared.
IpPermission normalized(IpPermission permission) {
  permission.protocol = normalize_protocol(permission.protocol);
  if (!protocol_has_ports(permission.protocol)) permission.from_port = permission.to_port = -1;
  return permission;
}

template <class T, class Key>
bool same_elements(std::vector<T> a, std::vector<T> b, Key key) {
  if (a.size() != b.size()) return false;
  const auto less = [&](const T& x, const T& y) { return key(x) < key(y); };
  std::sort(a.begin(), a.end(), less);
  std::sort(b.begin(), b.end(), less);
  return a == b;
}

auto cidr_key(const CidrRange& r) { return std::tie(r.cidr, r.description); }
auto group_key(const SecurityGroupRef& g) { return std::tie(g.group_id, g.description); }

// Sort key of a single-source permission (canonical form).
auto permission_key(const IpPermission& p) {
  static const CidrRange no_cidr;
  static const SecurityGroupRef no_group;
  const CidrRange& cidr = p.cidrs.empty() ? no_cidr : p.cidrs.front();
  const SecurityGroupRef& group = p.groups.empty() ? no_group : p.groups.front();
  return std::tie(p.protocol, p.from_port, p.to_port, cidr.cidr, cidr.description, group.group_id,
                  group.description);
}

}  // namespace

bool operator==(const IpPermission& a, const IpPermission& b) {
  const IpPermission x = normalized(a);
  const IpPermission y = normalized(b);
  return x.protocol == y.protocol && x.from_port == y.from_port && x.to_port == y.to_port &&
         same_elements(x.cidrs, y.cidrs, cidr_key) && same_elements(x.groups, y.groups, group_key);
}

std::vector<IpPermission> canonical_permissions(const std::vector<IpPermission>& permissions) {
  std::vector<IpPermission> out;
  for (const auto& permission : permissions) {
    IpPermission base = normalized(permission);
    base.cidrs.clear();
    base.groups.clear();
    if (permission.cidrs.empty() && permission.groups.empty()) out.push_back(base);
    for (const auto& cidr : permission.cidrs) {
      IpPermission one = base;
      one.cidrs.push_back(cidr);
      out.push_back(std::move(one));
    }
    for (const auto& group : permission.groups) {
      IpPermission one = base;
      one.groups.push_back(group);
      out.push_back(std::move(one));
    }
  }
  std::sort(out.begin(), out.end(),
            [](const IpPermission& a, const IpPermission& b) { return permission_key(a) < permission_key(b); });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const IpPermission& a, const IpPermission& b) {
                          return permission_key(a) == permission_key(b);
                        }),
            out.end());
  return out;
}

void add_ip_permissions(QueryParams& params, const std::vector<IpPermission>& permissions) {
  int n = 0;
  for (const auto& permission : permissions) {
    const std::string prefix = "IpPermissions." + std::to_string(++n) + ".";
    const std::string protocol = normalize_protocol(permission.protocol);
    params.set(prefix + "IpProtocol", protocol);
    // AWS ignores ports for protocols without them and answers none: send none.
    if (protocol_has_ports(protocol)) {
      params.set(prefix + "FromPort", permission.from_port).set(prefix + "ToPort", permission.to_port);
    }
    int v4 = 0;
    int v6 = 0;
    for (const auto& range : permission.cidrs) {
      const bool ipv6 = range.cidr.find(':') != std::string::npos;
      const std::string item = prefix + (ipv6 ? "Ipv6Ranges." + std::to_string(++v6) + ".CidrIpv6"
                                              : "IpRanges." + std::to_string(++v4) + ".CidrIp");
      params.set(item, range.cidr);
      if (!range.description.empty()) {
        params.set(item.substr(0, item.rfind('.')) + ".Description", range.description);
      }
    }
    int g = 0;
    for (const auto& group : permission.groups) {
      // The model's member UserIdGroupPairs has the wire name Groups.
      const std::string item = prefix + "Groups." + std::to_string(++g) + ".";
      params.set(item + "GroupId", group.group_id);
      if (!group.description.empty()) params.set(item + "Description", group.description);
    }
  }
}

IpPermission decode_ip_permission(const pugi::xml_node& node) {
  IpPermission permission;
  permission.protocol = codec::text(node, "ipProtocol");
  permission.from_port = static_cast<int>(codec::int_text(node, "fromPort", -1));
  permission.to_port = static_cast<int>(codec::int_text(node, "toPort", -1));
  for (const auto& item : codec::items(node, "ipRanges")) {
    permission.cidrs.push_back({codec::text(item, "cidrIp"), codec::text(item, "description")});
  }
  for (const auto& item : codec::items(node, "ipv6Ranges")) {
    permission.cidrs.push_back({codec::text(item, "cidrIpv6"), codec::text(item, "description")});
  }
  for (const auto& item : codec::items(node, "groups")) {
    permission.groups.push_back({codec::text(item, "groupId"), codec::text(item, "description")});
  }
  return normalized(std::move(permission));
}

SecurityGroup decode_security_group(const pugi::xml_node& node) {
  SecurityGroup group;
  group.id = codec::text(node, "groupId");
  group.name = codec::text(node, "groupName");
  group.description = codec::text(node, "groupDescription");
  group.vpc_id = codec::text(node, "vpcId");
  group.owner_id = codec::text(node, "ownerId");
  for (const auto& item : codec::items(node, "ipPermissions")) group.ingress.push_back(decode_ip_permission(item));
  for (const auto& item : codec::items(node, "ipPermissionsEgress")) {
    group.egress.push_back(decode_ip_permission(item));
  }
  group.tags = decode_tags(node);
  return group;
}

util::Result<std::vector<SecurityGroup>> describe_security_groups(const Client& client,
                                                                  const std::vector<Filter>& filters,
                                                                  const std::vector<std::string>& ids) {
  QueryParams params;
  params.ec2_list("GroupId", ids).filters(filters);
  return client.paginate<SecurityGroup>("DescribeSecurityGroups", params, "securityGroupInfo",
                                        decode_security_group, ids.empty() ? 1000 : 0);
}

util::Result<std::string> create_security_group(const Client& client, const CreateSecurityGroupRequest& request) {
  QueryParams params;
  // The model's member Description has the wire name GroupDescription.
  params.set("GroupName", request.name).set("GroupDescription", request.description);
  if (!request.vpc_id.empty()) params.set("VpcId", request.vpc_id);
  params.tag_specification("security-group", request.tags);
  HOPPER_ASSIGN(const XmlResponse response,
                client.call("CreateSecurityGroup", params, CallOptions{.idempotent = false}));
  return codec::text(response.result(), "groupId");
}

util::Status delete_security_group(const Client& client, const std::string& group_id) {
  QueryParams params;
  params.set("GroupId", group_id);
  HOPPER_TRY(client.call("DeleteSecurityGroup", params));
  return {};
}

namespace {
util::Status rules_call(const Client& client, const std::string& action, const std::string& group_id,
                        const std::vector<IpPermission>& permissions) {
  QueryParams params;
  params.set("GroupId", group_id);
  add_ip_permissions(params, permissions);
  HOPPER_TRY(client.call(action, params));
  return {};
}
}  // namespace

util::Status authorize_ingress(const Client& client, const std::string& group_id,
                               const std::vector<IpPermission>& permissions) {
  return rules_call(client, "AuthorizeSecurityGroupIngress", group_id, permissions);
}

util::Status authorize_egress(const Client& client, const std::string& group_id,
                              const std::vector<IpPermission>& permissions) {
  return rules_call(client, "AuthorizeSecurityGroupEgress", group_id, permissions);
}

util::Status revoke_ingress(const Client& client, const std::string& group_id,
                            const std::vector<IpPermission>& permissions) {
  return rules_call(client, "RevokeSecurityGroupIngress", group_id, permissions);
}

util::Status revoke_egress(const Client& client, const std::string& group_id,
                           const std::vector<IpPermission>& permissions) {
  return rules_call(client, "RevokeSecurityGroupEgress", group_id, permissions);
}

}  // namespace hopper::aws::ec2

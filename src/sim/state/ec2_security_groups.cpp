// Security groups and their rules. Rules are kept as atoms (one protocol/port range and one
// source each) and grouped back into AWS's IpPermissions when described.
#include <algorithm>
#include <map>
#include <tuple>

#include "sim/state/ec2_network.hpp"
#include "sim/state/families.hpp"
#include "util/cidr.hpp"

namespace hopper::sim {
namespace {

std::string group_missing(const std::string& id) { return "The security group '" + id + "' does not exist"; }

Json& need_group(Call& call, const std::string& id) {
  return need(call, col::security_groups, id, "InvalidGroup.NotFound", group_missing(id));
}

std::string normalize_protocol(std::string protocol) {
  std::transform(protocol.begin(), protocol.end(), protocol.begin(), [](unsigned char c) { return std::tolower(c); });
  if (protocol == "6") return "tcp";
  if (protocol == "17") return "udp";
  if (protocol == "1") return "icmp";
  if (protocol == "all") return "-1";
  return protocol;
}

bool has_ports(const std::string& protocol) { return protocol == "tcp" || protocol == "udp" || protocol == "icmp"; }

// The rule atoms of IpPermissions.N (and of the legacy top-level IpProtocol/CidrIp form).
Json parse_atoms(Call& call, const std::string& vpc_id) {
  Json atoms = Json::array();
  const auto add = [&](const Params& p, const std::string& protocol_in) {
    const std::string protocol = normalize_protocol(protocol_in);
    if (protocol != "tcp" && protocol != "udp" && protocol != "icmp" && protocol != "icmpv6" && protocol != "-1") {
      bool numeric = !protocol.empty() && std::all_of(protocol.begin(), protocol.end(), ::isdigit);
      if (!numeric) call.invalid("Invalid value '" + protocol_in + "' for IP protocol. Unknown protocol.");
    }
    long long from = -1;
    long long to = -1;
    if (has_ports(protocol)) {
      const auto f = p.get("FromPort");
      const auto t = p.get("ToPort");
      if (!f || !t) fail("InvalidParameterValue", "Invalid value for portRange. Must specify both from and to ports with TCP/UDP.");
      from = std::stoll(*f);
      to = std::stoll(*t);
      if (protocol != "icmp" && (from < 0 || to > 65535 || from > to)) {
        fail("InvalidParameterValue", "Invalid value for portRange. Must specify both from and to ports with TCP/UDP.");
      }
    }
    Json base = {{"proto", protocol}, {"from", from}, {"to", to}};
    std::size_t sources = 0;
    for (int n : p.indexes("IpRanges")) {
      const Params range = p.sub("IpRanges." + std::to_string(n));
      const std::string cidr = range.get("CidrIp").value_or("");
      const auto parsed = util::Cidr::parse(cidr);
      if (!parsed) fail("InvalidParameterValue", "CIDR block " + cidr + " is malformed");
      Json atom = base;
      atom["cidr"] = parsed->str();
      if (auto d = range.get("Description")) atom["description"] = *d;
      atoms.push_back(atom);
      ++sources;
    }
    for (int n : p.indexes("Ipv6Ranges")) {
      const Params range = p.sub("Ipv6Ranges." + std::to_string(n));
      Json atom = base;
      atom["cidr6"] = range.get("CidrIpv6").value_or("");
      if (auto d = range.get("Description")) atom["description"] = *d;
      atoms.push_back(atom);
      ++sources;
    }
    for (int n : p.indexes("Groups")) {
      const Params pair = p.sub("Groups." + std::to_string(n));
      std::string group_id = pair.get("GroupId").value_or("");
      if (group_id.empty()) {
        const std::string name = pair.get("GroupName").value_or("");
        for (auto& [gid, group] : collection(call.rs(), col::security_groups).items()) {
          if (group.value("groupName", "") == name && group.value("vpcId", "") == vpc_id) group_id = gid;
        }
        if (group_id.empty()) fail("InvalidGroup.NotFound", "The security group '" + name + "' does not exist in VPC '" + vpc_id + "'");
      }
      need_group(call, group_id);
      Json atom = base;
      atom["group"] = group_id;
      if (auto d = pair.get("Description")) atom["description"] = *d;
      atoms.push_back(atom);
      ++sources;
    }
    if (sources == 0) fail("MissingParameter", "The request must contain the parameter ipPermissions source (CIDR or group)");
  };
  for (int n : call.params.indexes("IpPermissions")) {
    const Params p = call.params.sub("IpPermissions." + std::to_string(n));
    add(p, p.get("IpProtocol").value_or(""));
  }
  if (auto protocol = call.opt("IpProtocol")) {
    // The legacy form: IpProtocol, FromPort, ToPort with CidrIp or SourceSecurityGroupName.
    std::vector<std::pair<std::string, std::string>> entries = {{"FromPort", call.get("FromPort")},
                                                                {"ToPort", call.get("ToPort")}};
    if (auto cidr = call.opt("CidrIp")) entries.push_back({"IpRanges.1.CidrIp", *cidr});
    if (auto name = call.opt("SourceSecurityGroupName")) entries.push_back({"Groups.1.GroupName", *name});
    if (auto id = call.opt("SourceSecurityGroupId")) entries.push_back({"Groups.1.GroupId", *id});
    add(Params(entries), *protocol);
  }
  if (atoms.empty()) call.missing("IpPermissions");
  return atoms;
}

bool same_atom(const Json& a, const Json& b) {
  return a.value("proto", "") == b.value("proto", "") && a.value("from", -1LL) == b.value("from", -1LL) &&
         a.value("to", -1LL) == b.value("to", -1LL) && a.value("cidr", "") == b.value("cidr", "") &&
         a.value("cidr6", "") == b.value("cidr6", "") && a.value("group", "") == b.value("group", "");
}

std::string describe_atom(const Json& atom) {
  std::string peer = atom.value("cidr", atom.value("cidr6", atom.value("group", "")));
  std::string protocol = atom.value("proto", "");
  std::transform(protocol.begin(), protocol.end(), protocol.begin(), ::toupper);
  return "peer: " + peer + ", " + (protocol == "-1" ? "ALL" : protocol) + ", from port: " +
         std::to_string(atom.value("from", -1LL)) + ", to port: " + std::to_string(atom.value("to", -1LL)) + ", ALLOW";
}

// AWS's IpPermissions from atoms: one permission per (protocol, ports), sources inside.
Json permissions(Json& region, const Json& atoms) {
  std::map<std::tuple<std::string, long long, long long>, Json> grouped;
  std::vector<std::tuple<std::string, long long, long long>> order;
  for (const auto& atom : atoms) {
    const auto key = std::make_tuple(atom.value("proto", ""), atom.value("from", -1LL), atom.value("to", -1LL));
    if (!grouped.count(key)) {
      Json permission = {{"ipProtocol", std::get<0>(key)}, {"groups", Json::array()}, {"ipRanges", Json::array()},
                         {"ipv6Ranges", Json::array()}, {"prefixListIds", Json::array()}};
      if (has_ports(std::get<0>(key))) {
        permission["fromPort"] = std::get<1>(key);
        permission["toPort"] = std::get<2>(key);
      }
      grouped[key] = permission;
      order.push_back(key);
    }
    Json& permission = grouped[key];
    Json source;
    if (atom.contains("description")) source["description"] = atom["description"];
    if (atom.contains("cidr")) {
      source["cidrIp"] = atom["cidr"];
      permission["ipRanges"].push_back(source);
    } else if (atom.contains("cidr6")) {
      source["cidrIpv6"] = atom["cidr6"];
      permission["ipv6Ranges"].push_back(source);
    } else {
      source["groupId"] = atom["group"];
      source["userId"] = k_account;
      if (Json* group = find(region, col::security_groups, atom.value("group", ""))) source["groupName"] = (*group)["groupName"];
      permission["groups"].push_back(source);
    }
  }
  Json out = Json::array();
  for (const auto& key : order) out.push_back(grouped[key]);
  return out;
}

Json view_group(Call& call, const Json& group) {
  Json out = group;
  out["ipPermissions"] = permissions(call.rs(), group["_ingress"]);
  out["ipPermissionsEgress"] = permissions(call.rs(), group["_egress"]);
  out["securityGroupArn"] = "arn:aws:ec2:" + call.region + ":" + k_account + ":security-group/" + group.value("groupId", "");
  return out;
}

Json create_security_group(Call& call) {
  const std::string name = call.need("GroupName");
  const std::string description = call.need("GroupDescription");
  std::string vpc_id = call.get("VpcId");
  if (vpc_id.empty()) vpc_id = default_vpc_id(call.rs());
  need(call, col::vpcs, vpc_id, "InvalidVpcID.NotFound", "The vpc ID '" + vpc_id + "' does not exist");
  if (name == "default") fail("InvalidGroup.Reserved", "The security group 'default' is reserved");
  if (name.rfind("sg-", 0) == 0) call.invalid("Group names may not be in the format sg-*.");
  for (auto& [gid, group] : collection(call.rs(), col::security_groups).items()) {
    if (group.value("groupName", "") == name && group.value("vpcId", "") == vpc_id) {
      fail("InvalidGroup.Duplicate", "The security group '" + name + "' already exists for VPC '" + vpc_id + "'");
    }
  }
  const std::string id = call.world.new_id("sg");
  const Tags tags = tag_specification(call.params, "security-group");
  insert(call.world, call.rs(), col::security_groups, id,
         {{"groupId", id},
          {"groupName", name},
          {"groupDescription", description},
          {"vpcId", vpc_id},
          {"ownerId", k_account},
          {"tagSet", ec2_tag_set(tags)},
          {"_ingress", Json::array()},
          {"_egress", Json::array({{{"proto", "-1"}, {"from", -1}, {"to", -1}, {"cidr", "0.0.0.0/0"}}})}});
  return {{"return", true}, {"groupId", id}, {"tagSet", ec2_tag_set(tags)}};
}

Json describe_security_groups(Call& call) {
  const FilterTable table{{"group-id", at("groupId")},
                          {"group-name", at("groupName")},
                          {"description", at("groupDescription")},
                          {"vpc-id", at("vpcId")},
                          {"owner-id", at("ownerId")},
                          {"ip-permission.group-id", at("_ingress[].group")},
                          {"ip-permission.cidr", at("_ingress[].cidr")},
                          {"ip-permission.protocol", at("_ingress[].proto")},
                          {"ip-permission.from-port", at("_ingress[].from")},
                          {"ip-permission.to-port", at("_ingress[].to")},
                          {"egress.ip-permission.cidr", at("_egress[].cidr")}};
  DescribeSpec spec{col::security_groups, "GroupId", "securityGroupInfo", group_missing, "InvalidGroup.NotFound", table,
                    view_group};
  if (auto names = call.params.list("GroupName"); !names.empty()) {
    // Names select groups of the default VPC, as on AWS.
    const std::string vpc = default_vpc_id(call.rs());
    Json out = Json::array();
    for (const auto& name : names) {
      Json* hit = nullptr;
      for (auto& [gid, group] : collection(call.rs(), col::security_groups).items()) {
        if (group.value("groupName", "") == name && group.value("vpcId", "") == vpc) hit = &group;
      }
      if (hit == nullptr) fail("InvalidGroup.NotFound", "The security group '" + name + "' does not exist in default VPC '" + vpc + "'");
      out.push_back(view_group(call, *hit));
    }
    return {{"securityGroupInfo", out}};
  }
  return describe(call, spec);
}

Json delete_security_group(Call& call) {
  std::string id = call.get("GroupId");
  if (id.empty()) {
    const std::string name = call.need("GroupName");
    const std::string vpc = default_vpc_id(call.rs());
    for (auto& [gid, group] : collection(call.rs(), col::security_groups).items()) {
      if (group.value("groupName", "") == name && group.value("vpcId", "") == vpc) id = gid;
    }
    if (id.empty()) fail("InvalidGroup.NotFound", "The security group '" + name + "' does not exist in default VPC '" + vpc + "'");
  }
  Json& group = need_group(call, id);
  if (group.value("groupName", "") == "default") {
    fail("CannotDelete", "the specified group: \"" + id + "\" name: \"default\" cannot be deleted by a user");
  }
  for (auto& [eid, eni] : collection(call.rs(), col::network_interfaces).items()) {
    for (const auto& g : eni["groupSet"]) {
      if (g.value("groupId", "") == id) fail("DependencyViolation", "resource " + id + " has a dependent object");
    }
  }
  for (auto& [gid, other] : collection(call.rs(), col::security_groups).items()) {
    if (gid == id) continue;
    for (const char* side : {"_ingress", "_egress"}) {
      for (const auto& atom : other[side]) {
        if (atom.value("group", "") == id) fail("DependencyViolation", "resource " + id + " has a dependent object");
      }
    }
  }
  erase(call.world, call.rs(), col::security_groups, id);
  return ok();
}

Json change_rules(Call& call, const char* side, bool add) {
  const std::string id = call.need("GroupId");
  Json& group = need_group(call, id);
  Json atoms = parse_atoms(call, group.value("vpcId", ""));
  Json& rules = group[side];
  for (const auto& atom : atoms) {
    const auto it = std::find_if(rules.begin(), rules.end(), [&](const Json& r) { return same_atom(r, atom); });
    if (add && it != rules.end()) {
      fail("InvalidPermission.Duplicate", "the specified rule \"" + describe_atom(atom) + "\" already exists");
    }
    if (!add && it == rules.end()) {
      fail("InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
    }
  }
  for (const auto& atom : atoms) {
    if (add) {
      rules.push_back(atom);
    } else {
      rules.erase(std::find_if(rules.begin(), rules.end(), [&](const Json& r) { return same_atom(r, atom); }));
    }
  }
  call.world.changed();
  return ok();
}

Json authorize_ingress(Call& call) { return change_rules(call, "_ingress", true); }
Json authorize_egress(Call& call) { return change_rules(call, "_egress", true); }
Json revoke_ingress(Call& call) { return change_rules(call, "_ingress", false); }
Json revoke_egress(Call& call) { return change_rules(call, "_egress", false); }

}  // namespace

void register_ec2_security_groups(Registry& r) {
  using aws::Service;
  r.add(Service::ec2, "CreateSecurityGroup", create_security_group);
  r.add(Service::ec2, "DescribeSecurityGroups", describe_security_groups);
  r.add(Service::ec2, "DeleteSecurityGroup", delete_security_group);
  r.add(Service::ec2, "AuthorizeSecurityGroupIngress", authorize_ingress);
  r.add(Service::ec2, "AuthorizeSecurityGroupEgress", authorize_egress);
  r.add(Service::ec2, "RevokeSecurityGroupIngress", revoke_ingress);
  r.add(Service::ec2, "RevokeSecurityGroupEgress", revoke_egress);
}

}  // namespace hopper::sim

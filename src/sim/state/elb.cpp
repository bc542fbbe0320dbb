// Elastic Load Balancing: ELBv2 load balancers and target groups, classic load balancers, their
// tags, and the network interfaces they keep in their subnets (which linger for a while after a
// delete with AWS timing, as on AWS).
#include "sim/state/ec2_network.hpp"
#include "sim/state/families.hpp"

namespace hopper::sim {
namespace {

constexpr const char* k_v2 = "loadBalancersV2";
constexpr const char* k_target_groups = "targetGroups";
constexpr const char* k_classic = "loadBalancers";

// Marker/PageSize in, NextMarker out.
Json marker_page(Call& call, const std::vector<Json*>& items, const std::string& list_name,
                 const std::function<Json(const Json&)>& view) {
  const Page page = paginate(items, call.opt("Marker"), call.opt_number("PageSize").value_or(400), "ValidationError");
  Json list = Json::array();
  for (const Json* item : page.items) list.push_back(view(*item));
  Json out = {{list_name, list}};
  if (!page.next_token.empty()) out["NextMarker"] = page.next_token;
  return out;
}

// Checks the subnets and creates one requester-managed interface in each.
Json make_interfaces(Call& call, const std::vector<std::string>& subnets, const std::vector<std::string>& groups,
                     const std::string& description, std::string& vpc_id) {
  if (subnets.empty()) fail("ValidationError", "At least one subnet must be specified");
  Json zones = Json::array();
  for (const auto& id : subnets) {
    Json* subnet = find(call.rs(), col::subnets, id, &call.world);
    if (subnet == nullptr) fail("SubnetNotFound", "The subnet ID '" + id + "' is not found");
    vpc_id = subnet->value("vpcId", "");
    zones.push_back({{"ZoneName", (*subnet)["availabilityZone"]}, {"SubnetId", id}});
  }
  for (const auto& group : groups) {
    if (!find(call.rs(), col::security_groups, group, &call.world)) {
      fail("InvalidSecurityGroup", "One or more security groups are invalid");
    }
  }
  Json enis = Json::array();
  for (const auto& id : subnets) {
    EniSpec spec;
    spec.subnet_id = id;
    spec.group_ids = groups;
    spec.description = description;
    spec.requester_managed = true;
    spec.requester_id = "amazon-elb";
    Json& eni = make_network_interface(call.world, call.rs(), call.region, spec);
    eni["status"] = "in-use";
    eni["attachment"] = {{"attachmentId", call.world.new_id("ela-attach")}, {"instanceOwnerId", "amazon-elb"},
                         {"deviceIndex", 1}, {"status", "attached"}};
    enis.push_back(eni["networkInterfaceId"]);
  }
  return {{"zones", zones}, {"enis", enis}};
}

// Lets a deleted load balancer's interfaces go (later with AWS timing).
void release_interfaces(Call& call, const Json& enis) {
  const long long at = call.world.now() + call.world.duration(30, 90);
  for (const auto& id : enis) {
    if (Json* eni = find(call.rs(), col::network_interfaces, id.get<std::string>())) (*eni)["_deleteAt"] = at;
  }
  advance_load_balancers(call.world, call.rs(), call.world.now());
}

Json v2_view(const Json& lb) {
  Json out = lb;
  return out;
}

Json create_load_balancer_v2(Call& call) {
  const std::string name = call.need("Name");
  for (auto& [arn, lb] : collection(call.rs(), k_v2).items()) {
    if (lb.value("LoadBalancerName", "") == name) return {{"LoadBalancers", Json::array({v2_view(lb)})}};
  }
  const std::string type = call.get("Type", "application");
  const std::string hash = call.world.new_id("x").substr(3);
  const std::string arn = "arn:aws:elasticloadbalancing:" + call.region + ":" + k_account + ":loadbalancer/" +
                          (type == "network" ? "net/" : "app/") + name + "/" + hash;
  std::string vpc_id;
  const auto groups = call.params.members("SecurityGroups");
  Json made = make_interfaces(call, call.params.members("Subnets"), groups,
                              "ELB " + std::string(type == "network" ? "net/" : "app/") + name + "/" + hash, vpc_id);
  const std::string scheme = call.get("Scheme", "internet-facing");
  Json lb = {{"LoadBalancerArn", arn}, {"LoadBalancerName", name},
             {"DNSName", (scheme == "internal" ? "internal-" : "") + name + "-" + hash.substr(0, 10) + "." + call.region + ".elb.amazonaws.com"},
             {"CanonicalHostedZoneId", "Z32O12XQLNTSW2"}, {"CreatedTime", now_iso(call)}, {"Scheme", scheme},
             {"VpcId", vpc_id}, {"State", {{"Code", call.world.instant() ? "active" : "provisioning"}}}, {"Type", type},
             {"AvailabilityZones", made["zones"]}, {"SecurityGroups", groups}, {"IpAddressType", "ipv4"},
             {"_tags", member_tags(call.params)}, {"_enis", made["enis"]}};
  if (!call.world.instant()) lb["_activeAt"] = call.world.now() + call.world.duration(60, 180);
  Json& stored = insert(call.world, call.rs(), k_v2, arn, std::move(lb));
  return {{"LoadBalancers", Json::array({v2_view(stored)})}};
}

Json describe_load_balancers_v2(Call& call) {
  const auto arns = call.params.members("LoadBalancerArns");
  const auto names = call.params.members("Names");
  std::vector<Json*> items;
  for (Json* lb : in_order(collection(call.rs(), k_v2))) {
    const bool by_arn = std::find(arns.begin(), arns.end(), lb->value("LoadBalancerArn", "")) != arns.end();
    const bool by_name = std::find(names.begin(), names.end(), lb->value("LoadBalancerName", "")) != names.end();
    if ((arns.empty() && names.empty()) || by_arn || by_name) items.push_back(lb);
  }
  if (!arns.empty() || !names.empty()) {
    if (items.size() < arns.size() + names.size()) fail("LoadBalancerNotFound", "One or more load balancers not found");
  }
  return marker_page(call, items, "LoadBalancers", v2_view);
}

Json delete_load_balancer_v2(Call& call) {
  const std::string arn = call.need("LoadBalancerArn");
  Json* lb = find(call.rs(), k_v2, arn);
  if (lb == nullptr) return Json::object();  // deleting a missing load balancer succeeds, as on AWS
  const Json enis = (*lb)["_enis"];
  erase(call.world, call.rs(), k_v2, arn);
  for (auto& [tg_arn, group] : collection(call.rs(), k_target_groups).items()) {
    Json& attached = group["LoadBalancerArns"];
    for (std::size_t i = attached.size(); i-- > 0;) if (attached[i] == arn) attached.erase(i);
  }
  release_interfaces(call, enis);
  return Json::object();
}

Json* any_tagged(Call& call, const std::string& arn) {
  if (Json* lb = find(call.rs(), k_v2, arn)) return lb;
  return find(call.rs(), k_target_groups, arn);
}

Json describe_tags_v2(Call& call) {
  Json list = Json::array();
  for (const auto& arn : call.params.members("ResourceArns")) {
    Json* item = any_tagged(call, arn);
    if (item == nullptr) {
      fail(arn.find(":targetgroup/") != std::string::npos ? "TargetGroupNotFound" : "LoadBalancerNotFound",
           "One or more resources not found: " + arn);
    }
    Tags tags;
    for (const auto& [k, v] : (*item)["_tags"].items()) tags[k] = v.get<std::string>();
    list.push_back({{"ResourceArn", arn}, {"Tags", key_value_list(tags)}});
  }
  return {{"TagDescriptions", list}};
}

Json add_tags_v2(Call& call) {
  const Tags tags = member_tags(call.params);
  for (const auto& arn : call.params.members("ResourceArns")) {
    Json* item = any_tagged(call, arn);
    if (item == nullptr) fail("LoadBalancerNotFound", "One or more resources not found: " + arn);
    for (const auto& [k, v] : tags) (*item)["_tags"][k] = v;
  }
  call.world.changed();
  return Json::object();
}

Json create_target_group(Call& call) {
  const std::string name = call.need("Name");
  for (auto& [arn, group] : collection(call.rs(), k_target_groups).items()) {
    if (group.value("TargetGroupName", "") == name) return {{"TargetGroups", Json::array({group})}};
  }
  const std::string vpc_id = call.get("VpcId");
  const std::string target_type = call.get("TargetType", "instance");
  if (!vpc_id.empty() && !find(call.rs(), col::vpcs, vpc_id, &call.world)) {
    fail("ValidationError", "The VPC ID '" + vpc_id + "' is not found");
  }
  const std::string arn = "arn:aws:elasticloadbalancing:" + call.region + ":" + k_account + ":targetgroup/" + name + "/" +
                          call.world.new_id("x").substr(3);
  const std::string protocol = call.get("Protocol", "HTTP");
  Json group = {{"TargetGroupArn", arn}, {"TargetGroupName", name}, {"Protocol", protocol},
                {"Port", call.number("Port", 80)}, {"VpcId", vpc_id}, {"TargetType", target_type},
                {"HealthCheckProtocol", call.get("HealthCheckProtocol", protocol)}, {"HealthCheckPath", call.get("HealthCheckPath", "/")},
                {"HealthCheckPort", "traffic-port"}, {"HealthCheckEnabled", true}, {"LoadBalancerArns", Json::array()},
                {"_tags", member_tags(call.params)}};
  Json& stored = insert(call.world, call.rs(), k_target_groups, arn, std::move(group));
  return {{"TargetGroups", Json::array({stored})}};
}

Json describe_target_groups(Call& call) {
  const std::string lb = call.get("LoadBalancerArn");
  const auto arns = call.params.members("TargetGroupArns");
  const auto names = call.params.members("Names");
  std::vector<Json*> items;
  for (Json* group : in_order(collection(call.rs(), k_target_groups))) {
    if (!arns.empty() && std::find(arns.begin(), arns.end(), group->value("TargetGroupArn", "")) == arns.end()) continue;
    if (!names.empty() && std::find(names.begin(), names.end(), group->value("TargetGroupName", "")) == names.end()) continue;
    if (!lb.empty() && std::find((*group)["LoadBalancerArns"].begin(), (*group)["LoadBalancerArns"].end(), Json(lb)) ==
                           (*group)["LoadBalancerArns"].end()) continue;
    items.push_back(group);
  }
  if (items.size() < arns.size() + names.size()) fail("TargetGroupNotFound", "One or more target groups not found");
  return marker_page(call, items, "TargetGroups", [](const Json& g) { return g; });
}

Json delete_target_group(Call& call) {
  const std::string arn = call.need("TargetGroupArn");
  Json* group = find(call.rs(), k_target_groups, arn);
  if (group == nullptr) return Json::object();
  if (!(*group)["LoadBalancerArns"].empty()) {
    fail("ResourceInUse", "Target group '" + arn + "' is currently in use by a listener or a rule");
  }
  erase(call.world, call.rs(), k_target_groups, arn);
  return Json::object();
}

Json create_load_balancer_classic(Call& call) {
  const std::string name = call.need("LoadBalancerName");
  if (Json* existing = find(call.rs(), k_classic, name)) return {{"DNSName", (*existing)["DNSName"]}};
  std::string vpc_id;
  const auto groups = call.params.members("SecurityGroups");
  const auto subnets = call.params.members("Subnets");
  Json made = make_interfaces(call, subnets, groups, "ELB " + name, vpc_id);
  Json listeners = Json::array();
  for (int n : call.params.indexes("Listeners.member")) {
    const Params l = call.params.sub("Listeners.member." + std::to_string(n));
    listeners.push_back({{"Listener", {{"Protocol", l.get("Protocol").value_or("TCP")},
                                       {"LoadBalancerPort", std::atoll(l.get("LoadBalancerPort").value_or("0").c_str())},
                                       {"InstanceProtocol", l.get("InstanceProtocol").value_or("TCP")},
                                       {"InstancePort", std::atoll(l.get("InstancePort").value_or("0").c_str())}}},
                         {"PolicyNames", Json::array()}});
  }
  const std::string scheme = call.get("Scheme", "internet-facing");
  Json zones = Json::array();
  for (const auto& zone : made["zones"]) zones.push_back(zone["ZoneName"]);
  const std::string dns = (scheme == "internal" ? "internal-" : "") + name + "-" + call.world.new_id("x").substr(3, 10) + "." +
                          call.region + ".elb.amazonaws.com";
  insert(call.world, call.rs(), k_classic, name,
         {{"LoadBalancerName", name}, {"DNSName", dns}, {"CanonicalHostedZoneName", dns}, {"CanonicalHostedZoneNameID", "Z32O12XQLNTSW2"},
          {"ListenerDescriptions", listeners}, {"Policies", Json::object()}, {"BackendServerDescriptions", Json::array()},
          {"AvailabilityZones", zones}, {"Subnets", subnets}, {"VPCId", vpc_id}, {"Instances", Json::array()},
          {"HealthCheck", {{"Target", "TCP:80"}, {"Interval", 30}, {"Timeout", 5}, {"UnhealthyThreshold", 2}, {"HealthyThreshold", 10}}},
          {"SourceSecurityGroup", {{"OwnerAlias", k_account}, {"GroupName", "default"}}}, {"SecurityGroups", groups},
          {"CreatedTime", now_iso(call)}, {"Scheme", scheme}, {"_tags", member_tags(call.params)}, {"_enis", made["enis"]}});
  return {{"DNSName", dns}};
}

Json describe_load_balancers_classic(Call& call) {
  const auto names = call.params.members("LoadBalancerNames");
  std::vector<Json*> items;
  for (const auto& name : names) {
    Json* lb = find(call.rs(), k_classic, name);
    if (lb == nullptr) fail("LoadBalancerNotFound", "There is no ACTIVE Load Balancer named '" + name + "'");
    items.push_back(lb);
  }
  if (names.empty()) items = in_order(collection(call.rs(), k_classic));
  return marker_page(call, items, "LoadBalancerDescriptions", [](const Json& lb) { return lb; });
}

Json describe_tags_classic(Call& call) {
  Json list = Json::array();
  for (const auto& name : call.params.members("LoadBalancerNames")) {
    Json* lb = find(call.rs(), k_classic, name);
    if (lb == nullptr) fail("LoadBalancerNotFound", "There is no ACTIVE Load Balancer named '" + name + "'");
    Tags tags;
    for (const auto& [k, v] : (*lb)["_tags"].items()) tags[k] = v.get<std::string>();
    list.push_back({{"LoadBalancerName", name}, {"Tags", key_value_list(tags)}});
  }
  return {{"TagDescriptions", list}};
}

Json delete_load_balancer_classic(Call& call) {
  const std::string name = call.need("LoadBalancerName");
  Json* lb = find(call.rs(), k_classic, name);
  if (lb == nullptr) return Json::object();
  const Json enis = (*lb)["_enis"];
  erase(call.world, call.rs(), k_classic, name);
  release_interfaces(call, enis);
  return Json::object();
}

}  // namespace

void advance_load_balancers(World& world, Json& region, long long now) {
  for (auto& [arn, lb] : collection(region, k_v2).items()) {
    if (!lb.contains("_activeAt")) continue;
    if (now < lb["_activeAt"].get<long long>()) {
      world.due_at(lb["_activeAt"].get<long long>());
      continue;
    }
    lb.erase("_activeAt");
    lb["State"] = {{"Code", "active"}};
    world.changed();
  }
  std::vector<std::string> gone;
  for (auto& [id, eni] : collection(region, col::network_interfaces).items()) {
    if (!eni.contains("_deleteAt")) continue;
    if (now >= eni["_deleteAt"].get<long long>()) gone.push_back(id);
    else world.due_at(eni["_deleteAt"].get<long long>());
  }
  for (const auto& id : gone) delete_network_interface(world, region, id);
}

void register_elb(Registry& r) {
  using aws::Service;
  r.add(Service::elbv2, "CreateLoadBalancer", create_load_balancer_v2);
  r.add(Service::elbv2, "DescribeLoadBalancers", describe_load_balancers_v2);
  r.add(Service::elbv2, "DeleteLoadBalancer", delete_load_balancer_v2);
  r.add(Service::elbv2, "DescribeTags", describe_tags_v2);
  r.add(Service::elbv2, "AddTags", add_tags_v2);
  r.add(Service::elbv2, "CreateTargetGroup", create_target_group);
  r.add(Service::elbv2, "DescribeTargetGroups", describe_target_groups);
  r.add(Service::elbv2, "DeleteTargetGroup", delete_target_group);
  r.add(Service::elb, "CreateLoadBalancer", create_load_balancer_classic);
  r.add(Service::elb, "DescribeLoadBalancers", describe_load_balancers_classic);
  r.add(Service::elb, "DescribeTags", describe_tags_classic);
  r.add(Service::elb, "DeleteLoadBalancer", delete_load_balancer_classic);
}

}  // namespace hopper::sim

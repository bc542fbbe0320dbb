#include "aws/elb/load_balancers.hpp"

#include <algorithm>

namespace hopper::aws::elb {
namespace {

// DescribeTags takes at most 20 load balancer names a call.
constexpr std::size_t k_tags_batch = 20;

std::vector<std::string> member_texts(const pugi::xml_node& node, const char* list_name) {
  std::vector<std::string> out;
  for (const auto& item : codec::items(node, list_name)) out.emplace_back(item.text().as_string());
  return out;
}

}  // namespace

ClassicLoadBalancer decode_load_balancer(const pugi::xml_node& node) {
  ClassicLoadBalancer lb;
  lb.name = codec::text(node, "LoadBalancerName");
  lb.dns_name = codec::text(node, "DNSName");
  lb.vpc_id = codec::text(node, "VPCId");
  lb.scheme = codec::text(node, "Scheme");
  lb.subnets = member_texts(node, "Subnets");
  lb.security_groups = member_texts(node, "SecurityGroups");
  lb.availability_zones = member_texts(node, "AvailabilityZones");
  for (const auto& item : codec::items(node, "Instances")) lb.instance_ids.push_back(codec::text(item, "InstanceId"));
  lb.source_security_group_name = codec::text(codec::child(node, "SourceSecurityGroup"), "GroupName");
  lb.created_time = codec::text(node, "CreatedTime");
  return lb;
}

util::Result<std::vector<ClassicLoadBalancer>> describe_load_balancers(const Client& client,
                                                                       const std::vector<std::string>& names,
                                                                       int page_size) {
  QueryParams params;
  params.member_list("LoadBalancerNames", names);
  return client.paginate<ClassicLoadBalancer>("DescribeLoadBalancers", params, "LoadBalancerDescriptions",
                                              decode_load_balancer, page_size);
}

util::Result<std::map<std::string, Tags>> describe_tags(const Client& client, const std::vector<std::string>& names) {
  std::map<std::string, Tags> out;
  for (std::size_t start = 0; start < names.size(); start += k_tags_batch) {
    const auto first = names.begin() + static_cast<std::ptrdiff_t>(start);
    const auto last = names.begin() + static_cast<std::ptrdiff_t>(std::min(names.size(), start + k_tags_batch));
    QueryParams params;
    params.member_list("LoadBalancerNames", std::vector<std::string>(first, last));
    HOPPER_ASSIGN(const XmlResponse response, client.call("DescribeTags", params));
    for (const auto& item : codec::items(response.result(), "TagDescriptions")) {
      Tags tags;
      for (const auto& tag : codec::items(item, "Tags")) tags[codec::text(tag, "Key")] = codec::text(tag, "Value");
      out[codec::text(item, "LoadBalancerName")] = std::move(tags);
    }
  }
  return out;
}

util::Result<std::string> create_load_balancer(const Client& client, const CreateLoadBalancerRequest& request) {
  QueryParams params;
  params.set("LoadBalancerName", request.name);
  for (std::size_t i = 0; i < request.listeners.size(); ++i) {
    const Listener& listener = request.listeners[i];
    const std::string prefix = "Listeners.member." + std::to_string(i + 1);
    params.set(prefix + ".Protocol", listener.protocol);
    params.set(prefix + ".LoadBalancerPort", listener.load_balancer_port);
    params.set(prefix + ".InstanceProtocol",
               listener.instance_protocol.empty() ? listener.protocol : listener.instance_protocol);
    params.set(prefix + ".InstancePort", listener.instance_port);
  }
  params.member_list("Subnets", request.subnets).member_list("SecurityGroups", request.security_groups);
  if (!request.scheme.empty()) params.set("Scheme", request.scheme);
  params.member_tags(request.tags);
  HOPPER_ASSIGN(const XmlResponse response, client.call("CreateLoadBalancer", params));
  return codec::text(response.result(), "DNSName");
}

util::Status delete_load_balancer(const Client& client, const std::string& name) {
  QueryParams params;
  params.set("LoadBalancerName", name);
  HOPPER_TRY(client.call("DeleteLoadBalancer", params));
  return {};
}

}  // namespace hopper::aws::elb

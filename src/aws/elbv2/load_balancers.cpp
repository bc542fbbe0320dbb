#include "aws/elbv2/load_balancers.hpp"

namespace hopper::aws::elbv2 {

LoadBalancer decode_load_balancer(const pugi::xml_node& node) {
  LoadBalancer lb;
  lb.arn = codec::text(node, "LoadBalancerArn");
  lb.name = codec::text(node, "LoadBalancerName");
  lb.dns_name = codec::text(node, "DNSName");
  lb.type = codec::text(node, "Type");
  lb.scheme = codec::text(node, "Scheme");
  lb.vpc_id = codec::text(node, "VpcId");
  lb.state = codec::text(codec::child(node, "State"), "Code");
  for (const auto& item : codec::items(node, "SecurityGroups")) lb.security_groups.emplace_back(item.text().as_string());
  for (const auto& zone : codec::items(node, "AvailabilityZones")) {
    if (std::string subnet = codec::text(zone, "SubnetId"); !subnet.empty()) lb.subnet_ids.push_back(std::move(subnet));
  }
  lb.canonical_hosted_zone_id = codec::text(node, "CanonicalHostedZoneId");
  lb.created_time = codec::text(node, "CreatedTime");
  return lb;
}

util::Result<std::vector<LoadBalancer>> describe_load_balancers(const Client& client,
                                                                const std::vector<std::string>& arns,
                                                                const std::vector<std::string>& names,
                                                                int page_size) {
  QueryParams params;
  params.member_list("LoadBalancerArns", arns).member_list("Names", names);
  return client.paginate<LoadBalancer>("DescribeLoadBalancers", params, "LoadBalancers", decode_load_balancer,
                                       page_size);
}

util::Result<LoadBalancer> create_load_balancer(const Client& client, const CreateLoadBalancerRequest& request) {
  QueryParams params;
  params.set("Name", request.name)
      .member_list("Subnets", request.subnet_ids)
      .member_list("SecurityGroups", request.security_groups);
  if (!request.scheme.empty()) params.set("Scheme", request.scheme);
  if (!request.type.empty()) params.set("Type", request.type);
  params.member_tags(request.tags);
  HOPPER_ASSIGN(const XmlResponse response, client.call("CreateLoadBalancer", params));
  const auto items = codec::items(response.result(), "LoadBalancers");
  if (items.empty()) return util::Error::failed("elbv2 CreateLoadBalancer: answer has no load balancer");
  return decode_load_balancer(items.front());
}

util::Status delete_load_balancer(const Client& client, const std::string& arn) {
  QueryParams params;
  params.set("LoadBalancerArn", arn);
  HOPPER_TRY(client.call("DeleteLoadBalancer", params));
  return {};
}

}  // namespace hopper::aws::elbv2

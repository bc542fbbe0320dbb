#include "aws/elbv2/target_groups.hpp"

namespace hopper::aws::elbv2 {

TargetGroup decode_target_group(const pugi::xml_node& node) {
  TargetGroup group;
  group.arn = codec::text(node, "TargetGroupArn");
  group.name = codec::text(node, "TargetGroupName");
  group.protocol = codec::text(node, "Protocol");
  group.port = static_cast<int>(codec::int_text(node, "Port"));
  group.vpc_id = codec::text(node, "VpcId");
  group.target_type = codec::text(node, "TargetType");
  group.health_check_path = codec::text(node, "HealthCheckPath");
  for (const auto& item : codec::items(node, "LoadBalancerArns")) {
    group.load_balancer_arns.emplace_back(item.text().as_string());
  }
  return group;
}

util::Result<std::vector<TargetGroup>> describe_target_groups(const Client& client,
                                                              const std::string& load_balancer_arn, int page_size) {
  QueryParams params;
  if (!load_balancer_arn.empty()) params.set("LoadBalancerArn", load_balancer_arn);
  return client.paginate<TargetGroup>("DescribeTargetGroups", params, "TargetGroups", decode_target_group, page_size);
}

util::Result<TargetGroup> create_target_group(const Client& client, const CreateTargetGroupRequest& request) {
  QueryParams params;
  params.set("Name", request.name).set("Protocol", request.protocol).set("Port", request.port);
  if (!request.vpc_id.empty()) params.set("VpcId", request.vpc_id);
  if (!request.target_type.empty()) params.set("TargetType", request.target_type);
  params.member_tags(request.tags);
  HOPPER_ASSIGN(const XmlResponse response, client.call("CreateTargetGroup", params));
  const auto items = codec::items(response.result(), "TargetGroups");
  if (items.empty()) return util::Error::failed("elbv2 CreateTargetGroup: answer has no target group");
  return decode_target_group(items.front());
}

util::Status delete_target_group(const Client& client, const std::string& arn) {
  QueryParams params;
  params.set("TargetGroupArn", arn);
  HOPPER_TRY(client.call("DeleteTargetGroup", params));
  return {};
}

}  // namespace hopper::aws::elbv2

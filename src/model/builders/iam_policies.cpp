#include "model/builders/iam_policies.hpp"

#include <nlohmann/json.hpp>

namespace hopper::model::policies {
namespace {

using nlohmann::json;

json statement(const std::string& sid, std::vector<std::string> actions, const json& resource) {
  std::sort(actions.begin(), actions.end());
  return json{{"Sid", sid}, {"Effect", "Allow"}, {"Action", actions}, {"Resource", resource}};
}

std::string document(std::vector<json> statements) {
  return json{{"Version", "2012-10-17"}, {"Statement", statements}}.dump();
}

std::string parameter_arn(const ClusterIdentity& cluster, const std::string& name) {
  const std::string account = cluster.account_id.empty() ? "*" : cluster.account_id;
  return "arn:" + cluster.partition + ":ssm:" + cluster.region + ":" + account + ":parameter/hopper/" + cluster.name + "/" + name;
}

}  // namespace

std::string ec2_trust() {
  return json{{"Version", "2012-10-17"},
              {"Statement",
               {{{"Effect", "Allow"}, {"Principal", {{"Service", "ec2.amazonaws.com"}}}, {"Action", "sts:AssumeRole"}}}}}
      .dump();
}

std::string cloud_controller() {
  return document({
      statement("AutoScalingRead", {"autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeLaunchConfigurations",
                                    "autoscaling:DescribeTags"}, "*"),
      statement("Ec2", {"ec2:DescribeInstances", "ec2:DescribeRegions", "ec2:DescribeRouteTables",
                        "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVolumes",
                        "ec2:DescribeAvailabilityZones", "ec2:DescribeVpcs", "ec2:DescribeInstanceTopology",
                        "ec2:CreateSecurityGroup", "ec2:CreateTags", "ec2:CreateVolume", "ec2:ModifyInstanceAttribute",
                        "ec2:ModifyVolume", "ec2:AttachVolume", "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateRoute",
                        "ec2:DeleteRoute", "ec2:DeleteSecurityGroup", "ec2:DeleteVolume", "ec2:DetachVolume",
                        "ec2:RevokeSecurityGroupIngress"}, "*"),
      statement("LoadBalancing",
                {"elasticloadbalancing:AddTags", "elasticloadbalancing:AttachLoadBalancerToSubnets",
                 "elasticloadbalancing:ApplySecurityGroupsToLoadBalancer", "elasticloadbalancing:CreateLoadBalancer",
                 "elasticloadbalancing:CreateLoadBalancerPolicy", "elasticloadbalancing:CreateLoadBalancerListeners",
                 "elasticloadbalancing:ConfigureHealthCheck", "elasticloadbalancing:DeleteLoadBalancer",
                 "elasticloadbalancing:DeleteLoadBalancerListeners", "elasticloadbalancing:DescribeLoadBalancers",
                 "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DetachLoadBalancerFromSubnets",
                 "elasticloadbalancing:DeregisterInstancesFromLoadBalancer", "elasticloadbalancing:ModifyLoadBalancerAttributes",
                 "elasticloadbalancing:RegisterInstancesWithLoadBalancer",
                 "elasticloadbalancing:SetLoadBalancerPoliciesForBackendServer", "elasticloadbalancing:CreateListener",
                 "elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:DeleteListener",
                 "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:DescribeListeners",
                 "elasticloadbalancing:DescribeLoadBalancerPolicies", "elasticloadbalancing:DescribeTargetGroups",
                 "elasticloadbalancing:DescribeTargetHealth", "elasticloadbalancing:ModifyListener",
                 "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:RegisterTargets",
                 "elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:SetLoadBalancerPoliciesOfListener",
                 "elasticloadbalancing:SetSecurityGroups"}, "*"),
      statement("ServiceLinkedRole", {"iam:CreateServiceLinkedRole"}, "*"),
      statement("Kms", {"kms:DescribeKey"}, "*"),
  });
}

std::string vpc_cni(const ClusterIdentity& cluster) {
  return document({
      statement("VpcCni", {"ec2:AssignPrivateIpAddresses", "ec2:AttachNetworkInterface", "ec2:CreateNetworkInterface",
                           "ec2:DeleteNetworkInterface", "ec2:DescribeInstances", "ec2:DescribeTags",
                           "ec2:DescribeNetworkInterfaces", "ec2:DescribeInstanceTypes", "ec2:DescribeSecurityGroups",
                           "ec2:DescribeSubnets", "ec2:DetachNetworkInterface", "ec2:ModifyNetworkInterfaceAttribute",
                           "ec2:UnassignPrivateIpAddresses"}, "*"),
      statement("VpcCniTags", {"ec2:CreateTags"}, "arn:" + cluster.partition + ":ec2:*:*:network-interface/*"),
  });
}

std::string ecr_read() {
  return document({statement("EcrRead", {"ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability",
                                         "ecr:GetDownloadUrlForLayer", "ecr:GetRepositoryPolicy",
                                         "ecr:DescribeRepositories", "ecr:ListImages", "ecr:BatchGetImage"}, "*")});
}

std::string node() {
  return document({statement("Node", {"ec2:DescribeInstances", "ec2:DescribeRegions"}, "*")});
}

std::string control_plane_parameters(const ClusterIdentity& cluster) {
  return document({
      statement("ReadBootstrap", {"ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"},
                json::array({parameter_arn(cluster, std::string(k_bootstrap_prefix) + "*"),
                             parameter_arn(cluster, "bootstrap")})),
      statement("RefreshJoinToken", {"ssm:PutParameter"}, parameter_arn(cluster, k_join_token_parameter)),
  });
}

std::string node_parameters(const ClusterIdentity& cluster) {
  return document({statement("ReadJoinToken", {"ssm:GetParameter"}, parameter_arn(cluster, k_join_token_parameter))});
}

}  // namespace hopper::model::policies

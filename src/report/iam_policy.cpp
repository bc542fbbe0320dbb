#include "report/iam_policy.hpp"

#include <algorithm>
#include <cctype>

namespace hopper::report {
namespace {

std::vector<std::string> prefixed(const std::string& service, std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  for (std::string& name : names) name = service + ":" + name;
  return names;
}

bool chars_equal(char a, char b, bool ignore_case) {
  if (!ignore_case) return a == b;
  return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
}

std::vector<std::string> strings_of(const nlohmann::json& value) {
  if (value.is_string()) return {value.get<std::string>()};
  std::vector<std::string> out;
  if (value.is_array()) {
    for (const auto& item : value) {
      if (item.is_string()) out.push_back(item.get<std::string>());
    }
  }
  return out;
}

}  // namespace

std::vector<PolicyStatement> operator_policy_statements(const std::string& partition) {
  const std::string iam = "arn:" + partition + ":iam::*:";
  const std::string ssm = "arn:" + partition + ":ssm:*:";
  std::vector<PolicyStatement> out;

  out.push_back({"Identity", {"sts:GetCallerIdentity"}, {"*"}, nullptr,
                 "every command checks the credentials first (AWS allows this call to everyone anyway)"});

  out.push_back({"Ec2Read",
                 prefixed("ec2", {"DescribeAddresses", "DescribeImages", "DescribeInstances", "DescribeInternetGateways",
                                  "DescribeKeyPairs", "DescribeLaunchTemplates", "DescribeLaunchTemplateVersions",
                                  "DescribeNatGateways", "DescribeNetworkInterfaces", "DescribeRouteTables",
                                  "DescribeSecurityGroups", "DescribeSubnets", "DescribeVolumes", "DescribeVpcAttribute",
                                  "DescribeVpcs"}),
                 {"*"}, nullptr, "discovery by tags (plan, up, down, status, diagram --live); Describe* has no resource-level permissions"});

  out.push_back({"Ec2Network",
                 prefixed("ec2", {"AllocateAddress", "AssociateRouteTable", "AttachInternetGateway",
                                  "AuthorizeSecurityGroupIngress", "CreateInternetGateway", "CreateNatGateway", "CreateRoute",
                                  "CreateRouteTable", "CreateSecurityGroup", "CreateSubnet", "CreateTags", "CreateVpc",
                                  "DeleteInternetGateway", "DeleteNatGateway", "DeleteNetworkInterface", "DeleteRoute",
                                  "DeleteRouteTable", "DeleteSecurityGroup", "DeleteSubnet", "DeleteTags", "DeleteVpc",
                                  "DetachInternetGateway", "DisassociateRouteTable", "ModifyVpcAttribute", "ReleaseAddress",
                                  "ReplaceRoute", "RevokeSecurityGroupEgress", "RevokeSecurityGroupIngress"}),
                 {"*"}, nullptr, "the VPC, subnets, gateways, routes and security groups (up, down)"});

  out.push_back({"Ec2Compute",
                 prefixed("ec2", {"CreateImage", "CreateLaunchTemplate", "CreateLaunchTemplateVersion", "DeleteKeyPair",
                                  "DeleteLaunchTemplate", "DeleteVolume", "GetConsoleOutput", "ImportKeyPair",
                                  "ModifyInstanceAttribute", "ModifyLaunchTemplate", "RunInstances", "StopInstances",
                                  "TerminateInstances"}),
                 {"*"}, nullptr,
                 "instances, launch template, key pair (up, down), the baked image (image build), host keys from the console (ssh)"});

  out.push_back({"AutoScaling",
                 prefixed("autoscaling", {"CreateAutoScalingGroup", "CreateOrUpdateTags", "DeleteAutoScalingGroup",
                                          "DescribeAutoScalingGroups", "DescribeScalingActivities", "UpdateAutoScalingGroup"}),
                 {"*"}, nullptr, "the workers' group (up, down, status)"});

  out.push_back({"LoadBalancerCleanup",
                 prefixed("elasticloadbalancing", {"DeleteLoadBalancer", "DeleteTargetGroup", "DescribeLoadBalancers",
                                                   "DescribeTags", "DescribeTargetGroups"}),
                 {"*"}, nullptr, "down removes the load balancers Kubernetes made for the cluster's Services"});

  out.push_back({"ClusterRoles",
                 prefixed("iam", {"CreateRole", "DeleteRole", "DeleteRolePolicy", "DetachRolePolicy", "GetRole", "GetRolePolicy",
                                  "ListAttachedRolePolicies", "ListInstanceProfilesForRole", "ListRolePolicies", "PutRolePolicy",
                                  "TagRole"}),
                 {iam + "role/hopper/*"}, nullptr, "the control plane's and nodes' roles, all under the path /hopper/<cluster>/<region>/"});

  out.push_back({"ClusterInstanceProfiles",
                 prefixed("iam", {"AddRoleToInstanceProfile", "CreateInstanceProfile", "DeleteInstanceProfile",
                                  "GetInstanceProfile", "RemoveRoleFromInstanceProfile", "TagInstanceProfile"}),
                 {iam + "instance-profile/hopper/*"}, nullptr, "their instance profiles, on the same path"});

  out.push_back({"PassClusterRoles", {"iam:PassRole"}, {iam + "role/hopper/*"}, nullptr,
                 "RunInstances and the Auto Scaling group hand the cluster roles to EC2"});

  out.push_back({"ListClusterIam", prefixed("iam", {"ListInstanceProfiles", "ListRoles"}), {"*"}, nullptr,
                 "discovery by path prefix; these list calls take no resource"});

  out.push_back({"AutoScalingServiceRole", {"iam:CreateServiceLinkedRole"},
                 {iam + "role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"},
                 nlohmann::json{{"StringLike", {{"iam:AWSServiceName", "autoscaling.amazonaws.com"}}}},
                 "the first Auto Scaling group of an account makes Auto Scaling's service-linked role"});

  out.push_back({"ClusterParameters",
                 prefixed("ssm", {"AddTagsToResource", "DeleteParameter", "GetParameter", "GetParametersByPath", "PutParameter"}),
                 {ssm + "*:parameter/hopper/*"}, nullptr,
                 "the cluster's parameters under /hopper/<cluster>/ (image id, CA, join token; SecureString with the "
                 "AWS managed key aws/ssm, which needs no KMS statement)"});

  out.push_back({"PublicImageParameters", {"ssm:GetParameter"}, {ssm + ":parameter/aws/service/canonical/*"}, nullptr,
                 "Canonical's public parameter naming the newest Ubuntu image"});
  return out;
}

nlohmann::json operator_policy(const std::string& partition) {
  nlohmann::json statements = nlohmann::json::array();
  for (const PolicyStatement& s : operator_policy_statements(partition)) {
    nlohmann::json statement = {{"Sid", s.sid},
                                {"Effect", "Allow"},
                                {"Action", s.actions},
                                {"Resource", s.resources.size() == 1 ? nlohmann::json(s.resources.front()) : nlohmann::json(s.resources)}};
    if (!s.condition.is_null()) statement["Condition"] = s.condition;
    statements.push_back(std::move(statement));
  }
  return {{"Version", "2012-10-17"}, {"Statement", statements}};
}

bool iam_pattern_matches(std::string_view pattern, std::string_view value, bool ignore_case) {
  // Iterative wildcard match with backtracking to the last '*'.
  std::size_t p = 0, v = 0, star = std::string_view::npos, mark = 0;
  while (v < value.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || (pattern[p] != '*' && chars_equal(pattern[p], value[v], ignore_case)))) {
      ++p;
      ++v;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = v;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      v = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool policy_allows(const nlohmann::json& policy, std::string_view action, std::string_view resource) {
  const auto statements = policy.find("Statement");
  if (statements == policy.end()) return false;
  for (const auto& statement : statements->is_array() ? *statements : nlohmann::json::array({*statements})) {
    if (statement.value("Effect", "") != "Allow") continue;
    const auto actions = strings_of(statement.value("Action", nlohmann::json()));
    const auto resources = strings_of(statement.value("Resource", nlohmann::json()));
    const bool action_ok = std::any_of(actions.begin(), actions.end(),
                                       [&](const std::string& a) { return iam_pattern_matches(a, action, true); });
    const bool resource_ok = std::any_of(resources.begin(), resources.end(),
                                         [&](const std::string& r) { return iam_pattern_matches(r, resource); });
    if (action_ok && resource_ok) return true;
  }
  return false;
}

}  // namespace hopper::report

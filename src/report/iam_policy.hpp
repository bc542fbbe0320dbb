// The operator policy: the least-privilege IAM policy a person (or CI) needs to run every hopper
// command — plan, up, down, status, diagram --live, image build, ssh, tunnel, kubeconfig — and
// nothing more. `hopper iam-policy` prints it.
//
// Every action is one that hopper's code sends (a unit test greps the typed operations under
// src/aws/ and fails when one is neither in the policy nor listed as test-only), plus the
// permissions AWS checks on the side: iam:PassRole for the instance profiles (limited to the
// cluster roles' path), iam:CreateServiceLinkedRole for Auto Scaling's role (once per account),
// ec2:CreateTags / iam:Tag* / ssm:AddTagsToResource for tags set in creating calls.
//
// Resource scoping: IAM roles and instance profiles under the path /hopper/, SSM parameters under
// /hopper/ plus Canonical's public image parameters. EC2, Auto Scaling and Elastic Load Balancing
// statements use "Resource": "*": Describe* calls support no resource-level permission at all,
// and the objects hopper creates and deletes (including what Kubernetes made in the VPC) have
// AWS-generated ids and cluster-specific tags, so an ARN pattern would not narrow anything; see
// docs/report.md for what a tag-conditioned policy would need.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace hopper::report {

struct PolicyStatement {
  std::string sid;
  std::vector<std::string> actions;    // "ec2:RunInstances"
  std::vector<std::string> resources;  // ARN patterns, or "*"
  nlohmann::json condition;            // null when none
  std::string why;                     // one line: what needs it (shown in docs, not in the JSON)
};

// The statements, in the order printed. `partition`: "aws", "aws-cn", "aws-us-gov".
std::vector<PolicyStatement> operator_policy_statements(const std::string& partition = "aws");
// The policy document: {"Version": "2012-10-17", "Statement": [...]}.
nlohmann::json operator_policy(const std::string& partition = "aws");

// IAM's wildcard match: '*' any run of characters, '?' one character. Actions compare without
// case ("ec2:describe*" matches "ec2:DescribeVpcs"), resources with case.
bool iam_pattern_matches(std::string_view pattern, std::string_view value, bool ignore_case = false);
// True when an Allow statement of `policy` (a document as operator_policy returns) names
// `action` and `resource` (conditions are not evaluated). Pure; for tests and checks.
bool policy_allows(const nlohmann::json& policy, std::string_view action, std::string_view resource);

}  // namespace hopper::report

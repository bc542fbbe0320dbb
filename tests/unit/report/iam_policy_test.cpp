// The operator policy against hopper's own code: every operation a typed AWS call under src/aws/
// sends must be allowed by the policy, or be listed below as never called by a hopper command
// (and then no code outside src/aws and src/sim may call its function). A new operation without a
// policy line fails here. Also: the policy's scoping, checked against the names hopper gives
// its IAM roles, instance profiles and SSM parameters.
#include "report/iam_policy.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "model/image.hpp"
#include "support/botocore_model.hpp"

namespace hopper::report {
namespace {

namespace fs = std::filesystem;

struct Service {
  const char* folder;      // src/aws/<folder>
  const char* botocore;    // model name
  const char* iam_prefix;  // IAM action prefix
};
const Service k_services[] = {
    {"ec2", "ec2", "ec2"},           {"iam", "iam", "iam"},
    {"autoscaling", "autoscaling", "autoscaling"}, {"ssm", "ssm", "ssm"},
    {"sts", "sts", "sts"},           {"elb", "elb", "elasticloadbalancing"},
    {"elbv2", "elbv2", "elasticloadbalancing"},
};

// Operations with a typed call in src/aws/ that no hopper command sends: the tests, the
// simulator and the chapter-fidelity checks use them. The function must stay unused elsewhere.
struct NotForOperators {
  const char* folder;
  const char* operation;
  const char* function;
  const char* why;
};
const NotForOperators k_not_for_operators[] = {
    {"iam", "CreateUser", "create_user", "tests make restricted users"},
    {"iam", "DeleteUser", "delete_user", "tests"},
    {"iam", "CreateAccessKey", "create_access_key", "tests"},
    {"iam", "DeleteAccessKey", "delete_access_key", "tests"},
    {"iam", "PutUserPolicy", "put_user_policy", "tests"},
    {"iam", "DeleteUserPolicy", "delete_user_policy", "tests"},
    {"iam", "AttachRolePolicy", "attach_role_policy", "hopper only detaches managed policies others attached"},
    {"iam", "UntagRole", "untag_role", "tests"},
    {"autoscaling", "CreateLaunchConfiguration", "create_launch_configuration", "the chapter's way, for fidelity tests"},
    {"autoscaling", "DeleteLaunchConfiguration", "delete_launch_configuration", "fidelity tests"},
    {"autoscaling", "DescribeLaunchConfigurations", "describe_launch_configurations", "fidelity tests"},
    {"autoscaling", "SetDesiredCapacity", "set_desired_capacity", "tests"},
    {"autoscaling", "DeleteTags", "delete_tags", "tests"},
    {"ec2", "AuthorizeSecurityGroupEgress", "authorize_egress", "tests"},
    {"ec2", "CreateVolume", "create_volume", "tests make leftover volumes"},
    {"ec2", "DeleteSnapshot", "delete_snapshot", "tests"},
    {"ec2", "DeregisterImage", "deregister_image", "tests"},
    {"ec2", "DescribeAvailabilityZones", "describe_availability_zones", "tests"},
    {"ec2", "DescribeInstanceTypes", "describe_instance_types", "tests; the catalog is static"},
    {"ec2", "DescribeInstanceAttribute", "describe_instance_user_data", "tests read user data back"},
    {"ec2", "DescribeSnapshots", "describe_snapshots", "tests"},
    {"ec2", "DescribeTags", "describe_tags", "tests"},
    {"ec2", "DetachNetworkInterface", "detach_network_interface", "tests"},
    {"ec2", "DisassociateAddress", "disassociate_address", "tests"},
    {"ec2", "ModifySubnetAttribute", "modify_subnet_map_public_ip", "tests"},
    {"ec2", "ReplaceRouteTableAssociation", "replace_route_table_association", "tests"},
    {"ec2", "StartInstances", "start_instances", "tests"},
    {"elb", "CreateLoadBalancer", "create_load_balancer", "tests stand in for the cloud controller"},
    {"elbv2", "CreateLoadBalancer", "create_load_balancer", "tests stand in for the cloud controller"},
    {"elbv2", "CreateTargetGroup", "create_target_group", "tests"},
    {"elbv2", "AddTags", "add_tags", "tests"},
    {"ssm", "DeleteParameters", "delete_parameters", "tests"},
    {"ssm", "DescribeParameters", "describe_parameters", "tests"},
    {"ssm", "ListTagsForResource", "list_parameter_tags", "tests"},
};

// Permissions AWS checks besides the called operation itself.
const std::set<std::string> k_side_permissions = {
    "iam:PassRole",               // RunInstances / CreateAutoScalingGroup with an instance profile
    "iam:CreateServiceLinkedRole", // the first Auto Scaling group of an account
    "iam:TagInstanceProfile",     // tags in CreateInstanceProfile
    "ssm:AddTagsToResource",      // tags in PutParameter
};

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const fs::path k_src = fs::path(HOPPER_SOURCE_DIR) / "src";

// "iam:CreateRole" for every operation literal in src/aws/<folder>/*.cpp.
std::map<std::string, std::string> operations_in_code() {
  std::map<std::string, std::string> out;  // action -> file
  const std::regex literal(R"re("([A-Z][A-Za-z0-9]+)")re");
  for (const Service& service : k_services) {
    const test::BotocoreModel model(service.botocore);
    for (const auto& entry : fs::directory_iterator(k_src / "aws" / service.folder)) {
      if (entry.path().extension() != ".cpp") continue;
      const std::string text = read(entry.path());
      for (auto it = std::sregex_iterator(text.begin(), text.end(), literal); it != std::sregex_iterator(); ++it) {
        const std::string name = (*it)[1];
        if (model.has_operation(name)) {
          out[std::string(service.iam_prefix) + ":" + name] = entry.path().lexically_relative(HOPPER_SOURCE_DIR).string();
        }
      }
    }
  }
  return out;
}

bool excluded(const std::string& action) {
  for (const auto& x : k_not_for_operators) {
    for (const Service& s : k_services) {
      if (std::string(s.folder) == x.folder && action == std::string(s.iam_prefix) + ":" + x.operation) return true;
    }
  }
  return false;
}

bool policy_names_action(const nlohmann::json& policy, const std::string& action) {
  for (const auto& statement : policy["Statement"]) {
    for (const auto& a : statement["Action"]) {
      if (iam_pattern_matches(a.get<std::string>(), action, true)) return true;
    }
  }
  return false;
}

TEST(IamPolicyTest, EveryOperationHopperSendsIsAllowed) {
  const nlohmann::json policy = operator_policy();
  const auto operations = operations_in_code();
  ASSERT_GT(operations.size(), 80u) << "the scan of src/aws found too little";
  for (const auto& [action, file] : operations) {
    if (excluded(action)) continue;
    EXPECT_TRUE(policy_names_action(policy, action))
        << action << " (sent by " << file << ") is not in `hopper iam-policy`: add it to report/iam_policy.cpp, "
        << "or, if no hopper command sends it, to k_not_for_operators in this test";
  }
}

TEST(IamPolicyTest, OperationsListedAsNotForOperatorsAreNotCalledByHopper) {
  const auto operations = operations_in_code();
  std::vector<std::pair<fs::path, std::string>> sources;
  for (const auto& entry : fs::recursive_directory_iterator(k_src)) {
    const auto rel = entry.path().lexically_relative(k_src);
    const std::string top = rel.begin()->string();
    if (top == "aws" || top == "sim") continue;
    if (entry.path().extension() == ".cpp" || entry.path().extension() == ".hpp") sources.emplace_back(rel, read(entry.path()));
  }
  for (const auto& x : k_not_for_operators) {
    bool known = false;
    for (const auto& [action, file] : operations) {
      known = known || action.substr(action.find(':') + 1) == x.operation;
    }
    EXPECT_TRUE(known) << x.operation << " is listed as not for operators but src/aws no longer sends it: drop the line";
    // A plain search (std::regex over every source file is slow under the sanitizers).
    const std::string call = std::string(x.folder) + "::" + x.function + "(";
    for (const auto& [path, text] : sources) {
      EXPECT_EQ(text.find(call), std::string::npos)
          << path.string() << " calls " << x.folder << "::" << x.function << " (" << x.operation
          << "), listed as never sent by a hopper command (" << x.why << "): add it to the operator policy";
    }
  }
}

TEST(IamPolicyTest, PolicyNamesNothingHopperDoesNotSend) {
  const auto operations = operations_in_code();
  const auto policy = operator_policy();  // kept alive: the loop walks into it
  for (const auto& statement : policy["Statement"]) {
    for (const auto& a : statement["Action"]) {
      const std::string action = a.get<std::string>();
      EXPECT_EQ(action.find('*'), std::string::npos) << "wildcard action " << action;
      EXPECT_TRUE(operations.count(action) || k_side_permissions.count(action))
          << action << " is in the policy but no typed call sends it";
      EXPECT_FALSE(excluded(action) && !k_side_permissions.count(action)) << action << " is listed as not for operators";
    }
  }
}

TEST(IamPolicyTest, ScopedWhereAwsAllowsAndNeverStar) {
  const std::set<std::string> unscoped_iam = {"iam:ListRoles", "iam:ListInstanceProfiles", "sts:GetCallerIdentity"};
  const auto policy = operator_policy();  // kept alive: the loop walks into it
  for (const auto& statement : policy["Statement"]) {
    EXPECT_EQ(statement["Effect"], "Allow");
    const std::string resource = statement["Resource"].is_string() ? statement["Resource"].get<std::string>() : "";
    for (const auto& a : statement["Action"]) {
      const std::string action = a.get<std::string>();
      const bool iam_or_ssm = action.rfind("iam:", 0) == 0 || action.rfind("ssm:", 0) == 0;
      if (iam_or_ssm && !unscoped_iam.count(action)) {
        EXPECT_NE(resource, "*") << action << " must be limited to hopper's paths";
      }
    }
  }
}

TEST(IamPolicyTest, AllowsHoppersOwnRolesProfilesAndParametersOnly) {
  const nlohmann::json policy = operator_policy();
  // Cloud::iam_path() and iam_name(): /hopper/<cluster>/<region>/<cluster>-<region>-<suffix>.
  const std::string role = "arn:aws:iam::123456789012:role/hopper/demo/eu-west-1/demo-eu-west-1-node";
  const std::string profile = "arn:aws:iam::123456789012:instance-profile/hopper/demo/eu-west-1/demo-eu-west-1-node";
  for (const char* action : {"iam:CreateRole", "iam:DeleteRole", "iam:PutRolePolicy", "iam:PassRole", "iam:TagRole"}) {
    EXPECT_TRUE(policy_allows(policy, action, role)) << action;
    EXPECT_FALSE(policy_allows(policy, action, "arn:aws:iam::123456789012:role/admin")) << action;
    EXPECT_FALSE(policy_allows(policy, action, "arn:aws:iam::123456789012:role/hopperish/x")) << action;
  }
  for (const char* action : {"iam:CreateInstanceProfile", "iam:AddRoleToInstanceProfile", "iam:DeleteInstanceProfile"}) {
    EXPECT_TRUE(policy_allows(policy, action, profile)) << action;
    EXPECT_FALSE(policy_allows(policy, action, "arn:aws:iam::123456789012:instance-profile/web")) << action;
  }
  EXPECT_FALSE(policy_allows(policy, "iam:PassRole", "arn:aws:iam::123456789012:role/OrganizationAccountAccessRole"));
  EXPECT_FALSE(policy_allows(policy, "iam:CreateUser", "*"));
  EXPECT_FALSE(policy_allows(policy, "iam:AttachRolePolicy", role));

  // Cloud::ssm_prefix(): /hopper/<cluster>/.
  const std::string parameter = "arn:aws:ssm:eu-west-1:123456789012:parameter/hopper/demo/bootstrap/ca.key";
  for (const char* action : {"ssm:GetParameter", "ssm:PutParameter", "ssm:DeleteParameter", "ssm:GetParametersByPath"}) {
    EXPECT_TRUE(policy_allows(policy, action, parameter)) << action;
    EXPECT_FALSE(policy_allows(policy, action, "arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db-password")) << action;
  }
  const std::string canonical =
      "arn:aws:ssm:eu-west-1::parameter" + std::string(model::k_ubuntu_ami_parameter);
  EXPECT_TRUE(policy_allows(policy, "ssm:GetParameter", canonical)) << canonical;
  EXPECT_FALSE(policy_allows(policy, "ssm:PutParameter", canonical));
}

TEST(IamPolicyTest, PartitionsAndWildcards) {
  const std::string text = operator_policy("aws-cn").dump();
  EXPECT_NE(text.find("arn:aws-cn:iam::*:role/hopper/*"), std::string::npos);
  EXPECT_EQ(text.find("arn:aws:"), std::string::npos);
  EXPECT_TRUE(iam_pattern_matches("ec2:Describe*", "ec2:describevpcs", true));
  EXPECT_FALSE(iam_pattern_matches("ec2:Describe*", "ec2:describevpcs", false));
  EXPECT_TRUE(iam_pattern_matches("a*b*c", "aXXbYYc"));
  EXPECT_TRUE(iam_pattern_matches("a?c", "abc"));
  EXPECT_FALSE(iam_pattern_matches("a?c", "ac"));
  EXPECT_TRUE(iam_pattern_matches("*", ""));
  EXPECT_FALSE(iam_pattern_matches("role/hopper/*", "role/hopper"));
}

}  // namespace
}  // namespace hopper::report

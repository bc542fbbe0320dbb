// hopper iam-policy: the least-privilege IAM policy an operator needs for every hopper command
// (report/iam_policy.hpp). No network call.
#include <ostream>

#include "cli/command.hpp"
#include "report/iam_policy.hpp"

namespace hopper::cli {
namespace {

struct IamPolicyFlags {
  std::string partition = "aws";
};

}  // namespace

void register_iam_policy(Registry& registry) {
  auto flags = std::make_shared<IamPolicyFlags>();
  CLI::App* sub = registry.add("iam-policy", "Print the least-privilege IAM policy (JSON) for running hopper",
                               [flags](Context& context) -> util::Result<util::ExitCode> {
                                 *context.out << report::operator_policy(flags->partition).dump(2) << "\n";
                                 return util::ExitCode::ok;
                               });
  sub->add_option("--partition", flags->partition, "AWS partition of the ARNs")
      ->check(CLI::IsMember({"aws", "aws-cn", "aws-us-gov"}))
      ->capture_default_str();
}

}  // namespace hopper::cli

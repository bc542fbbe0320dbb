// STS GetCallerIdentity: "are these credentials valid, and which account is this?" It needs no
// IAM permission, so it is the right probe before any other call.
#pragma once

#include <string>

#include "aws/core/session.hpp"

namespace hopper::aws::sts {

struct CallerIdentity {
  std::string account;
  std::string arn;
  std::string user_id;
};

util::Result<CallerIdentity> get_caller_identity(Session& session);

}  // namespace hopper::aws::sts

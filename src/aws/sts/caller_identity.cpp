#include "aws/sts/caller_identity.hpp"

#include "codec/xml.hpp"

namespace hopper::aws::sts {

util::Result<CallerIdentity> get_caller_identity(Session& session) {
  HOPPER_ASSIGN(const XmlResponse response, session.query(Service::sts, "GetCallerIdentity"));
  CallerIdentity identity;
  identity.account = codec::text(response.result(), "Account");
  identity.arn = codec::text(response.result(), "Arn");
  identity.user_id = codec::text(response.result(), "UserId");
  if (identity.account.empty()) return util::Error::failed("sts GetCallerIdentity: answer has no Account");
  return identity;
}

}  // namespace hopper::aws::sts

#include "aws/elb/client.hpp"

namespace hopper::aws::elb {

util::Result<XmlResponse> Client::call(const std::string& action, const QueryParams& params,
                                       CallOptions options) const {
  return m_session.query(Service::elb, action, params, options);
}

}  // namespace hopper::aws::elb

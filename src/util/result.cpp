#include "util/result.hpp"

namespace hopper::util {

Error::Error(std::string message, ExitCode exit_code, std::shared_ptr<const ErrorDetail> detail)
    : m_message(std::move(message)), m_exit_code(exit_code), m_detail(std::move(detail)) {}

Error& Error::context(const std::string& what) & {
  if (!what.empty()) m_message = what + ": " + m_message;
  return *this;
}

Error Error::context(const std::string& what) && {
  context(what);
  return std::move(*this);
}

}  // namespace hopper::util

#include "aws/core/error.hpp"

#include <array>

namespace hopper::aws {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

template <std::size_t N>
bool one_of(std::string_view code, const std::array<std::string_view, N>& list) {
  for (auto c : list) {
    if (c == code) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 15> k_throttling = {
    "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
    "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
    "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
    "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException", "ResourceContention"};

constexpr std::array<std::string_view, 6> k_transient = {
    "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete", "ConcurrentModification",
    "IDPCommunicationError", "InternalError"};

constexpr std::array<std::string_view, 15> k_auth = {
    "AuthFailure", "SignatureDoesNotMatch", "InvalidClientTokenId", "UnrecognizedClientException",
    "InvalidAccessKeyId", "ExpiredToken", "ExpiredTokenException", "RequestExpired", "AccessDenied",
    "AccessDeniedException", "UnauthorizedOperation", "MissingAuthenticationToken",
    "IncompleteSignature", "InvalidSignatureException", "OptInRequired"};

constexpr std::array<std::string_view, 10> k_not_found_exact = {
    "NoSuchEntity", "ParameterNotFound", "NatGatewayNotFound", "LoadBalancerNotFound",
    "AccessPointNotFound", "TargetGroupNotFound", "InvalidInstanceID.Malformed", "InvalidKeyPair.NotFound",
    "InvalidLaunchTemplateName.NotFoundException", "InvalidLaunchTemplateId.NotFound"};

constexpr std::array<std::string_view, 6> k_dependency = {
    "DependencyViolation", "DeleteConflict", "ResourceInUse", "ScalingActivityInProgress",
    "InvalidGroup.InUse", "InvalidIPAddress.InUse"};

constexpr std::array<std::string_view, 10> k_already_exists = {
    "EntityAlreadyExists", "InvalidPermission.Duplicate", "InvalidKeyPair.Duplicate", "InvalidGroup.Duplicate",
    "RouteAlreadyExists", "ParameterAlreadyExists", "AlreadyExists", "InvalidLaunchTemplateName.AlreadyExistsException",
    "DuplicateLoadBalancerName", "DuplicateTargetGroupName"};

}  // namespace

util::Error make_api_error(ApiError api) {
  std::string message = std::string(service_info(api.service).id) + " " + api.action + ": " + api.code;
  if (!api.message.empty()) message += ": " + api.message;
  if (!api.request_id.empty()) message += " (request " + api.request_id + ")";
  const auto exit_code = is_auth_code(api.code) ? util::ExitCode::credentials : util::ExitCode::failed;
  return util::Error(std::move(message), exit_code, std::make_shared<ApiError>(std::move(api)));
}

const ApiError* api_error(const util::Error& error) { return error.detail<ApiError>(); }

std::string error_code(const util::Error& error) {
  const ApiError* api = api_error(error);
  return api != nullptr ? api->code : std::string();
}

bool is_throttling_code(std::string_view code) { return one_of(code, k_throttling); }
bool is_transient_code(std::string_view code) { return one_of(code, k_transient); }
bool is_auth_code(std::string_view code) { return one_of(code, k_auth); }

bool is_not_found(const util::Error& error) {
  const std::string code = error_code(error);
  return ends_with(code, ".NotFound") || ends_with(code, "NotFoundException") || one_of(code, k_not_found_exact);
}

bool is_dependency_violation(const util::Error& error) { return one_of(error_code(error), k_dependency); }

bool is_throttled(const util::Error& error) { return is_throttling_code(error_code(error)); }

bool is_already_exists(const util::Error& error) {
  const std::string code = error_code(error);
  return one_of(code, k_already_exists) || ends_with(code, "AlreadyExists") ||
         ends_with(code, "AlreadyExistsException") || ends_with(code, ".Duplicate");
}

bool is_auth_failure(const util::Error& error) {
  return error.exit_code() == util::ExitCode::credentials || is_auth_code(error_code(error));
}

}  // namespace hopper::aws

// One error type for every AWS answer that is not a success, attached to util::Error as its
// detail, with the predicates the engine asks (not found, dependency violation, throttled,
// retryable) and the error-code constants we rely on.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <string>
#include <string_view>

#include "aws/core/service.hpp"
#include "util/result.hpp"

namespace hopper::aws {

struct ApiError : util::ErrorDetail {
  Service service = Service::ec2;
  std::string action;
  std::string code;        // AWS error code, e.g. "InvalidVpcID.NotFound"; "HTTP503" if none
  std::string message;
  std::string request_id;
  int http_status = 0;
};

// Builds the util::Error for `api`: "ec2 DeleteVpc: DependencyViolation: The vpc ... (request ...)",
// with ExitCode::credentials for authentication and authorisation failures.
util::Error make_api_error(ApiError api);

// The ApiError inside `error`, or nullptr (a transport failure, a local error).
const ApiError* api_error(const util::Error& error);
// The AWS code of `error`, or "" when it is not an AWS answer.
std::string error_code(const util::Error& error);

bool is_not_found(const util::Error& error);             // *.NotFound, NoSuchEntity, ParameterNotFound, ...
bool is_dependency_violation(const util::Error& error);  // DependencyViolation, DeleteConflict, ResourceInUse, ...
bool is_throttled(const util::Error& error);             // the SDKs' throttling codes
bool is_already_exists(const util::Error& error);        // *AlreadyExists, InvalidPermission.Duplicate, ...
bool is_auth_failure(const util::Error& error);          // bad/expired credentials, access denied

// Code-level classification (used by the retry loop on raw answers too).
bool is_throttling_code(std::string_view code);
bool is_transient_code(std::string_view code);
bool is_auth_code(std::string_view code);

namespace codes {
inline constexpr std::string_view dependency_violation = "DependencyViolation";
inline constexpr std::string_view invalid_permission_duplicate = "InvalidPermission.Duplicate";
inline constexpr std::string_view invalid_permission_not_found = "InvalidPermission.NotFound";
inline constexpr std::string_view invalid_key_pair_duplicate = "InvalidKeyPair.Duplicate";
inline constexpr std::string_view invalid_group_duplicate = "InvalidGroup.Duplicate";
inline constexpr std::string_view route_already_exists = "RouteAlreadyExists";
inline constexpr std::string_view resource_already_associated = "Resource.AlreadyAssociated";
inline constexpr std::string_view nat_gateway_not_found = "NatGatewayNotFound";
inline constexpr std::string_view invalid_nat_gateway_id_not_found = "InvalidNatGatewayID.NotFound";
inline constexpr std::string_view invalid_parameter_value = "InvalidParameterValue";
inline constexpr std::string_view incorrect_state = "IncorrectState";
inline constexpr std::string_view entity_already_exists = "EntityAlreadyExists";
inline constexpr std::string_view no_such_entity = "NoSuchEntity";
inline constexpr std::string_view delete_conflict = "DeleteConflict";
inline constexpr std::string_view limit_exceeded = "LimitExceeded";
inline constexpr std::string_view already_exists = "AlreadyExists";
inline constexpr std::string_view resource_in_use = "ResourceInUse";
inline constexpr std::string_view scaling_activity_in_progress = "ScalingActivityInProgress";
inline constexpr std::string_view validation_error = "ValidationError";
inline constexpr std::string_view parameter_not_found = "ParameterNotFound";
inline constexpr std::string_view parameter_already_exists = "ParameterAlreadyExists";
inline constexpr std::string_view dry_run_operation = "DryRunOperation";
inline constexpr std::string_view expired_token = "ExpiredToken";
inline constexpr std::string_view request_expired = "RequestExpired";
inline constexpr std::string_view load_balancer_not_found = "LoadBalancerNotFound";
inline constexpr std::string_view access_point_not_found = "AccessPointNotFound";
}  // namespace codes

}  // namespace hopper::aws

// The AWS services hopper speaks, with the facts needed to reach and sign for each.
// Pure data; thread-safe.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace hopper::aws {

enum class Service { ec2, iam, sts, ssm, autoscaling, elbv2, elb };

enum class Protocol { ec2_query, query, json };

struct ServiceInfo {
  Service service;
  std::string_view id;            // short name for logs: "ec2", "iam", "elbv2"
  std::string_view signing_name;  // SigV4 service name
  std::string_view endpoint_prefix;
  std::string_view env_suffix;    // AWS_ENDPOINT_URL_<suffix>
  std::string_view config_key;    // key in a [services x] section
  std::string_view api_version;   // Version= for query protocols
  Protocol protocol;
  std::string_view json_target_prefix;  // X-Amz-Target prefix for JSON services
  bool global;                    // one endpoint for all regions (IAM)
};

const ServiceInfo& service_info(Service service);
constexpr std::array<Service, 7> k_all_services = {Service::ec2, Service::iam, Service::sts, Service::ssm,
                                                   Service::autoscaling, Service::elbv2, Service::elb};

// The default endpoint of `service` in `region`: https://ec2.eu-west-1.amazonaws.com,
// https://iam.amazonaws.com (global), *.amazonaws.com.cn in China.
std::string default_endpoint(Service service, const std::string& region);
// The region to sign with: the region itself, except IAM (us-east-1, cn-north-1 in China,
// us-gov-west-1 in GovCloud).
std::string signing_region(Service service, const std::string& region);

}  // namespace hopper::aws

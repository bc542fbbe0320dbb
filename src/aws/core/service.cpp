#include "aws/core/service.hpp"

namespace hopper::aws {
namespace {

constexpr std::array<ServiceInfo, 7> k_services = {{
    {Service::ec2, "ec2", "ec2", "ec2", "EC2", "ec2", "2016-11-15", Protocol::ec2_query, "", false},
    {Service::iam, "iam", "iam", "iam", "IAM", "iam", "2010-05-08", Protocol::query, "", true},
    {Service::sts, "sts", "sts", "sts", "STS", "sts", "2011-06-15", Protocol::query, "", false},
    {Service::ssm, "ssm", "ssm", "ssm", "SSM", "ssm", "", Protocol::json, "AmazonSSM", false},
    {Service::autoscaling, "autoscaling", "autoscaling", "autoscaling", "AUTO_SCALING", "auto_scaling",
     "2011-01-01", Protocol::query, "", false},
    {Service::elbv2, "elbv2", "elasticloadbalancing", "elasticloadbalancing", "ELASTIC_LOAD_BALANCING_V2",
     "elastic_load_balancing_v2", "2015-12-01", Protocol::query, "", false},
    {Service::elb, "elb", "elasticloadbalancing", "elasticloadbalancing", "ELASTIC_LOAD_BALANCING",
     "elastic_load_balancing", "2012-06-01", Protocol::query, "", false},
}};

bool starts_with(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

const ServiceInfo& service_info(Service service) {
  for (const auto& info : k_services) {
    if (info.service == service) return info;
  }
  return k_services[0];
}

std::string default_endpoint(Service service, const std::string& region) {
  const ServiceInfo& info = service_info(service);
  const bool china = starts_with(region, "cn-");
  const std::string suffix = china ? "amazonaws.com.cn" : "amazonaws.com";
  if (info.global) {
    if (china) return "https://iam.cn-north-1.amazonaws.com.cn";
    if (starts_with(region, "us-gov-")) return "https://iam.us-gov.amazonaws.com";
    return "https://iam.amazonaws.com";
  }
  return "https://" + std::string(info.endpoint_prefix) + "." + region + "." + suffix;
}

std::string signing_region(Service service, const std::string& region) {
  if (!service_info(service).global) return region;
  if (starts_with(region, "cn-")) return "cn-north-1";
  if (starts_with(region, "us-gov-")) return "us-gov-west-1";
  return "us-east-1";
}

}  // namespace hopper::aws

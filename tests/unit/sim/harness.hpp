// A Frontend (the simulator without its socket) and signed requests to it, for unit tests.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "aws/core/service.hpp"
#include "aws/core/sigv4.hpp"
#include "sim/frontend.hpp"

namespace hopper::sim::test {

using Pairs = std::vector<std::pair<std::string, std::string>>;

struct SignOptions {
  std::string region = "eu-west-1";
  std::string access_key = "test";
  std::string secret_key = "test";
  bool sign = true;
  std::string tamper_body;  // replaces the body after signing when not empty
};

// An EC2/Query request: Action, Version, then `params`, signed as the SDKs sign it.
inline RawRequest query_request(aws::Service service, const std::string& action, const Pairs& params,
                                const SignOptions& options = {}) {
  const aws::ServiceInfo& info = aws::service_info(service);
  std::string body = "Action=" + action + "&Version=" + std::string(info.api_version);
  for (const auto& [k, v] : params) body += "&" + net::uri_encode(k) + "=" + net::uri_encode(v);
  RawRequest request{"POST", "/", {{"Host", "127.0.0.1:4566"}, {"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}}, body};
  if (options.sign) {
    aws::SigningInput input;
    input.method = "POST";
    input.path = "/";
    input.headers = request.headers;
    input.payload = body;
    input.region = service == aws::Service::iam ? "us-east-1" : options.region;
    input.service = std::string(info.signing_name);
    input.time = std::chrono::system_clock::now();
    aws::Credentials credentials{options.access_key, options.secret_key, "", std::nullopt, "test"};
    request.headers = aws::sign_v4(input, credentials).headers;
  }
  if (!options.tamper_body.empty()) request.body = options.tamper_body;
  return request;
}

inline RawRequest json_request(const std::string& operation, const nlohmann::json& body, const SignOptions& options = {}) {
  RawRequest request{"POST", "/", {{"Host", "127.0.0.1:4566"}, {"Content-Type", "application/x-amz-json-1.1"},
                                   {"X-Amz-Target", "AmazonSSM." + operation}}, body.dump()};
  aws::SigningInput input;
  input.method = "POST";
  input.path = "/";
  input.headers = request.headers;
  input.payload = request.body;
  input.region = options.region;
  input.service = "ssm";
  input.time = std::chrono::system_clock::now();
  request.headers = aws::sign_v4(input, {options.access_key, options.secret_key, "", std::nullopt, "test"}).headers;
  return request;
}

class Harness {
 public:
  explicit Harness(FrontendOptions options = {}) {
    auto created = Frontend::create(std::move(options));
    if (!created) {
      ADD_FAILURE() << created.error().message();
      return;
    }
    frontend = std::move(created).value();
  }
  RawResponse call(aws::Service service, const std::string& action, const Pairs& params = {}, const SignOptions& options = {}) {
    return frontend->handle(query_request(service, action, params, options));
  }
  RawResponse ec2(const std::string& action, const Pairs& params = {}) { return call(aws::Service::ec2, action, params); }
  // The text of the first element named `name` anywhere in `body`.
  static std::string find(const std::string& body, const std::string& name) {
    pugi::xml_document doc;
    doc.load_string(body.c_str());
    const auto node = doc.select_node(("//*[local-name()='" + name + "']").c_str());
    return node ? node.node().text().as_string() : "";
  }
  static int count(const std::string& body, const std::string& xpath_name) {
    pugi::xml_document doc;
    doc.load_string(body.c_str());
    return static_cast<int>(doc.select_nodes(("//*[local-name()='" + xpath_name + "']").c_str()).size());
  }
  std::unique_ptr<Frontend> frontend;
};

}  // namespace hopper::sim::test

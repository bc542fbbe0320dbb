// decode_error for each protocol, the ApiError predicates and messages, and robustness: canned
// garbage (malformed XML/JSON, empty, HTML, huge, deeply nested, binary) through decode_error and
// through every protocol's decode path and a representative set of typed operations. Nothing
// may crash; a 2xx that is not XML/JSON is "malformed response".
#include "aws/core/error.hpp"

#include <gtest/gtest.h>

#include "aws/autoscaling/groups.hpp"
#include "aws/core/session.hpp"
#include "aws/ec2/instances.hpp"
#include "aws/ec2/vpcs.hpp"
#include "aws/elbv2/load_balancers.hpp"
#include "aws/iam/roles.hpp"
#include "aws/ssm/parameters.hpp"
#include "aws/sts/caller_identity.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws {
namespace {

using Answer = test::RecordingTransport::Answer;

net::HttpResponse response(int status, std::string body, net::Headers headers = {}) {
  return net::HttpResponse{status, std::move(headers), std::move(body)};
}

// --- decode_error, one protocol at a time ---

TEST(ErrorTest, DecodesEc2Errors) {
  const ApiError api = decode_error(
      Service::ec2, "DeleteVpc",
      response(400, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>DependencyViolation</Code>"
                    "<Message>The vpc 'vpc-1' has dependencies and cannot be deleted.</Message></Error></Errors>"
                    "<RequestID>8f7724cf-496f-496e-8fe3-example</RequestID></Response>"));
  EXPECT_EQ(api.service, Service::ec2);
  EXPECT_EQ(api.action, "DeleteVpc");
  EXPECT_EQ(api.code, "DependencyViolation");
  EXPECT_EQ(api.message, "The vpc 'vpc-1' has dependencies and cannot be deleted.");
  EXPECT_EQ(api.request_id, "8f7724cf-496f-496e-8fe3-example");
  EXPECT_EQ(api.http_status, 400);
}

TEST(ErrorTest, DecodesQueryErrorsWhateverTheNamespace) {
  for (const std::string ns : {"", " xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"",
                               " xmlns=\"http://autoscaling.amazonaws.com/doc/2011-01-01/\""}) {
    const ApiError api = decode_error(
        Service::iam, "GetRole",
        response(404, "<ErrorResponse" + ns + "><Error><Type>Sender</Type><Code>NoSuchEntity</Code>"
                      "<Message>The role with name x cannot be found.</Message></Error>"
                      "<RequestId>4a1d-example</RequestId></ErrorResponse>"));
    EXPECT_EQ(api.code, "NoSuchEntity");
    EXPECT_EQ(api.message, "The role with name x cannot be found.");
    EXPECT_EQ(api.request_id, "4a1d-example");
  }
  // A prefixed namespace, as some proxies write it.
  const ApiError prefixed = decode_error(
      Service::sts, "GetCallerIdentity",
      response(403, "<e:ErrorResponse xmlns:e=\"urn:x\"><e:Error><e:Code>InvalidClientTokenId</e:Code>"
                    "<e:Message>bad</e:Message></e:Error></e:ErrorResponse>"));
  EXPECT_EQ(prefixed.code, "InvalidClientTokenId");
  // A bare <Error> root (S3-style front doors).
  EXPECT_EQ(decode_error(Service::sts, "X", response(403, "<Error><Code>AccessDenied</Code></Error>")).code,
            "AccessDenied");
}

TEST(ErrorTest, DecodesJsonErrors) {
  const ApiError api = decode_error(
      Service::ssm, "GetParameter",
      response(400, R"({"__type":"com.amazonaws.ssm#ParameterNotFound","message":"Parameter /x not found."})",
               {{"x-amzn-RequestId", "rid-json"}}));
  EXPECT_EQ(api.code, "ParameterNotFound");
  EXPECT_EQ(api.message, "Parameter /x not found.");
  EXPECT_EQ(api.request_id, "rid-json");
  EXPECT_EQ(decode_error(Service::ssm, "X", response(400, R"({"__type":"ValidationException","Message":"M"})")).message,
            "M");
  // x-amzn-query-error wins over the body, as in botocore.
  EXPECT_EQ(decode_error(Service::ssm, "X",
                         response(400, R"({"__type":"A"})", {{"x-amzn-query-error", "AWS.SimpleQueueService.B;Sender"}}))
                .code,
            "AWS.SimpleQueueService.B");
  // A JSON service whose front door answers in XML (emulators, proxies).
  EXPECT_EQ(decode_error(Service::ssm, "X",
                         response(403, "<ErrorResponse><Error><Code>InvalidSignatureException</Code></Error></ErrorResponse>"))
                .code,
            "InvalidSignatureException");
}

TEST(ErrorTest, UnreadableBodiesGiveTheHttpStatusAndAPrintableExcerpt) {
  const ApiError html = decode_error(
      Service::ec2, "DescribeVpcs",
      response(502, "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body>\tnginx</body></html>"));
  EXPECT_EQ(html.code, "HTTP502");
  EXPECT_EQ(html.http_status, 502);

  std::string binary;
  for (int i = 0; i < 1000; ++i) binary += static_cast<char>(i % 256);
  const ApiError junk = decode_error(Service::iam, "GetRole", response(500, binary));
  EXPECT_EQ(junk.code, "HTTP500");
  EXPECT_LE(junk.message.size(), 200u);
  for (char c : junk.message) EXPECT_TRUE(c >= 32 && c < 127) << static_cast<int>(c);

  EXPECT_EQ(decode_error(Service::ssm, "X", response(503, "")).code, "HTTP503");
  EXPECT_EQ(decode_error(Service::ssm, "X", response(400, R"({"__type": 5, "message": ["x"]})")).code, "HTTP400");
  EXPECT_EQ(decode_error(Service::ssm, "X", response(400, R"({"__type": "#"})")).code, "HTTP400");
  EXPECT_EQ(decode_error(Service::ssm, "X", response(400, "{}", {{"x-amzn-query-error", ""}})).code, "HTTP400");
}

// --- Predicates and messages ---

util::Error api(std::string code, Service service = Service::ec2) {
  ApiError e;
  e.service = service;
  e.action = "DoIt";
  e.code = std::move(code);
  return make_api_error(std::move(e));
}

TEST(ErrorTest, MessageCarriesServiceActionCodeMessageAndRequestId) {
  ApiError e;
  e.service = Service::elbv2;
  e.action = "DeleteTargetGroup";
  e.code = "ResourceInUse";
  e.message = "Target group is in use";
  e.request_id = "r-9";
  e.http_status = 400;
  const util::Error error = make_api_error(e);
  EXPECT_EQ(error.message(), "elbv2 DeleteTargetGroup: ResourceInUse: Target group is in use (request r-9)");
  EXPECT_EQ(error.exit_code(), util::ExitCode::failed);
  ASSERT_NE(api_error(error), nullptr);
  EXPECT_EQ(api_error(error)->http_status, 400);
  EXPECT_EQ(error_code(util::Error::failed("local")), "");
  EXPECT_EQ(api_error(util::Error::failed("local")), nullptr);
}

TEST(ErrorTest, Predicates) {
  for (const char* code : {"InvalidVpcID.NotFound", "InvalidInstanceID.NotFound", "NoSuchEntity", "ParameterNotFound",
                           "NatGatewayNotFound", "LoadBalancerNotFound", "TargetGroupNotFound",
                           "InvalidLaunchTemplateName.NotFoundException", "ResourceNotFoundException"}) {
    EXPECT_TRUE(is_not_found(api(code))) << code;
  }
  for (const char* code : {"DependencyViolation", "DeleteConflict", "ResourceInUse", "InvalidGroup.InUse"}) {
    EXPECT_TRUE(is_dependency_violation(api(code))) << code;
  }
  for (const char* code : {"Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException",
                           "SlowDown", "EC2ThrottledException", "RequestThrottledException"}) {
    EXPECT_TRUE(is_throttled(api(code))) << code;
    EXPECT_TRUE(is_throttling_code(code)) << code;
  }
  for (const char* code : {"EntityAlreadyExists", "InvalidPermission.Duplicate", "InvalidKeyPair.Duplicate",
                           "ParameterAlreadyExists", "RouteAlreadyExists", "DuplicateTargetGroupName"}) {
    EXPECT_TRUE(is_already_exists(api(code))) << code;
  }
  for (const char* code : {"AuthFailure", "SignatureDoesNotMatch", "InvalidClientTokenId", "ExpiredToken",
                           "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnrecognizedClientException"}) {
    EXPECT_TRUE(is_auth_failure(api(code))) << code;
    EXPECT_EQ(api(code).exit_code(), util::ExitCode::credentials) << code;
  }
  for (const char* code : {"RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"}) {
    EXPECT_TRUE(is_transient_code(code)) << code;
  }
  // Quota errors that will not clear soon are not throttling.
  for (const char* code : {"InstanceLimitExceeded", "VcpuLimitExceeded", "AddressLimitExceeded", "LimitExceeded"}) {
    EXPECT_FALSE(is_throttling_code(code)) << code;
    EXPECT_FALSE(is_transient_code(code)) << code;
  }
  const util::Error plain = api("InvalidParameterValue");
  EXPECT_FALSE(is_not_found(plain));
  EXPECT_FALSE(is_dependency_violation(plain));
  EXPECT_FALSE(is_throttled(plain));
  EXPECT_FALSE(is_already_exists(plain));
  EXPECT_FALSE(is_auth_failure(plain));
  EXPECT_FALSE(is_not_found(util::Error::failed("InvalidVpcID.NotFound")));  // text is not a code
}

// --- Garbage everywhere ---

std::vector<std::pair<std::string, std::string>> garbage() {
  std::vector<std::pair<std::string, std::string>> out = {
      {"empty", ""},
      {"one angle", "<"},
      {"unclosed", "<Response><Errors><Error><Code>Unclosed"},
      {"html", "<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body><h1>503</h1></body></html>"},
      {"html fragment", "<html><body>Welcome"},
      {"json in xml land", R"({"__type":"ValidationException"})"},
      {"xml in json land", "<DescribeVpcsResponse><vpcSet><item><vpcId>vpc-1</vpcId></item></vpcSet></DescribeVpcsResponse>"},
      {"json null", "null"},
      {"json array", "[1,2,3]"},
      {"json string", "\"Parameter\""},
      {"json wrong types",
       R"({"Parameter": {"Name": 5, "Version": "x", "LastModifiedDate": "y"}, "Parameters": 7, "NextToken": ["a"]})"},
      {"json huge numbers", R"({"Parameter": {"Version": 1e308, "LastModifiedDate": -1e308}})"},
      {"wrong shape", "<DescribeVpcsResponse><vpcSet>text<item/><item><tagSet><item/></tagSet></item></vpcSet>"
                      "<reservationSet><item><instancesSet><item><instanceState><code>x</code></instanceState>"
                      "</item></instancesSet></item></reservationSet></DescribeVpcsResponse>"},
      {"entities", "<a>&bogus;&#0;&#xFFFFFFFF;</a>"},
      {"doctype bomb", "<!DOCTYPE a [<!ENTITY x \"xxxxxxxx\"><!ENTITY y \"&x;&x;&x;&x;\">]><a>&y;&y;&y;</a>"},
      {"utf8 junk", "<a>\xff\xfe\xc3\x28\xe2\x82</a>"},
  };
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>((i * 7919) % 256);
  out.emplace_back("binary", binary);
  out.emplace_back("nul bytes", std::string("<Response>\0<Errors>\0</Errors></Response>", 40));
  out.emplace_back("huge text", std::string(8 * 1024 * 1024, 'x'));
  std::string huge_xml = "<DescribeVpcsResponse><vpcSet>";
  while (huge_xml.size() < 4 * 1024 * 1024) huge_xml += "<item><vpcId>vpc-1</vpcId><tagSet><item><key>k</key></item></tagSet></item>";
  out.emplace_back("huge xml", huge_xml + "</vpcSet></DescribeVpcsResponse>");
  std::string deep_xml;
  for (int i = 0; i < 100000; ++i) deep_xml += "<a>";
  out.emplace_back("deep xml", deep_xml);
  out.emplace_back("deep json", std::string(100000, '['));
  std::string deep_closed;
  for (int i = 0; i < 20000; ++i) deep_closed += "{\"a\":";
  deep_closed += "1";
  deep_closed += std::string(20000, '}');
  out.emplace_back("deep closed json", deep_closed);
  return out;
}

TEST(ErrorTest, DecodeErrorNeverCrashesOnGarbage) {
  for (const auto& [name, body] : garbage()) {
    SCOPED_TRACE(name);
    for (Service service : k_all_services) {
      for (int status : {400, 403, 500, 503}) {
        const ApiError api = decode_error(service, "Op", response(status, body, {{"x-amzn-query-error", body.substr(0, 64)}}));
        EXPECT_FALSE(api.code.empty());
        EXPECT_EQ(api.http_status, status);
        EXPECT_LE(api.message.size(), body.size() + 200);
      }
    }
  }
}

struct Harness {
  test::RecordingTransport transport;
  test::FakeClock clock;
  test::ScriptedRandom random;
  Session session{AwsConfig{}, "eu-west-1", static_credentials({"AKID", "SECRET", "", std::nullopt, "t"}), transport,
                  clock, random};
};

// Runs a representative typed operation of every service; each either succeeds or fails, and
// the number of requests stays bounded.
std::vector<std::pair<std::string, bool>> run_all(Session& session) {
  const ec2::Client ec2(session);
  const iam::Client iam(session);
  const autoscaling::Client asg(session);
  const ssm::Client ssm(session);
  const elbv2::Client elbv2(session);
  return {
      {"ec2 describe_vpcs", ec2::describe_vpcs(ec2).ok()},
      {"ec2 describe_instances", ec2::describe_instances(ec2).ok()},
      {"iam get_role", iam::get_role(iam, "r").ok()},
      {"iam list_roles", iam::list_roles(iam).ok()},
      {"autoscaling describe", autoscaling::describe_auto_scaling_groups(asg).ok()},
      {"ssm get_parameter", ssm::get_parameter(ssm, "/p", true).ok()},
      {"ssm by path", ssm::get_parameters_by_path(ssm, "/p", true, true).ok()},
      {"ssm describe", ssm::describe_parameters(ssm).ok()},
      {"elbv2 describe", elbv2::describe_load_balancers(elbv2).ok()},
      {"sts", sts::get_caller_identity(session).ok()},
  };
}

TEST(ErrorTest, TypedOperationsSurviveGarbageSuccesses) {
  for (const auto& [name, body] : garbage()) {
    SCOPED_TRACE(name);
    Harness h;
    h.transport.set_fallback([body = body](const net::HttpRequest&) { return Answer::ok(body, 200); });
    const auto outcomes = run_all(h.session);
    EXPECT_LE(h.transport.requests().size(), outcomes.size());  // no retries of a 200, no endless pages
    EXPECT_TRUE(h.clock.sleeps().empty());
  }
}

TEST(ErrorTest, TypedOperationsSurviveGarbageErrors) {
  for (const auto& [name, body] : garbage()) {
    SCOPED_TRACE(name);
    Harness h;
    h.transport.set_fallback([body = body](const net::HttpRequest&) { return Answer::ok(body, 400); });
    for (const auto& [op, ok] : run_all(h.session)) EXPECT_FALSE(ok) << op;
    EXPECT_EQ(h.transport.requests().size(), 10u);  // a 400 without a retryable code: once each
  }
}

TEST(ErrorTest, SsmNumbersOutOfRangeFallBackInsteadOfOverflowing) {
  // A float cast to long long out of its range is undefined behaviour: decoders must not do it.
  const auto huge = ssm::decode_parameter(nlohmann::json::parse(R"({"Version": 1e300, "LastModifiedDate": 1e300})"));
  EXPECT_EQ(huge.version, 0);
  EXPECT_EQ(huge.last_modified, "");
  const auto negative = ssm::decode_parameter_metadata(nlohmann::json::parse(R"({"Version": -1e19})"));
  EXPECT_EQ(negative.version, 0);
  EXPECT_EQ(ssm::decode_parameter(nlohmann::json::parse(R"({"Version": 12.0})")).version, 12);
  EXPECT_EQ(ssm::decode_parameter(nlohmann::json::parse(R"({"Version": 7})")).version, 7);
}

TEST(ErrorTest, NonXmlSuccessIsMalformedForEveryQueryService) {
  for (Service service : {Service::ec2, Service::iam, Service::sts, Service::autoscaling, Service::elbv2, Service::elb}) {
    Harness h;
    h.transport.push(Answer::ok("<html><body>captive portal", 200));
    auto result = h.session.query(service, "DescribeThings");
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message().find("malformed response"), std::string::npos) << result.error().message();
    EXPECT_EQ(h.transport.requests().size(), 1u);
  }
}

}  // namespace
}  // namespace hopper::aws

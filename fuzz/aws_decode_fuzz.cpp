// libFuzzer target: arbitrary bytes as AWS answers. The first byte picks what to feed:
//   0-6  decode_error for each service (status and an x-amzn-query-error header from the byte);
//   7    codec::parse_xml, then every typed XML decoder on every element (bounded);
//   8    nlohmann::json, then the SSM decoders on the document and its nested objects;
//   9    codec::parse_ini (the ~/.aws files);
//   10+  a whole Session call (query or JSON, any status, an x-amz-retry-after header) answered
//        with the bytes, through a typed operation with pagination and retries, never sleeping.
// Nothing may crash, hang, leak or trip a sanitizer. Run by scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <string>

#include "aws/autoscaling/groups.hpp"
#include "aws/autoscaling/launch_configurations.hpp"
#include "aws/core/session.hpp"
#include "aws/ec2/addresses.hpp"
#include "aws/ec2/availability_zones.hpp"
#include "aws/ec2/images.hpp"
#include "aws/ec2/instance_types.hpp"
#include "aws/ec2/instances.hpp"
#include "aws/ec2/internet_gateways.hpp"
#include "aws/ec2/key_pairs.hpp"
#include "aws/ec2/launch_template_data.hpp"
#include "aws/ec2/launch_templates.hpp"
#include "aws/ec2/nat_gateways.hpp"
#include "aws/ec2/network_interfaces.hpp"
#include "aws/ec2/route_tables.hpp"
#include "aws/ec2/security_groups.hpp"
#include "aws/ec2/snapshots.hpp"
#include "aws/ec2/subnets.hpp"
#include "aws/ec2/tags.hpp"
#include "aws/ec2/volumes.hpp"
#include "aws/ec2/vpcs.hpp"
#include "aws/elb/load_balancers.hpp"
#include "aws/elbv2/load_balancers.hpp"
#include "aws/elbv2/target_groups.hpp"
#include "aws/iam/instance_profiles.hpp"
#include "aws/iam/roles.hpp"
#include "aws/iam/users_policies.hpp"
#include "aws/ssm/parameters.hpp"
#include "aws/sts/caller_identity.hpp"
#include "codec/ini.hpp"
#include "codec/xml.hpp"

namespace {

using namespace hopper;

constexpr int k_max_elements = 128;

// Answers every request with the fuzzer's bytes.
class ReplayTransport final : public net::Transport {
 public:
  ReplayTransport(int status, std::string body, net::Headers headers)
      : m_response{status, std::move(headers), std::move(body)} {}
  util::Result<net::HttpResponse> send(const net::HttpRequest&) override {
    if (++m_sent > 64) {
      return util::Error("fuzz: too many requests", util::ExitCode::failed,
                         std::make_shared<net::TransportError>(net::TransportError::Kind::other));
    }
    return m_response;
  }

 private:
  net::HttpResponse m_response;
  int m_sent = 0;
};

// Time that only moves when slept on.
class StillClock final : public util::Clock {
 public:
  WallTime wall_now() const override { return m_wall; }
  Instant now() const override { return m_now; }
  void sleep_for(std::chrono::milliseconds d) override {
    m_wall += d;
    m_now += d;
  }

 private:
  WallTime m_wall = std::chrono::system_clock::from_time_t(1'767'225'600);
  Instant m_now{};
};

class HalfRandom final : public util::Random {
 public:
  double uniform() override { return 0.5; }
  std::string bytes(std::size_t n) override { return std::string(n, 'x'); }
};

void every_xml_decoder(const pugi::xml_node& node) {
  namespace ec2 = aws::ec2;
  (void)ec2::decode_vpc(node);
  (void)ec2::decode_subnet(node);
  (void)ec2::decode_instance(node);
  (void)ec2::decode_reservation(node);
  (void)ec2::decode_instance_state_change(node);
  (void)ec2::decode_metadata_options(node);
  (void)ec2::decode_block_device(node);
  (void)ec2::decode_address(node);
  (void)ec2::decode_availability_zone(node);
  (void)ec2::decode_image(node);
  (void)ec2::decode_instance_type(node);
  (void)ec2::decode_internet_gateway(node);
  (void)ec2::decode_key_pair(node);
  (void)ec2::decode_launch_template_data(node);
  (void)ec2::decode_launch_template(node);
  (void)ec2::decode_nat_gateway(node);
  (void)ec2::decode_network_interface(node);
  (void)ec2::decode_route_table(node);
  (void)ec2::decode_route(node);
  (void)ec2::decode_route_table_association(node);
  (void)ec2::decode_security_group(node);
  (void)ec2::decode_ip_permission(node);
  (void)ec2::decode_snapshot(node);
  (void)ec2::decode_tag_description(node);
  (void)ec2::decode_volume(node);
  (void)ec2::decode_tags(node);
  (void)aws::iam::decode_role(node);
  (void)aws::iam::decode_instance_profile(node);
  (void)aws::iam::decode_user(node);
  (void)aws::iam::decode_access_key(node);
  (void)aws::autoscaling::decode_auto_scaling_group(node);
  (void)aws::autoscaling::decode_scaling_activity(node);
  (void)aws::autoscaling::decode_asg_tags(node);
  (void)aws::autoscaling::decode_launch_configuration(node);
  (void)aws::elbv2::decode_load_balancer(node);
  (void)aws::elbv2::decode_target_group(node);
  (void)aws::elb::decode_load_balancer(node);
}

void xml_decoders(const std::string& body) {
  pugi::xml_document document;
  if (!codec::parse_xml(body, document).ok()) return;
  int budget = k_max_elements;
  // Depth-first over the elements, without recursion (deep documents must not blow the stack).
  for (pugi::xml_node node = document.document_element(); node && budget > 0;) {
    if (node.type() == pugi::node_element) {
      every_xml_decoder(node);
      --budget;
    }
    if (node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node && !node.next_sibling()) node = node.parent();
    if (node) node = node.next_sibling();
  }
}

void json_decoders(const std::string& body) {
  const nlohmann::json document = nlohmann::json::parse(body, nullptr, false);
  if (document.is_discarded()) return;
  int budget = k_max_elements;
  const auto decode = [&budget](const nlohmann::json& value) {
    if (budget-- <= 0) return;
    (void)aws::ssm::decode_parameter(value);
    (void)aws::ssm::decode_parameter_metadata(value);
    (void)aws::ssm::decode_tags(value);
  };
  decode(document);
  if (!document.is_object()) return;
  for (const auto& [key, value] : document.items()) {
    decode(value);
    if (value.is_array()) {
      for (const auto& item : value) decode(item);
    }
  }
}

void session_call(std::uint8_t selector, const std::string& body) {
  static const int k_statuses[] = {200, 200, 200, 400, 403, 404, 409, 429, 500, 503};
  const int status = k_statuses[(selector >> 4) % 10];
  net::Headers headers;
  if (selector & 0x08) headers.emplace_back("x-amz-retry-after", body.substr(0, 8));
  ReplayTransport transport(status, body, headers);
  StillClock clock;
  HalfRandom random;
  aws::AwsConfig config;
  aws::Session session(config, "eu-west-1", aws::static_credentials({"AKID", "SECRET", "", std::nullopt, "fuzz"}),
                       transport, clock, random);
  switch (selector % 6) {
    case 0: (void)aws::ec2::describe_instances(aws::ec2::Client(session)); break;
    case 1: (void)aws::iam::get_role(aws::iam::Client(session), "r"); break;
    case 2: (void)aws::autoscaling::describe_auto_scaling_groups(aws::autoscaling::Client(session)); break;
    case 3: (void)aws::ssm::get_parameters_by_path(aws::ssm::Client(session), "/p", true, true); break;
    case 4: (void)aws::sts::get_caller_identity(session); break;
    default: (void)aws::ec2::describe_vpcs(aws::ec2::Client(session)); break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t selector = data[0];
  const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
  const int mode = selector % 16;
  if (mode < 7) {
    const aws::Service service = aws::k_all_services[static_cast<std::size_t>(mode)];
    const int status = (selector & 0x10) ? 500 : 400;
    net::Headers headers;
    if (selector & 0x20) headers.emplace_back("x-amzn-query-error", body.substr(0, 32));
    if (selector & 0x40) headers.emplace_back("x-amzn-RequestId", body.substr(0, 16));
    (void)aws::decode_error(service, "Op", net::HttpResponse{status, headers, body});
  } else if (mode == 7) {
    xml_decoders(body);
  } else if (mode == 8) {
    json_decoders(body);
  } else if (mode == 9) {
    (void)codec::parse_ini(body, "fuzz");
  } else {
    session_call(static_cast<std::uint8_t>(selector - 10), body);
  }
  return 0;
}

// Availability zone requests checked against botocore's EC2 model; answers in AWS's shape decoded.
#include <gtest/gtest.h>

#include "unit/aws/encoding_harness.hpp"

#include "aws/ec2/availability_zones.hpp"
#include "support/botocore_model.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::aws::ec2 {
namespace {

using encoding::Params;
using Answer = test::RecordingTransport::Answer;

using Harness = encoding::Harness<Client>;

// Every problem botocore's EC2 model finds with `params` (the model is parsed once: it is large).
std::string problems(const std::string& operation, const Params& params) {
  static const test::BotocoreModel model("ec2");
  std::string out;
  for (const auto& p : model.check_query(operation, params)) out += p + "\n";
  return out;
}

std::optional<std::string> param(const Params& params, const std::string& name) {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  return std::nullopt;
}

TEST(Ec2AvailabilityZonesEncodingTest, MatchesTheModel) {
  Harness h;
  (void)describe_availability_zones(h.client);
  EXPECT_EQ(problems("DescribeAvailabilityZones", h.transport.params()), "");
  EXPECT_EQ(h.transport.params().size(), 2u);  // Action and Version only
  (void)describe_availability_zones(h.client, {"eu-west-1a", "eu-west-1b"});
  EXPECT_EQ(problems("DescribeAvailabilityZones", h.transport.params()), "");
  EXPECT_EQ(param(h.transport.params(), "ZoneName.2"), "eu-west-1b");
}

TEST(Ec2AvailabilityZonesEncodingTest, DecodesAwsShapedAnswer) {
  Harness h;
  h.transport.push(Answer::ok(R"(<DescribeAvailabilityZonesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
   <requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>
   <availabilityZoneInfo>
   <item>
      <zoneName>us-east-1a</zoneName>
      <zoneId>use1-az6</zoneId>
      <zoneState>available</zoneState>
      <optInStatus>opt-in-not-required</optInStatus>
      <regionName>us-east-1</regionName>
      <groupName>us-east-1</groupName>
      <networkBorderGroup>us-east-1</networkBorderGroup>
      <zoneType>availability-zone</zoneType>
      <messageSet/>
   </item>
   <item>
      <zoneName>us-east-1b</zoneName>
      <zoneId>use1-az1</zoneId>
      <zoneState>impaired</zoneState>
      <regionName>us-east-1</regionName>
      <messageSet><item><message>degraded</message></item></messageSet>
   </item>
   </availabilityZoneInfo>
</DescribeAvailabilityZonesResponse>)"));
  auto zones = describe_availability_zones(h.client);
  ASSERT_TRUE(zones.ok()) << zones.error().message();
  ASSERT_EQ(zones->size(), 2u);
  EXPECT_EQ(zones->at(0).name, "us-east-1a");
  EXPECT_EQ(zones->at(0).zone_id, "use1-az6");
  EXPECT_EQ(zones->at(0).state, "available");
  EXPECT_EQ(zones->at(0).region, "us-east-1");
  EXPECT_EQ(zones->at(0).zone_type, "availability-zone");
  EXPECT_EQ(zones->at(0).opt_in_status, "opt-in-not-required");
  EXPECT_EQ(zones->at(1).state, "impaired");
}

}  // namespace
}  // namespace hopper::aws::ec2

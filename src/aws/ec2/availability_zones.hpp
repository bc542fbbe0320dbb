// EC2 availability zones of the session's region.
//
// Thread-safety: a free function over a shared Client; safe to call from several threads.
#pragma once

#include <string>
#include <vector>

#include "aws/ec2/client.hpp"

namespace hopper::aws::ec2 {

struct AvailabilityZone {
  std::string name;     // "eu-west-1a" (the letter-to-zone mapping differs between accounts)
  std::string zone_id;  // "euw1-az1" (the same physical zone in every account)
  std::string state;    // available | information | impaired | unavailable
  std::string region;
  std::string zone_type;      // availability-zone | local-zone | wavelength-zone
  std::string opt_in_status;  // opt-in-not-required | opted-in | not-opted-in
};

// The zones of the region that the account may use (or only `names`, ZoneName.N). Not
// paginated by AWS. Errors: InvalidParameterValue for an unknown zone name.
util::Result<std::vector<AvailabilityZone>> describe_availability_zones(const Client& client,
                                                                        const std::vector<std::string>& names = {});

// Decoder (an availabilityZoneInfo <item>), exposed for tests.
AvailabilityZone decode_availability_zone(const pugi::xml_node& node);

}  // namespace hopper::aws::ec2

#include "aws/ec2/availability_zones.hpp"

namespace hopper::aws::ec2 {

AvailabilityZone decode_availability_zone(const pugi::xml_node& node) {
  AvailabilityZone zone;
  zone.name = codec::text(node, "zoneName");
  zone.zone_id = codec::text(node, "zoneId");
  zone.state = codec::text(node, "zoneState");
  zone.region = codec::text(node, "regionName");
  zone.zone_type = codec::text(node, "zoneType");
  zone.opt_in_status = codec::text(node, "optInStatus");
  return zone;
}

util::Result<std::vector<AvailabilityZone>> describe_availability_zones(const Client& client,
                                                                        const std::vector<std::string>& names) {
  QueryParams params;
  params.ec2_list("ZoneName", names);
  HOPPER_ASSIGN(const XmlResponse response, client.call("DescribeAvailabilityZones", params));
  std::vector<AvailabilityZone> out;
  for (const auto& item : codec::items(response.result(), "availabilityZoneInfo")) {
    out.push_back(decode_availability_zone(item));
  }
  return out;
}

}  // namespace hopper::aws::ec2

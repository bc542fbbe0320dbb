#include "aws/ec2/volumes.hpp"

namespace hopper::aws::ec2 {

Volume decode_volume(const pugi::xml_node& node) {
  Volume volume;
  volume.id = codec::text(node, "volumeId");
  volume.size_gib = static_cast<int>(codec::int_text(node, "size"));
  volume.volume_type = codec::text(node, "volumeType");
  volume.state = codec::text(node, "status");
  volume.availability_zone = codec::text(node, "availabilityZone");
  volume.encrypted = codec::bool_text(node, "encrypted");
  volume.snapshot_id = codec::text(node, "snapshotId");
  volume.create_time = codec::text(node, "createTime");
  for (const auto& item : codec::items(node, "attachmentSet")) {
    volume.attachments.push_back(
        VolumeAttachment{codec::text(item, "instanceId"), codec::text(item, "device"), codec::text(item, "status")});
  }
  volume.tags = decode_tags(node);
  return volume;
}

util::Result<std::vector<Volume>> describe_volumes(const Client& client, const std::vector<Filter>& filters,
                                                   const std::vector<std::string>& ids) {
  QueryParams params;
  params.ec2_list("VolumeId", ids).filters(filters);
  // MaxResults 5..500, not allowed together with VolumeId.N.
  return client.paginate<Volume>("DescribeVolumes", params, "volumeSet", decode_volume, ids.empty() ? 500 : 0);
}

util::Result<Volume> create_volume(const Client& client, const std::string& availability_zone, int size_gib,
                                   const std::string& volume_type, const Tags& tags) {
  QueryParams params;
  params.set("AvailabilityZone", availability_zone).set("Size", size_gib);
  if (!volume_type.empty()) params.set("VolumeType", volume_type);
  params.tag_specification("volume", tags);
  HOPPER_ASSIGN(const XmlResponse response, client.call("CreateVolume", params));
  // CreateVolume answers the Volume fields directly under the root element.
  return decode_volume(response.result());
}

util::Status delete_volume(const Client& client, const std::string& volume_id) {
  QueryParams params;
  params.set("VolumeId", volume_id);
  HOPPER_TRY(client.call("DeleteVolume", params));
  return {};
}

}  // namespace hopper::aws::ec2

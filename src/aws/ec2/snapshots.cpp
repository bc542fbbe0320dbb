#include "aws/ec2/snapshots.hpp"

namespace hopper::aws::ec2 {

Snapshot decode_snapshot(const pugi::xml_node& node) {
  Snapshot snapshot;
  snapshot.id = codec::text(node, "snapshotId");
  snapshot.volume_id = codec::text(node, "volumeId");
  snapshot.state = codec::text(node, "status");
  snapshot.description = codec::text(node, "description");
  snapshot.owner_id = codec::text(node, "ownerId");
  snapshot.start_time = codec::text(node, "startTime");
  snapshot.volume_size_gib = static_cast<int>(codec::int_text(node, "volumeSize"));
  snapshot.encrypted = codec::bool_text(node, "encrypted");
  snapshot.tags = decode_tags(node);
  return snapshot;
}

util::Result<std::vector<Snapshot>> describe_snapshots(const Client& client, const std::vector<std::string>& owners,
                                                       const std::vector<Filter>& filters,
                                                       const std::vector<std::string>& ids) {
  QueryParams params;
  params.ec2_list("Owner", owners).ec2_list("SnapshotId", ids).filters(filters);
  // MaxResults 5..1000, not allowed together with SnapshotId.N.
  return client.paginate<Snapshot>("DescribeSnapshots", params, "snapshotSet", decode_snapshot,
                                   ids.empty() ? 1000 : 0);
}

util::Status delete_snapshot(const Client& client, const std::string& snapshot_id) {
  QueryParams params;
  params.set("SnapshotId", snapshot_id);
  HOPPER_TRY(client.call("DeleteSnapshot", params));
  return {};
}

}  // namespace hopper::aws::ec2

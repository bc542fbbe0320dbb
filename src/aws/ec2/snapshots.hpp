// EC2 EBS snapshots: describe (paginated) and delete, to clean up after images and volumes.
//
// Thread-safety: free functions over a shared Client; safe from any thread.
#pragma once

#include <string>
#include <vector>

#include "aws/ec2/client.hpp"

namespace hopper::aws::ec2 {

struct Snapshot {
  std::string id;  // snap-...
  std::string volume_id;
  std::string state;  // pending | completed | error | recoverable | recovering
  std::string description;
  std::string owner_id;
  std::string start_time;  // ISO 8601
  int volume_size_gib = 0;
  bool encrypted = false;
  Tags tags;
};

// Every snapshot matching `filters` owned by `owners` (Owner.N: "self", account ids, "amazon"),
// all pages; `ids` narrows to those ids (SnapshotId.N; MaxResults is then not sent, as AWS
// forbids the two together). Without `owners` AWS lists every snapshot you can restore,
// including public ones: pass {"self"} or an owner-id filter. Moto ignores Owner.N (it lists
// every snapshot, including those behind its stock AMIs): filters do work there.
// Errors: InvalidSnapshot.NotFound for an unknown id.
util::Result<std::vector<Snapshot>> describe_snapshots(const Client& client, const std::vector<std::string>& owners,
                                                       const std::vector<Filter>& filters = {},
                                                       const std::vector<std::string>& ids = {});
// Deletes `snapshot_id`. Errors: InvalidSnapshot.InUse while a registered image uses it,
// InvalidSnapshot.NotFound when unknown.
util::Status delete_snapshot(const Client& client, const std::string& snapshot_id);

// Decoder of a <snapshotSet><item>, exposed for tests.
Snapshot decode_snapshot(const pugi::xml_node& node);

}  // namespace hopper::aws::ec2

// EC2 EBS volumes: describe (paginated), create (tagged in the call) and delete — enough to
// find and sweep the volumes Kubernetes leaves behind (tagged kubernetes.io/cluster/<name>).
//
// Thread-safety: free functions over a shared Client; safe from any thread.
#pragma once

#include <string>
#include <vector>

#include "aws/ec2/client.hpp"

namespace hopper::aws::ec2 {

struct VolumeAttachment {
  std::string instance_id;
  std::string device;
  std::string state;  // attaching | attached | detaching | detached | busy
};

struct Volume {
  std::string id;  // vol-...
  int size_gib = 0;
  std::string volume_type;
  std::string state;  // creating | available | in-use | deleting | deleted | error
  std::string availability_zone;
  bool encrypted = false;
  std::string snapshot_id;  // the snapshot it was created from, empty if none
  std::string create_time;  // ISO 8601
  std::vector<VolumeAttachment> attachments;
  Tags tags;
};

// Every volume matching `filters` (all pages); `ids` narrows to those ids (VolumeId.N; MaxResults
// is then not sent, as AWS forbids the two together). Errors: InvalidVolume.NotFound.
util::Result<std::vector<Volume>> describe_volumes(const Client& client, const std::vector<Filter>& filters = {},
                                                   const std::vector<std::string>& ids = {});

// Creates an unattached volume of `size_gib` GiB and `volume_type` in `availability_zone` with
// `tags` set in the call (TagSpecification volume). State "creating" until ready on AWS.
util::Result<Volume> create_volume(const Client& client, const std::string& availability_zone, int size_gib,
                                   const std::string& volume_type, const Tags& tags);

// Deletes `volume_id`. Errors: VolumeInUse while attached (AWS; moto deletes anyway, see the
// tests), InvalidVolume.NotFound when unknown.
util::Status delete_volume(const Client& client, const std::string& volume_id);

// Decoder of a <volumeSet><item> or a CreateVolumeResponse root, exposed for tests.
Volume decode_volume(const pugi::xml_node& node);

}  // namespace hopper::aws::ec2

// Images (the stock Ubuntu images and CreateImage's, pending -> available), their snapshots,
// and EBS volumes.
#include "crypto/digest.hpp"
#include "sim/state/ec2_instances.hpp"
#include "sim/state/ec2_network.hpp"
#include "sim/state/families.hpp"
#include "util/strings.hpp"

namespace hopper::sim {
namespace {

std::string image_missing(const std::string& id) { return "The image id '[" + id + "]' does not exist"; }
std::string snapshot_missing(const std::string& id) { return "The snapshot '" + id + "' does not exist."; }
std::string volume_missing(const std::string& id) { return "The volume '" + id + "' does not exist."; }

bool owned_by(const Json& image, const std::vector<std::string>& owners) {
  if (owners.empty()) return true;
  for (const auto& owner : owners) {
    if (owner == "self" && image.value("imageOwnerId", "") == k_account) return true;
    if (owner == image.value("imageOwnerId", "")) return true;
    if (owner == image.value("imageOwnerAlias", "-")) return true;
  }
  return false;
}

Json describe_images(Call& call) {
  const auto owners = call.params.list("Owner");
  DescribeSpec spec{col::images, "ImageId", "imagesSet", image_missing, "InvalidAMIID.NotFound",
                    {{"image-id", at("imageId")},
                     {"name", at("name")},
                     {"architecture", at("architecture")},
                     {"root-device-type", at("rootDeviceType")},
                     {"root-device-name", at("rootDeviceName")},
                     {"virtualization-type", at("virtualizationType")},
                     {"state", at("imageState")},
                     {"owner-id", at("imageOwnerId")},
                     {"owner-alias", at("imageOwnerAlias")},
                     {"is-public", at("isPublic")},
                     {"description", at("description")},
                     {"image-type", at("imageType")},
                     {"platform", at("platform")},
                     {"block-device-mapping.snapshot-id", at("blockDeviceMapping[].ebs.snapshotId")},
                     {"block-device-mapping.volume-type", at("blockDeviceMapping[].ebs.volumeType")}},
                    nullptr};
  spec.listed = [owners](const Json& image) { return owned_by(image, owners); };
  Json out = describe(call, spec);
  if (!owners.empty() && !call.params.list("ImageId").empty()) {
    Json kept = Json::array();
    for (auto& image : out["imagesSet"]) if (owned_by(image, owners)) kept.push_back(image);
    out["imagesSet"] = kept;
  }
  return out;
}

Json create_image(Call& call) {
  const std::string instance_id = call.need("InstanceId");
  const std::string name = call.need("Name");
  Json& region = call.rs();
  Json& instance = need(call, col::instances, instance_id, "InvalidInstanceID.NotFound",
                        "The instance ID '" + instance_id + "' does not exist");
  const std::string state = instance["instanceState"].value("name", "");
  if (state != "running" && state != "stopped") {
    fail("IncorrectInstanceState", "Instance '" + instance_id + "' is not in a state from which an image can be created.");
  }
  if (name.size() < 3 || name.size() > 128) call.invalid("AMI names must be between 3 and 128 characters long.");
  for (auto& [id, image] : collection(region, col::images).items()) {
    if (image.value("name", "") == name && image.value("imageOwnerId", "") == k_account) {
      fail("InvalidAMIName.Duplicate", "AMI name " + name + " is already in use by AMI " + id);
    }
  }
  const std::string image_id = call.world.new_id("ami");
  const long long ready = call.world.now() + call.world.duration(180, 360);
  const Tags snapshot_tags = tag_specification(call.params, "snapshot");
  Json mappings = Json::array();
  for (const auto& mapping : instance["blockDeviceMapping"]) {
    const std::string volume_id = mapping["ebs"].value("volumeId", "");
    Json* volume = find(region, col::volumes, volume_id);
    const std::string snapshot_id = call.world.new_id("snap");
    insert(call.world, region, col::snapshots, snapshot_id,
           {{"snapshotId", snapshot_id}, {"volumeId", volume_id}, {"status", "pending"}, {"progress", "0%"},
            {"startTime", now_iso(call)}, {"ownerId", k_account}, {"volumeSize", volume ? (*volume)["size"] : Json(8)},
            {"encrypted", false}, {"storageTier", "standard"},
            {"description", "Created by CreateImage(" + instance_id + ") for " + image_id},
            {"tagSet", ec2_tag_set(snapshot_tags)}, {"_next", {{"state", "completed"}, {"at", ready}}}});
    mappings.push_back({{"deviceName", mapping["deviceName"]},
                        {"ebs", {{"snapshotId", snapshot_id}, {"volumeSize", volume ? (*volume)["size"] : Json(8)},
                                 {"deleteOnTermination", true}, {"volumeType", "gp3"}, {"encrypted", false}}}});
  }
  Json image = {{"imageId", image_id},
                {"name", name},
                {"description", call.get("Description")},
                {"imageState", "pending"},
                {"imageOwnerId", k_account},
                {"isPublic", false},
                {"architecture", instance["architecture"]},
                {"imageType", "machine"},
                {"creationDate", now_iso(call)},
                {"rootDeviceName", instance["rootDeviceName"]},
                {"rootDeviceType", "ebs"},
                {"virtualizationType", "hvm"},
                {"hypervisor", "xen"},
                {"enaSupport", true},
                {"platformDetails", "Linux/UNIX"},
                {"sourceInstanceId", instance_id},
                {"blockDeviceMapping", mappings},
                {"tagSet", ec2_tag_set(tag_specification(call.params, "image"))},
                {"_next", {{"state", "available"}, {"at", ready}}}};
  insert(call.world, region, col::images, image_id, std::move(image));
  advance_images(call.world, region, call.world.now());
  return {{"imageId", image_id}};
}

Json deregister_image(Call& call) {
  const std::string id = call.need("ImageId");
  Json& image = need(call, col::images, id, "InvalidAMIID.NotFound", image_missing(id));
  if (image.value("imageOwnerId", "") != k_account) {
    fail("AuthFailure", "Not authorized for image:" + id);
  }
  erase(call.world, call.rs(), col::images, id);
  return ok();
}

Json describe_snapshots(Call& call) {
  const auto owners = call.params.list("Owner");
  DescribeSpec spec{col::snapshots, "SnapshotId", "snapshotSet", snapshot_missing, "InvalidSnapshot.NotFound",
                    {{"snapshot-id", at("snapshotId")},
                     {"volume-id", at("volumeId")},
                     {"status", at("status")},
                     {"owner-id", at("ownerId")},
                     {"description", at("description")},
                     {"encrypted", at("encrypted")},
                     {"volume-size", at("volumeSize")}},
                    nullptr};
  spec.listed = [owners](const Json& snapshot) {
    for (const auto& owner : owners) {
      if (owner != "self" && owner != snapshot.value("ownerId", "")) return false;
    }
    return true;
  };
  return describe(call, spec);
}

Json delete_snapshot(Call& call) {
  const std::string id = call.need("SnapshotId");
  need(call, col::snapshots, id, "InvalidSnapshot.NotFound", snapshot_missing(id));
  for (auto& [image_id, image] : collection(call.rs(), col::images).items()) {
    for (const auto& mapping : image["blockDeviceMapping"]) {
      if (mapping.contains("ebs") && mapping["ebs"].value("snapshotId", "") == id) {
        fail("InvalidSnapshot.InUse", "The snapshot " + id + " is currently in use by " + image_id);
      }
    }
  }
  erase(call.world, call.rs(), col::snapshots, id);
  return ok();
}

Json create_volume(Call& call) {
  const std::string zone = call.need("AvailabilityZone");
  const auto zones = zone_names(call.region);
  if (std::find(zones.begin(), zones.end(), zone) == zones.end()) {
    call.invalid("Value (" + zone + ") for parameter availabilityZone is invalid.");
  }
  const long long size = call.number("Size", 0);
  if (size < 1 && !call.opt("SnapshotId")) call.missing("Size");
  const std::string id = call.world.new_id("vol");
  Json volume = {{"volumeId", id},
                 {"size", size > 0 ? size : 8},
                 {"volumeType", call.get("VolumeType", "gp2")},
                 {"status", call.world.instant() ? "available" : "creating"},
                 {"availabilityZone", zone},
                 {"createTime", now_iso(call)},
                 {"encrypted", call.flag("Encrypted", false)},
                 {"snapshotId", call.get("SnapshotId")},
                 {"multiAttachEnabled", false},
                 {"attachmentSet", Json::array()},
                 {"tagSet", ec2_tag_set(tag_specification(call.params, "volume"))}};
  if (!call.world.instant()) volume["_next"] = {{"state", "available"}, {"at", call.world.now() + call.world.duration(2, 5)}};
  Json& stored = insert(call.world, call.rs(), col::volumes, id, std::move(volume));
  return stored;
}

Json describe_volumes(Call& call) {
  DescribeSpec spec{col::volumes, "VolumeId", "volumeSet", volume_missing, "InvalidVolume.NotFound",
                    {{"volume-id", at("volumeId")},
                     {"status", at("status")},
                     {"availability-zone", at("availabilityZone")},
                     {"size", at("size")},
                     {"volume-type", at("volumeType")},
                     {"snapshot-id", at("snapshotId")},
                     {"attachment.instance-id", at("attachmentSet[].instanceId")},
                     {"attachment.status", at("attachmentSet[].status")},
                     {"attachment.delete-on-termination", at("attachmentSet[].deleteOnTermination")}},
                    nullptr};
  return describe(call, spec);
}

Json delete_volume(Call& call) {
  const std::string id = call.need("VolumeId");
  Json& volume = need(call, col::volumes, id, "InvalidVolume.NotFound", volume_missing(id));
  if (!volume["attachmentSet"].empty()) {
    fail("VolumeInUse", "Volume " + id + " is currently attached to " + volume["attachmentSet"][0].value("instanceId", ""));
  }
  erase(call.world, call.rs(), col::volumes, id);
  return ok();
}

}  // namespace

void advance_images(World& world, Json& region, long long now) {
  for (const char* name : {col::images, col::snapshots, col::volumes}) {
    for (auto& [id, item] : collection(region, name).items()) {
      if (!item.contains("_next")) continue;
      if (now < item["_next"].value("at", 0LL)) {
        world.due_at(item["_next"].value("at", 0LL));
        continue;
      }
      const std::string next = item["_next"].value("state", "");
      item.erase("_next");
      item[std::string(name) == col::images ? "imageState" : "status"] = next;
      if (std::string(name) == col::snapshots) item["progress"] = "100%";
      world.changed();
    }
  }
}

// The stock images of a region: Canonical's Ubuntu 24.04 (amd64, arm64) and 16.04 (amd64),
// with ids that depend on the region as AWS's do.
void seed_images(World& world, Json& region, const std::string& region_name) {
  struct Stock {
    const char* name;
    const char* arch;
    const char* description;
    const char* date;
  };
  const Stock stock[] = {
      {"ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250516", "x86_64",
       "Canonical, Ubuntu, 24.04, amd64 noble image", "2025-05-16T08:12:33.000Z"},
      {"ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20250516", "arm64",
       "Canonical, Ubuntu, 24.04, arm64 noble image", "2025-05-16T08:12:41.000Z"},
      {"ubuntu/images/hvm-ssd/ubuntu-xenial-16.04-amd64-server-20210430", "x86_64",
       "Canonical, Ubuntu, 16.04 LTS, amd64 xenial image build on 2021-04-30", "2021-04-30T14:02:11.000Z"},
  };
  for (const auto& s : stock) {
    const std::string hash = util::hex_encode(crypto::sha256(region_name + s.name));
    const std::string id = "ami-0" + hash.substr(0, 16);
    const std::string snapshot = "snap-0" + hash.substr(16, 16);
    Json image = {{"imageId", id},
                  {"name", s.name},
                  {"description", s.description},
                  {"imageState", "available"},
                  {"imageOwnerId", "099720109477"},
                  {"isPublic", true},
                  {"architecture", s.arch},
                  {"imageType", "machine"},
                  {"creationDate", s.date},
                  {"rootDeviceName", "/dev/sda1"},
                  {"rootDeviceType", "ebs"},
                  {"virtualizationType", "hvm"},
                  {"hypervisor", "xen"},
                  {"enaSupport", true},
                  {"sriovNetSupport", "simple"},
                  {"platformDetails", "Linux/UNIX"},
                  {"bootMode", std::string(s.arch) == "arm64" ? "uefi" : "uefi-preferred"},
                  {"blockDeviceMapping", Json::array({{{"deviceName", "/dev/sda1"},
                                                       {"ebs", {{"snapshotId", snapshot}, {"volumeSize", 8},
                                                                {"deleteOnTermination", true}, {"volumeType", "gp3"},
                                                                {"encrypted", false}}}},
                                                      {{"deviceName", "/dev/sdb"}, {"virtualName", "ephemeral0"}}})},
                  {"tagSet", Json::array()}};
    image["_seq"] = world.next_seq();
    collection(region, col::images)[id] = std::move(image);
  }
}

void register_ec2_images(Registry& r) {
  using aws::Service;
  r.add(Service::ec2, "DescribeImages", describe_images);
  r.add(Service::ec2, "CreateImage", create_image);
  r.add(Service::ec2, "DeregisterImage", deregister_image);
  r.add(Service::ec2, "DescribeSnapshots", describe_snapshots);
  r.add(Service::ec2, "DeleteSnapshot", delete_snapshot);
  r.add(Service::ec2, "CreateVolume", create_volume);
  r.add(Service::ec2, "DescribeVolumes", describe_volumes);
  r.add(Service::ec2, "DeleteVolume", delete_volume);
}

}  // namespace hopper::sim

// EC2 images (AMIs): describe (by owner, filter or id), create from an instance (tagged in the
// call), deregister.
//
// Thread-safety: free functions over a shared Client; safe from any thread.
#pragma once

#include <string>
#include <vector>

#include "aws/ec2/client.hpp"

namespace hopper::aws::ec2 {

struct Image {
  std::string id;  // ami-...
  std::string name;
  std::string description;
  std::string state;        // pending | available | invalid | deregistered | transient | failed | error
  std::string owner_id;     // 12-digit account
  std::string owner_alias;  // "amazon", "aws-marketplace", or empty
  std::string architecture;        // x86_64 | arm64 | i386 | ...
  std::string creation_date;       // ISO 8601 as AWS sends it (sorts chronologically)
  std::string root_device_name;    // /dev/sda1, /dev/xvda
  std::string root_device_type;    // ebs | instance-store
  std::string virtualization_type; // hvm | paravirtual
  std::string platform;            // "windows" or empty
  std::string deprecation_time;    // empty when not deprecated
  bool is_public = false;
  bool ena_support = false;
  std::vector<std::string> snapshot_ids;  // the EBS snapshots behind its block device mappings
  Tags tags;
};

struct DescribeImagesRequest {
  std::vector<std::string> owners;  // Owner.N: account ids, "self", "amazon", "aws-marketplace"
  std::vector<Filter> filters;      // e.g. {"name", {"ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"}}
  std::vector<std::string> ids;     // ImageId.N
};

// Every image matching `request` (follows NextToken when an answer carries one). MaxResults is
// never sent: the API version hopper speaks (botocore's 2016-11-15 model as Debian ships it) has no
// MaxResults for DescribeImages, and without it AWS answers everything in one page.
// Errors: InvalidAMIID.NotFound / InvalidAMIID.Malformed for bad `ids`. A deregistered image may
// come back as an empty list instead (moto always does that).
util::Result<std::vector<Image>> describe_images(const Client& client, const DescribeImagesRequest& request);

struct CreateImageRequest {
  std::string instance_id;
  std::string name;  // unique per account and region on AWS (moto accepts duplicates)
  std::string description;
  bool no_reboot = false;  // true: snapshot the running instance without stopping it
  Tags tags;               // set in the call on the image and on its snapshots (TagSpecification)
  // When false, `tags` go on the image only. AWS tags both; moto 5.2 fails with HTTP 500 on a
  // snapshot TagSpecification, so `hopper image build` sets this false on local endpoints.
  bool tag_snapshots = true;
};

// Starts creating an image of `request.instance_id`; returns the new image id (state "pending"
// on AWS until the snapshots finish, "available" at once on moto). CreateImage takes no
// ClientToken: after an ambiguous failure look the image up by name before retrying.
util::Result<std::string> create_image(const Client& client, const CreateImageRequest& request);

// Deregisters `image_id`. Its snapshots remain (delete them with delete_snapshot).
util::Status deregister_image(const Client& client, const std::string& image_id);

// Decoder of an <imagesSet><item>, exposed for tests.
Image decode_image(const pugi::xml_node& node);

}  // namespace hopper::aws::ec2

#include "aws/ec2/images.hpp"

namespace hopper::aws::ec2 {

Image decode_image(const pugi::xml_node& node) {
  Image image;
  image.id = codec::text(node, "imageId");
  image.name = codec::text(node, "name");
  image.description = codec::text(node, "description");
  image.state = codec::text(node, "imageState");
  image.owner_id = codec::text(node, "imageOwnerId");
  image.owner_alias = codec::text(node, "imageOwnerAlias");
  image.architecture = codec::text(node, "architecture");
  image.creation_date = codec::text(node, "creationDate");
  image.root_device_name = codec::text(node, "rootDeviceName");
  image.root_device_type = codec::text(node, "rootDeviceType");
  image.virtualization_type = codec::text(node, "virtualizationType");
  image.platform = codec::text(node, "platform");
  image.deprecation_time = codec::text(node, "deprecationTime");
  image.is_public = codec::bool_text(node, "isPublic");
  image.ena_support = codec::bool_text(node, "enaSupport");
  for (const auto& mapping : codec::items(node, "blockDeviceMapping")) {
    const std::string snapshot = codec::text(codec::child(mapping, "ebs"), "snapshotId");
    if (!snapshot.empty()) image.snapshot_ids.push_back(snapshot);
  }
  image.tags = decode_tags(node);
  return image;
}

util::Result<std::vector<Image>> describe_images(const Client& client, const DescribeImagesRequest& request) {
  QueryParams params;
  params.ec2_list("Owner", request.owners).ec2_list("ImageId", request.ids).filters(request.filters);
  // Page size 0: no MaxResults (not in the model we check against); NextToken is still followed.
  return client.paginate<Image>("DescribeImages", params, "imagesSet", decode_image, 0);
}

util::Result<std::string> create_image(const Client& client, const CreateImageRequest& request) {
  QueryParams params;
  params.set("InstanceId", request.instance_id).set("Name", request.name);
  if (!request.description.empty()) params.set("Description", request.description);
  if (request.no_reboot) params.set("NoReboot", true);
  params.tag_specification("image", request.tags);
  if (request.tag_snapshots) params.tag_specification("snapshot", request.tags);
  HOPPER_ASSIGN(const XmlResponse response, client.call("CreateImage", params));
  return codec::text(response.result(), "imageId");
}

util::Status deregister_image(const Client& client, const std::string& image_id) {
  QueryParams params;
  params.set("ImageId", image_id);
  HOPPER_TRY(client.call("DeregisterImage", params));
  return {};
}

}  // namespace hopper::aws::ec2

#include "aws/ec2/key_pairs.hpp"

#include "codec/base64.hpp"

namespace hopper::aws::ec2 {

KeyPair decode_key_pair(const pugi::xml_node& node) {
  KeyPair key;
  key.id = codec::text(node, "keyPairId");
  key.name = codec::text(node, "keyName");
  key.fingerprint = codec::text(node, "keyFingerprint");
  key.type = codec::text(node, "keyType");
  key.tags = decode_tags(node);
  return key;
}

util::Result<std::vector<KeyPair>> describe_key_pairs(const Client& client, const std::vector<Filter>& filters,
                                                      const std::vector<std::string>& names) {
  QueryParams params;
  params.ec2_list("KeyName", names).filters(filters);
  HOPPER_ASSIGN(const XmlResponse response, client.call("DescribeKeyPairs", params));
  std::vector<KeyPair> out;
  for (const auto& item : codec::items(response.result(), "keySet")) out.push_back(decode_key_pair(item));
  return out;
}

util::Result<KeyPair> import_key_pair(const Client& client, const std::string& name,
                                      const std::string& public_key_material, const Tags& tags) {
  QueryParams params;
  // PublicKeyMaterial is a blob in the model: botocore base64-encodes blobs on the wire.
  params.set("KeyName", name)
      .set("PublicKeyMaterial", codec::base64_encode(public_key_material))
      .tag_specification("key-pair", tags);
  HOPPER_ASSIGN(const XmlResponse response, client.call("ImportKeyPair", params));
  return decode_key_pair(response.result());
}

util::Status delete_key_pair(const Client& client, const std::string& name) {
  QueryParams params;
  params.set("KeyName", name);
  HOPPER_TRY(client.call("DeleteKeyPair", params));
  return {};
}

}  // namespace hopper::aws::ec2

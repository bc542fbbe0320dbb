// EC2 key pairs: import an OpenSSH public key (tagged in the call), describe, delete.
//
// Thread-safety: free functions over a shared Client; safe from any thread.
#pragma once

#include <string>
#include <vector>

#include "aws/ec2/client.hpp"

namespace hopper::aws::ec2 {

struct KeyPair {
  std::string id;           // key-0123...
  std::string name;
  std::string fingerprint;  // AWS's fingerprint (MD5 or SHA-256 form, as AWS computes it)
  std::string type;         // rsa | ed25519; empty in ImportKeyPair's answer, which does not carry it
  Tags tags;
};

// Every key pair matching `filters`; `names` narrows to those names (KeyName.N). DescribeKeyPairs
// does not page. Errors: InvalidKeyPair.NotFound when any of `names` is unknown.
util::Result<std::vector<KeyPair>> describe_key_pairs(const Client& client, const std::vector<Filter>& filters = {},
                                                      const std::vector<std::string>& names = {});
// Imports `public_key_material` (one OpenSSH line, e.g. "ssh-ed25519 AAAA... comment") as `name`,
// with `tags` set in the same call (TagSpecification key-pair). The material travels base64
// encoded, as the model's blob type requires. Errors: InvalidKeyPair.Duplicate when `name` exists,
// InvalidKey.Format when the material is not a supported public key.
util::Result<KeyPair> import_key_pair(const Client& client, const std::string& name,
                                      const std::string& public_key_material, const Tags& tags = {});
// Deletes the key pair `name`. AWS answers success for an unknown name (so does moto).
util::Status delete_key_pair(const Client& client, const std::string& name);

// Decoder of a <keySet><item> or an ImportKeyPairResponse root, exposed for tests.
KeyPair decode_key_pair(const pugi::xml_node& node);

}  // namespace hopper::aws::ec2

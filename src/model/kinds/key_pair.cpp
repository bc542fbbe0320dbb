#include "model/kinds/key_pair.hpp"

#include "aws/ec2/key_pairs.hpp"
#include "crypto/digest.hpp"
#include "model/kinds/common.hpp"
#include "util/strings.hpp"

namespace hopper::model::kinds {
namespace {

Observed observe(const aws::ec2::KeyPair& pair) {
  Observed observed;
  observed.id = pair.name;
  observed.tags = pair.tags;
  observed.attributes["fingerprint"] = pair.fingerprint;
  observed.attributes["key_pair_id"] = pair.id;
  add_tag_fields(observed.fields, pair.tags);
  return observed;
}

class KeyPairKind final : public Kind {
 public:
  std::string_view name() const override { return "key_pair"; }
  std::vector<std::string_view> delete_after() const override { return {}; }
  util::Result<Discovered> discover(Cloud& cloud) const override {
    HOPPER_ASSIGN(const auto pairs, aws::ec2::describe_key_pairs(cloud.ec2, cloud.owned_filters(), {}));
    Discovered out;
    for (const auto& pair : pairs) {
      if (cloud.is_owned(pair.tags)) keep_if_kind(out, name(), observe(pair));
    }
    return out;
  }
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    return aws::ec2::delete_key_pair(cloud.ec2, observed.id);
  }
};

const KeyPairKind k_kind;

class KeyPairResource final : public Resource {
 public:
  KeyPairResource(const std::string& key_name, const std::string& public_key)
      : Resource(k_kind, "main", key_name, {}), m_public_key(util::trim(public_key)) {}

  Fields desired(const State&) const override {
    Fields fields;
    add_tag_fields(fields, all_tags());
    return fields;
  }
  FieldRule rule(const std::string& field) const override {
    return field == "tag:" + std::string(k_tag_public_key_hash) ? FieldRule::replace : FieldRule::update;
  }

  util::Result<Observed> create(Cloud& cloud, const State&) const override {
    auto imported = aws::ec2::import_key_pair(cloud.ec2, display_name(), m_public_key, all_tags());
    if (!imported) {
      if (aws::error_code(imported.error()) != aws::codes::invalid_key_pair_duplicate) return std::move(imported).error();
      // A lost answer: the pair exists. Use it if it carries our key, otherwise say so.
      HOPPER_ASSIGN(const auto pairs, aws::ec2::describe_key_pairs(cloud.ec2, {}, {display_name()}));
      if (pairs.empty() || !pairs.front().tags.count(std::string(k_tag_public_key_hash)) ||
          pairs.front().tags.at(std::string(k_tag_public_key_hash)) != hash()) {
        return util::Error::failed("a key pair named " + display_name() + " exists that hopper did not import; delete it "
                                   "or rename the cluster");
      }
      return observe(pairs.front());
    }
    Observed observed = observe(*imported);
    observed.tags = all_tags();
    add_tag_fields(observed.fields, observed.tags);
    return observed;
  }

  util::Result<Observed> update(Cloud& cloud, const State&, const Observed& observed,
                                const std::vector<FieldChange>& changes) const override {
    // Tags go on the key pair's id (key-...), while every other call takes its name.
    const auto id = observed.attributes.find("key_pair_id");
    HOPPER_TRY(apply_ec2_tag_changes(cloud, id == observed.attributes.end() ? observed.id : id->second, changes));
    Observed updated = observed;
    for (const auto& [key, value] : changed_tags(changes)) updated.fields["tag:" + key] = value;
    return updated;
  }

 private:
  std::string hash() const { return crypto::sha256_hex(m_public_key); }
  aws::Tags all_tags() const {
    aws::Tags t = tags();
    t[std::string(k_tag_public_key_hash)] = hash();
    return t;
  }
  std::string m_public_key;
};

}  // namespace

const Kind& key_pair_kind() { return k_kind; }

std::unique_ptr<Resource> make_key_pair(const std::string& key_name, const std::string& public_key) {
  return std::make_unique<KeyPairResource>(key_name, public_key);
}

}  // namespace hopper::model::kinds

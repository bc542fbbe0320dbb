#include "model/cloud.hpp"

#include "crypto/digest.hpp"
#include "util/strings.hpp"

namespace hopper::model {

Cloud::Cloud(aws::Session& session, ClusterIdentity identity)
    : ec2(session),
      iam(session),
      autoscaling(session),
      ssm(session),
      elb(session),
      elbv2(session),
      m_session(session),
      m_identity(std::move(identity)) {}

std::string Cloud::cluster_tag_key() const { return "kubernetes.io/cluster/" + m_identity.name; }

aws::Tags owned_tags(const ClusterIdentity& cluster, const ResourceKey& key, const std::string& display_name) {
  aws::Tags tags = cluster.extra_tags;
  tags["Name"] = display_name;
  tags["kubernetes.io/cluster/" + cluster.name] = "owned";
  tags[std::string(k_tag_resource)] = key.str();
  return tags;
}

aws::Tags Cloud::owned_tags(const ResourceKey& key, const std::string& display_name) const {
  return model::owned_tags(m_identity, key, display_name);
}

std::vector<aws::Filter> Cloud::owned_filters() const {
  return {{"tag:" + cluster_tag_key(), {"owned"}}, {"tag-key", {std::string(k_tag_resource)}}};
}

bool Cloud::carries_owned_cluster_tag(const aws::Tags& tags) const {
  const auto it = tags.find(cluster_tag_key());
  return it != tags.end() && it->second == "owned";
}

bool Cloud::is_owned(const aws::Tags& tags) const {
  return carries_owned_cluster_tag(tags) && tags.count(std::string(k_tag_resource)) > 0;
}

std::optional<ResourceKey> Cloud::key_of(const aws::Tags& tags) {
  const auto it = tags.find(std::string(k_tag_resource));
  if (it == tags.end()) return std::nullopt;
  return ResourceKey::parse(it->second);
}

std::string Cloud::iam_path() const { return "/hopper/" + m_identity.name + "/" + m_identity.region + "/"; }

std::string Cloud::iam_name(const std::string& suffix) const {
  return m_identity.name + "-" + m_identity.region + "-" + suffix;
}

std::string Cloud::ssm_prefix() const { return "/hopper/" + m_identity.name + "/"; }

std::string Cloud::arn(const std::string& service, const std::string& resource, bool regional) const {
  return "arn:" + m_identity.partition + ":" + service + ":" + (regional ? m_identity.region : "") + ":" +
         m_identity.account_id + ":" + resource;
}

void Cloud::set_generation(std::string generation) {
  std::lock_guard lock(m_mutex);
  m_generation = std::move(generation);
}

std::string Cloud::generation() const {
  std::lock_guard lock(m_mutex);
  return m_generation;
}

std::string Cloud::client_token(const ResourceKey& key) const {
  // At most 64 ASCII characters (EC2's limit); hex of a digest is stable and opaque.
  const std::string material = m_identity.name + "|" + m_identity.region + "|" + key.str() + "|" + generation();
  return "hopper-" + crypto::sha256_hex(material).substr(0, 40);
}

std::shared_ptr<Cloud::Entry> Cloud::entry(const std::string& cache_key) {
  std::lock_guard lock(m_mutex);
  auto& e = m_cache[cache_key];
  if (!e) e = std::make_shared<Entry>();
  return e;
}

void Cloud::invalidate(const std::string& cache_key) {
  std::lock_guard lock(m_mutex);
  m_cache.erase(cache_key);
}

}  // namespace hopper::model

// Cloud: everything a resource needs to talk to AWS for one cluster — the service clients, the
// cluster's identity (name, region, account, generation), the tags and names hopper writes, and a
// per-run cache so that each kind's discovery is one batched call however many resources read it.
//
// Thread-safety: all methods may be called from several threads at once.
#pragma once

#include <any>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "aws/autoscaling/client.hpp"
#include "aws/core/session.hpp"
#include "aws/ec2/client.hpp"
#include "aws/elb/client.hpp"
#include "aws/elbv2/client.hpp"
#include "aws/iam/client.hpp"
#include "aws/ssm/client.hpp"
#include "model/resource.hpp"
#include "util/clock.hpp"

namespace hopper::model {

// Tag keys hopper writes.
inline constexpr std::string_view k_tag_resource = "hopper/resource";
inline constexpr std::string_view k_tag_generation_prefix = "hopper/generation/";
inline constexpr std::string_view k_tag_user_data_hash = "hopper/user-data-sha256";

struct ClusterIdentity {
  std::string name;
  std::string region;
  std::string account_id;  // from STS; "" until known
  std::string partition = "aws";
  aws::Tags extra_tags;    // the spec's tags, on every resource
};

// The tags of a hopper-owned object: the spec's extra tags, Name, the cluster tag (owned) and
// hopper/resource. Pure.
aws::Tags owned_tags(const ClusterIdentity& cluster, const ResourceKey& key, const std::string& display_name);

class Cloud {
 public:
  Cloud(aws::Session& session, ClusterIdentity identity);

  aws::Session& session() const { return m_session; }
  util::Clock& clock() const { return m_session.clock(); }
  const ClusterIdentity& cluster() const { return m_identity; }
  const aws::ec2::Client ec2;
  const aws::iam::Client iam;
  const aws::autoscaling::Client autoscaling;
  const aws::ssm::Client ssm;
  const aws::elb::Client elb;
  const aws::elbv2::Client elbv2;

  // kubernetes.io/cluster/<name>
  std::string cluster_tag_key() const;
  // The tags of a hopper-owned object: Name, the cluster tag (owned), hopper/resource and the
  // spec's extra tags.
  aws::Tags owned_tags(const ResourceKey& key, const std::string& display_name) const;
  // EC2 filters that select hopper-owned objects of this cluster (server side).
  std::vector<aws::Filter> owned_filters() const;
  // True when `tags` mark an object hopper owns for this cluster (checked client side too:
  // some endpoints ignore tag filters).
  bool is_owned(const aws::Tags& tags) const;
  // True when `tags` carry this cluster's tag with value "owned": what the Auto Scaling group's
  // workers carry (hopper/resource does not propagate to them), so is_owned() is false for them.
  bool carries_owned_cluster_tag(const aws::Tags& tags) const;
  // The ResourceKey in `tags`, if any.
  static std::optional<ResourceKey> key_of(const aws::Tags& tags);

  // IAM path for this cluster's roles and profiles: /hopper/<name>/<region>/.
  std::string iam_path() const;
  // IAM name: <name>-<region>-<suffix> (IAM is global; names carry the region).
  std::string iam_name(const std::string& suffix) const;
  // SSM prefix for this cluster's parameters: /hopper/<name>/.
  std::string ssm_prefix() const;
  // arn:<partition>:<service>:<region>:<account>:<resource>
  std::string arn(const std::string& service, const std::string& resource, bool regional = true) const;

  // The cluster's generation (a random id made at the first `up`, kept as a VPC tag).
  void set_generation(std::string generation);
  std::string generation() const;
  // A ClientToken for `key`: stable across runs of one generation, new after down+up.
  std::string client_token(const ResourceKey& key) const;

  // Runs `load` once per `cache_key` per run and keeps its result (errors are not kept).
  template <class T>
  util::Result<T> cached(const std::string& cache_key, const std::function<util::Result<T>()>& load);
  // Forgets a cached result.
  void invalidate(const std::string& cache_key);

 private:
  struct Entry {
    std::mutex mutex;
    std::optional<std::any> value;
  };
  std::shared_ptr<Entry> entry(const std::string& cache_key);

  aws::Session& m_session;
  ClusterIdentity m_identity;
  mutable std::mutex m_mutex;
  std::string m_generation;
  std::map<std::string, std::shared_ptr<Entry>> m_cache;
};

// --- Inline implementations ---

template <class T>
util::Result<T> Cloud::cached(const std::string& cache_key, const std::function<util::Result<T>()>& load) {
  const auto e = entry(cache_key);
  std::lock_guard lock(e->mutex);
  if (e->value) return std::any_cast<T>(*e->value);
  auto result = load();
  if (result) e->value = *result;
  return result;
}

}  // namespace hopper::model

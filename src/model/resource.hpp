// The resource model: what hopper manages, in the terms the engine understands.
//
// A Resource is one desired AWS object (a subnet, a route, the rule set of a security group...)
// identified by a ResourceKey ("subnet/private-eu-west-1a") that hopper writes into the object's
// `hopper/resource` tag, so that discovery maps what exists back to what is wanted. Each kind
// lives in its own file under model/kinds/ and reads top to bottom in the same order: desired
// fields, identity, dependencies, diff rules, find, create (+ wait), update, destroy.
//
// A Kind is the class-level side: how to discover everything of that kind that belongs to the
// cluster (one batched, tag-filtered call) and how to delete one of them, with which kinds must
// be gone first. `hopper down` works from Kinds alone, without a spec.
//
// Thread-safety: Resources and Kinds are immutable after construction; their I/O methods may run
// on several threads at once (for different resources).
#pragma once

#include <compare>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aws/core/query.hpp"
#include "util/result.hpp"

namespace hopper::model {

class Cloud;
class State;

struct ResourceKey {
  std::string kind;
  std::string name;
  std::string str() const { return kind + "/" + name; }
  static std::optional<ResourceKey> parse(std::string_view text);
  auto operator<=>(const ResourceKey&) const = default;
};

// Field name -> displayable value. Only the fields a kind manages; an absent field is "don't care".
using Fields = std::map<std::string, std::string>;

// The value of a field that depends on something not created yet.
inline constexpr std::string_view k_known_after_apply = "(known after apply)";

// What exists in AWS for a resource.
struct Observed {
  std::string id;      // the AWS id, name or ARN the kind's calls take
  Fields fields;       // current values of the managed fields
  aws::Tags tags;
  std::string state;   // AWS lifecycle state where there is one ("available", "running", ...)
  // Kind-specific extra values other resources may read (e.g. "public_ip", "arn", "version").
  std::map<std::string, std::string> attributes;
  bool shared = false;  // exists outside hopper's ownership (a spec's existing VPC): never deleted

  // The value of field / attribute `name`, or "" when it has none (readers that show a resource).
  std::string field(const std::string& name) const;
  std::string attribute(const std::string& name) const;
};

enum class FieldRule {
  update,   // changed in place
  replace,  // the resource must be deleted and created again
};

struct FieldChange {
  std::string field;
  std::string from;  // "" when absent
  std::string to;
  FieldRule rule = FieldRule::update;
};

class Kind;

// A kind's discovery: every object of the kind that belongs to the cluster, with its key.
using Discovered = std::vector<std::pair<ResourceKey, Observed>>;

class Resource {
 public:
  Resource(const Kind& kind, std::string name, std::string display_name, std::vector<ResourceKey> dependencies);
  virtual ~Resource() = default;
  Resource(const Resource&) = delete;
  Resource& operator=(const Resource&) = delete;

  const ResourceKey& key() const { return m_key; }
  const Kind& kind() const { return m_kind; }
  // The AWS Name tag value ("hopper-private-eu-west-1a").
  const std::string& display_name() const { return m_display_name; }
  const std::vector<ResourceKey>& dependencies() const { return m_dependencies; }
  // The tags hopper sets on the object (set by the builder; compared as "tag:<key>" fields).
  const aws::Tags& tags() const { return m_tags; }
  void set_tags(aws::Tags tags) { m_tags = std::move(tags); }

  // Desired values of the managed fields. Values derived from a dependency that does not exist
  // yet are k_known_after_apply. Pure.
  virtual Fields desired(const State& state) const = 0;
  // Whether a change of `field` can be applied in place.
  virtual FieldRule rule(const std::string& field) const;
  // True for resources whose replacement loses data (the control plane holds etcd): the engine
  // refuses to replace them unless asked explicitly.
  virtual bool guarded() const { return false; }

  // What exists for this resource, or nullopt. Default: look the key up in the kind's discovery.
  virtual util::Result<std::optional<Observed>> find(Cloud& cloud, const State& state) const;
  // Creates the resource (tags set in the creating call) and waits until it is usable.
  virtual util::Result<Observed> create(Cloud& cloud, const State& state) const = 0;
  // Applies `changes` (all FieldRule::update) in place. Default: an error naming the fields.
  virtual util::Result<Observed> update(Cloud& cloud, const State& state, const Observed& observed,
                                        const std::vector<FieldChange>& changes) const;
  // Deletes it. Default: the kind's destroy.
  virtual util::Status destroy(Cloud& cloud, const Observed& observed) const;

 protected:
  ResourceKey m_key;

 private:
  const Kind& m_kind;
  std::string m_display_name;
  std::vector<ResourceKey> m_dependencies;
  aws::Tags m_tags;
};

class Kind {
 public:
  virtual ~Kind() = default;
  virtual std::string_view name() const = 0;
  // Kinds whose objects must be gone before objects of this kind can be deleted.
  virtual std::vector<std::string_view> delete_after() const = 0;
  // Everything of this kind that belongs to the cluster, keyed by its hopper/resource tag (or a
  // synthetic key for what Kubernetes created). Kinds that live inside another (routes, rules)
  // return nothing: they go with their parent.
  virtual util::Result<Discovered> discover(Cloud& cloud) const = 0;
  // Deletes `observed`. Not found counts as done; a dependency that still exists is an error the
  // caller retries (aws::is_dependency_violation).
  virtual util::Status destroy(Cloud& cloud, const Observed& observed) const = 0;
  // True for kinds that only `down` removes (created by Kubernetes, not in the desired graph).
  virtual bool runtime_only() const { return false; }
};

// Every kind, in a stable order (the registry in kinds/registry.cpp).
const std::vector<const Kind*>& all_kinds();
const Kind* find_kind(std::string_view name);

}  // namespace hopper::model

// World: the whole simulated account — one JSON document per region (VPCs, instances, Auto
// Scaling groups, …) plus the account-wide IAM — with what every resource family shares: ids in
// AWS's formats, creation order, virtual time (durations drawn from a seeded generator and scaled),
// eventual-consistency windows and the lazy advance of pending states.
//
// Resources are JSON objects keyed by the wire names of their AWS shapes (see xml_render.hpp);
// keys starting with "_" are bookkeeping (creation sequence, when a transition completes).
//
// Thread-safety: none; the Simulator holds one mutex around every use of the World.
#pragma once

#include <climits>
#include <cstdint>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/state/listing.hpp"
#include "util/result.hpp"

namespace hopper::sim {

inline constexpr const char* k_account = "123456789012";

enum class TimingMode { instant, aws };

struct WorldOptions {
  TimingMode timing = TimingMode::instant;
  double time_scale = 1.0;
  std::uint64_t seed = 1;
  int consistency_delay_ms = 0;
  // Wall-clock time in milliseconds since the epoch; injected by tests.
  std::function<long long()> clock;
};

class World {
 public:
  explicit World(WorldOptions options);

  // Replaces the state with a persisted one. Error when `state` is not a state document.
  util::Status load(const nlohmann::json& state);
  // The whole state, for persistence.
  const nlohmann::json& document() const { return m_state; }
  // Forgets every resource (regions are rebuilt with their defaults on next use).
  void reset();

  // The region `name`, created on first use with a default VPC and the stock images.
  nlohmann::json& region(const std::string& name);
  // Account-wide state (IAM).
  nlohmann::json& global() { return m_state["global"]; }
  std::vector<std::string> region_names() const;

  // Wall-clock now, ms since the epoch.
  long long now() const;
  bool instant() const { return m_options.timing == TimingMode::instant; }
  // A duration in ms drawn uniformly in [low_s, high_s] seconds, times the time scale; 0 when
  // timing is instant.
  long long duration(double low_s, double high_s);
  // A number in [0, 1) from the seeded generator.
  double random();

  // A new id in AWS's format: "<prefix>-0" followed by 16 hex digits.
  std::string new_id(const std::string& prefix);
  // The next creation sequence number (orders listings as AWS roughly does: oldest first).
  long long next_seq();
  // A request id (8-4-4-4-12 hex).
  std::string request_id();

  // Starts the eventual-consistency window of a just-created `id`.
  void just_created(const std::string& id);
  // False while `id` is inside its window (it then answers NotFound).
  bool visible(const std::string& id) const;

  // Moves every pending state whose time has come (instances, NAT gateways, images, Auto
  // Scaling, load balancers' leftovers). Idempotent for a given now(). Walks the resources only
  // when something changed since the last walk or a transition it saw pending has fallen due, so
  // that reads of a large account cost nothing here.
  void advance();
  // Called by the advance steps for every transition still pending after them: the walk is due
  // again at the earliest of these times.
  void due_at(long long at) { m_next_due = at < m_next_due ? at : m_next_due; }

  // Every duration drawn since the front end last cleared it (for the request log: the waits a
  // call started, which benchmarks add up into the critical path).
  std::vector<long long> drawn;

  // Anything that changes the state says so: it is then persisted, and what is derived from the
  // state (the advance walk's schedule, listings) is recomputed.
  void changed() {
    m_dirty = true;
    ++m_generation;
  }
  // Forgets what is derived from the state without asking for a save (the front end calls it
  // after every mutating action, whether or not its handler said changed(), so that a handler
  // that forgot cannot leave stale listings behind).
  void invalidate() { ++m_generation; }
  // True when the state changed since saved().
  bool dirty() const { return m_dirty; }
  void saved() { m_dirty = false; }
  // Increases with every change (a cache of derived data is valid for one generation).
  std::uint64_t generation() const { return m_generation; }

  // The members of `collection` oldest first and by tag key, kept until the next change.
  const Listing& listing(nlohmann::json& collection) { return m_listings.of(collection, m_generation); }

 private:
  WorldOptions m_options;
  nlohmann::json m_state;
  std::map<std::string, long long> m_visible_at;
  std::mt19937_64 m_rng;
  bool m_dirty = false;
  std::uint64_t m_generation = 1;
  std::uint64_t m_walked_generation = 0;  // the generation the last advance walk started at
  long long m_next_due = LLONG_MIN;       // the earliest pending transition the last walk saw
  Listings m_listings;
};

// ISO 8601 UTC with milliseconds for `ms` since the epoch: 2024-05-01T12:00:00.000Z.
std::string iso_time(long long ms);

}  // namespace hopper::sim

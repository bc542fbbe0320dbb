// A tiny in-memory cloud for engine tests: resources of fake kinds live in a FakeWorld, with
// scripted failures, so the engine's plan/apply/delete logic is tested without AWS.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "aws/core/error.hpp"
#include "model/cloud.hpp"
#include "model/resource.hpp"
#include "model/state.hpp"
#include "net/http.hpp"
#include "support/fake_clock.hpp"
#include "support/recording_transport.hpp"

namespace hopper::engine::test_support {

struct FakeObject {
  std::string id;
  model::Fields fields;
  std::string depends_on_id;  // deleting fails with DependencyViolation while this id exists
};

class FakeWorld {
 public:
  std::mutex mutex;
  std::map<model::ResourceKey, FakeObject> objects;
  std::vector<std::string> log;  // "create vpc/a", "delete vpc/a", ...
  int next_id = 1;
  // Scripted faults.
  std::set<model::ResourceKey> fail_create;
  std::set<model::ResourceKey> lose_create_answer;  // create happens, then "dropped connection"
  std::map<std::string, int> dependency_violations;  // id -> number of DependencyViolation answers
  std::atomic<int> running{0};
  std::atomic<int> max_running{0};

  void record(const std::string& entry) {
    std::lock_guard lock(mutex);
    log.push_back(entry);
  }
  std::size_t index_of(const std::string& entry) {
    std::lock_guard lock(mutex);
    for (std::size_t i = 0; i < log.size(); ++i) {
      if (log[i] == entry) return i;
    }
    return static_cast<std::size_t>(-1);
  }
  int count(const std::string& entry) {
    std::lock_guard lock(mutex);
    return static_cast<int>(std::count(log.begin(), log.end(), entry));
  }
};

class FakeKind final : public model::Kind {
 public:
  FakeKind(std::string name, std::vector<std::string_view> after, FakeWorld& world)
      : m_name(std::move(name)), m_after(std::move(after)), m_world(world) {}
  std::string_view name() const override { return m_name; }
  std::vector<std::string_view> delete_after() const override { return m_after; }
  util::Result<model::Discovered> discover(model::Cloud&) const override {
    std::lock_guard lock(m_world.mutex);
    model::Discovered out;
    for (const auto& [key, object] : m_world.objects) {
      if (key.kind == m_name) out.emplace_back(key, model::Observed{object.id, object.fields, {}, "", {}, false});
    }
    return out;
  }
  util::Status destroy(model::Cloud&, const model::Observed& observed) const override;

 private:
  std::string m_name;
  std::vector<std::string_view> m_after;
  FakeWorld& m_world;
};

class FakeResource final : public model::Resource {
 public:
  FakeResource(const model::Kind& kind, FakeWorld& world, std::string name, model::Fields fields,
               std::vector<model::ResourceKey> deps = {}, std::set<std::string> replace_fields = {}, bool guarded = false)
      : Resource(kind, name, "fake-" + name, deps), m_world(world), m_fields(std::move(fields)),
        m_replace(std::move(replace_fields)), m_guarded(guarded) {}

  model::Fields desired(const model::State& state) const override;
  model::FieldRule rule(const std::string& field) const override {
    return m_replace.count(field) ? model::FieldRule::replace : model::FieldRule::update;
  }
  bool guarded() const override { return m_guarded; }
  util::Result<model::Observed> create(model::Cloud& cloud, const model::State& state) const override;
  util::Result<model::Observed> update(model::Cloud& cloud, const model::State& state, const model::Observed& observed,
                                       const std::vector<model::FieldChange>& changes) const override;

 private:
  FakeWorld& m_world;
  model::Fields m_fields;  // a value "@kind/name" means "the id of that resource"
  std::set<std::string> m_replace;
  bool m_guarded;
};

// A Cloud over a session that must never be used (fake resources do not call AWS).
struct FakeCloud {
  hopper::test::RecordingTransport transport;
  hopper::test::FakeClock clock;
  hopper::test::ScriptedRandom random;
  aws::Session session;
  model::Cloud cloud;
  FakeCloud();
};

}  // namespace hopper::engine::test_support

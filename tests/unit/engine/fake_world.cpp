#include "fake_world.hpp"

#include <thread>

namespace hopper::engine::test_support {
namespace {

util::Error dependency_violation(const std::string& id) {
  aws::ApiError api;
  api.code = "DependencyViolation";
  api.message = id + " has a dependent object";
  api.action = "Delete";
  return aws::make_api_error(api);
}

struct RunningGuard {
  explicit RunningGuard(FakeWorld& world) : m_world(world) {
    const int now = ++m_world.running;
    int seen = m_world.max_running.load();
    while (now > seen && !m_world.max_running.compare_exchange_weak(seen, now)) {
    }
    // Long enough for independent resources to overlap.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ~RunningGuard() { --m_world.running; }
  FakeWorld& m_world;
};

}  // namespace

util::Status FakeKind::destroy(model::Cloud&, const model::Observed& observed) const {
  RunningGuard guard(m_world);
  std::lock_guard lock(m_world.mutex);
  if (auto it = m_world.dependency_violations.find(observed.id); it != m_world.dependency_violations.end() && it->second > 0) {
    --it->second;
    return dependency_violation(observed.id);
  }
  for (auto it = m_world.objects.begin(); it != m_world.objects.end(); ++it) {
    if (it->second.id == observed.id) {
      m_world.log.push_back("delete " + it->first.str());
      m_world.objects.erase(it);
      return {};
    }
  }
  aws::ApiError api;
  api.code = "Fake.NotFound";
  return aws::make_api_error(api);
}

model::Fields FakeResource::desired(const model::State& state) const {
  model::Fields out;
  for (const auto& [field, value] : m_fields) {
    if (!value.empty() && value.front() == '@') {
      out[field] = state.id_of(*model::ResourceKey::parse(value.substr(1)));
    } else {
      out[field] = value;
    }
  }
  return out;
}

util::Result<model::Observed> FakeResource::create(model::Cloud&, const model::State& state) const {
  RunningGuard guard(m_world);
  std::lock_guard lock(m_world.mutex);
  if (m_world.fail_create.count(key())) return util::Error::failed("scripted failure creating " + key().str());
  for (const auto& dep : dependencies()) {
    if (!state.has(dep)) return util::Error::failed(key().str() + " created before its dependency " + dep.str());
  }
  FakeObject object{"id-" + std::to_string(m_world.next_id++), desired(state), ""};
  m_world.objects[key()] = object;
  m_world.log.push_back("create " + key().str());
  if (m_world.lose_create_answer.erase(key())) {
    return util::Error("connection dropped", util::ExitCode::failed,
                       std::make_shared<net::TransportError>(net::TransportError::Kind::dropped));
  }
  return model::Observed{object.id, object.fields, {}, "", {}, false};
}

util::Result<model::Observed> FakeResource::update(model::Cloud&, const model::State& state, const model::Observed& observed,
                                                   const std::vector<model::FieldChange>&) const {
  RunningGuard guard(m_world);
  std::lock_guard lock(m_world.mutex);
  auto& object = m_world.objects[key()];
  object.fields = desired(state);
  m_world.log.push_back("update " + key().str());
  return model::Observed{observed.id, object.fields, {}, "", {}, false};
}

FakeCloud::FakeCloud()
    : session(aws::AwsConfig{}, "eu-west-1", aws::static_credentials({"AKID", "SECRET", "", std::nullopt, "test"}),
              transport, clock, random),
      cloud(session, model::ClusterIdentity{"test", "eu-west-1", "123456789012", "aws", {}}) {}

}  // namespace hopper::engine::test_support

#include "sim/state/world.hpp"

#include <chrono>
#include <cstdio>

#include "sim/state/families.hpp"
#include "util/clock.hpp"

namespace hopper::sim {
namespace {

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

nlohmann::json empty_state() {
  return {{"format", "hopper-sim-state"}, {"version", 1}, {"seq", 0}, {"regions", nlohmann::json::object()},
          {"global", nlohmann::json::object()}};
}

}  // namespace

std::string iso_time(long long ms) {
  const auto time = std::chrono::system_clock::time_point(std::chrono::milliseconds(ms));
  std::string text = util::format_iso8601(time);  // ...:SSZ
  char millis[8];
  std::snprintf(millis, sizeof millis, ".%03lldZ", ms % 1000);
  text.pop_back();
  return text + millis;
}

World::World(WorldOptions options) : m_options(std::move(options)), m_state(empty_state()), m_rng(m_options.seed) {
  if (!m_options.clock) {
    m_options.clock = [] {
      return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
    };
  }
}

util::Status World::load(const nlohmann::json& state) {
  if (!state.is_object() || state.value("format", std::string()) != "hopper-sim-state") {
    return util::Error::failed("not a hopper sim state (no \"format\": \"hopper-sim-state\")");
  }
  if (state.value("version", 0) != 1) return util::Error::failed("unsupported state version");
  if (!state.contains("seq") || !state["seq"].is_number_integer() || !state.contains("regions") ||
      !state["regions"].is_object() || !state.contains("global") || !state["global"].is_object()) {
    return util::Error::failed("state document is missing seq, regions or global");
  }
  m_state = state;
  m_visible_at.clear();
  m_listings.clear();
  invalidate();
  return {};
}

void World::reset() {
  m_state = empty_state();
  m_visible_at.clear();
  m_listings.clear();
  changed();
}

nlohmann::json& World::region(const std::string& name) {
  nlohmann::json& regions = m_state["regions"];
  auto it = regions.find(name);
  if (it != regions.end()) return *it;
  nlohmann::json& created = regions[name];
  created = nlohmann::json::object();
  seed_region(*this, name, created);
  changed();
  return created;
}

std::vector<std::string> World::region_names() const {
  std::vector<std::string> out;
  for (const auto& [name, _] : m_state["regions"].items()) out.push_back(name);
  return out;
}

long long World::now() const { return m_options.clock(); }

long long World::duration(double low_s, double high_s) {
  if (instant()) return 0;
  const double seconds = low_s + (high_s - low_s) * random();
  const auto ms = static_cast<long long>(seconds * 1000.0 * m_options.time_scale);
  drawn.push_back(ms);
  return ms;
}

double World::random() { return std::uniform_real_distribution<double>(0.0, 1.0)(m_rng); }

long long World::next_seq() {
  const long long seq = m_state["seq"].get<long long>() + 1;
  m_state["seq"] = seq;
  changed();
  return seq;
}

std::string World::new_id(const std::string& prefix) {
  const std::uint64_t value = splitmix64(static_cast<std::uint64_t>(next_seq()) ^ (m_options.seed << 32));
  char hex[20];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(value));
  return prefix + "-0" + hex;
}

std::string World::request_id() {
  const std::uint64_t a = m_rng();
  const std::uint64_t b = m_rng();
  char text[40];
  std::snprintf(text, sizeof text, "%08llx-%04llx-%04llx-%04llx-%012llx", static_cast<unsigned long long>(a >> 32),
                static_cast<unsigned long long>((a >> 16) & 0xffff), static_cast<unsigned long long>(a & 0xffff),
                static_cast<unsigned long long>(b >> 48), static_cast<unsigned long long>(b & 0xffffffffffffULL));
  return text;
}

void World::just_created(const std::string& id) {
  if (m_options.consistency_delay_ms > 0) m_visible_at[id] = now() + m_options.consistency_delay_ms;
}

bool World::visible(const std::string& id) const {
  const auto it = m_visible_at.find(id);
  return it == m_visible_at.end() || now() >= it->second;
}

void World::advance() {
  const long long at = now();
  // Between changes only time moves the state, and the last walk noted when it next will.
  if (m_generation == m_walked_generation && at < m_next_due) return;
  // A walk that moves something changes the generation, so the next request walks again (as
  // every request used to) until a walk finds nothing to do.
  m_walked_generation = m_generation;
  m_next_due = LLONG_MAX;
  for (auto& [name, region_state] : m_state["regions"].items()) advance_region(*this, name, region_state, at);
}

}  // namespace hopper::sim

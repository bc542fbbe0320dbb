#include "model/resource.hpp"

#include "model/cloud.hpp"
#include "model/state.hpp"
#include "util/strings.hpp"

namespace hopper::model {

std::optional<ResourceKey> ResourceKey::parse(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 >= text.size()) return std::nullopt;
  return ResourceKey{std::string(text.substr(0, slash)), std::string(text.substr(slash + 1))};
}

Resource::Resource(const Kind& kind, std::string name, std::string display_name,
                   std::vector<ResourceKey> dependencies)
    : m_key{std::string(kind.name()), std::move(name)},
      m_kind(kind),
      m_display_name(std::move(display_name)),
      m_dependencies(std::move(dependencies)) {}

FieldRule Resource::rule(const std::string&) const { return FieldRule::update; }

namespace {

std::string value_in(const std::map<std::string, std::string>& values, const std::string& name) {
  const auto it = values.find(name);
  return it == values.end() ? "" : it->second;
}

}  // namespace

std::string Observed::field(const std::string& name) const { return value_in(fields, name); }
std::string Observed::attribute(const std::string& name) const { return value_in(attributes, name); }

util::Result<std::optional<Observed>> Resource::find(Cloud& cloud, const State&) const {
  HOPPER_ASSIGN(const auto all, cloud.cached<Discovered>(
                                    "discover:" + std::string(m_kind.name()), [&] { return m_kind.discover(cloud); }));
  for (const auto& [key, observed] : all) {
    if (key == m_key) return std::optional<Observed>(observed);
  }
  return std::optional<Observed>{};
}

util::Result<Observed> Resource::update(Cloud&, const State&, const Observed&,
                                        const std::vector<FieldChange>& changes) const {
  std::vector<std::string> names;
  for (const auto& change : changes) names.push_back(change.field);
  return util::Error::failed(m_key.str() + ": cannot change " + util::join(names, ", ") + " in place");
}

util::Status Resource::destroy(Cloud& cloud, const Observed& observed) const { return m_kind.destroy(cloud, observed); }

}  // namespace hopper::model

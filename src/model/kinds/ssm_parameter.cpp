#include "model/kinds/ssm_parameter.hpp"

#include "aws/ssm/parameters.hpp"
#include "crypto/digest.hpp"
#include "model/kinds/common.hpp"

namespace hopper::model::kinds {
namespace {

// Secret values are compared and shown by their digest only.
std::string shown_value(const std::string& value, bool secure) {
  return secure ? "sha256:" + crypto::sha256_hex(value).substr(0, 16) : value;
}

class SsmParameterKind final : public Kind {
 public:
  std::string_view name() const override { return "ssm_parameter"; }
  std::vector<std::string_view> delete_after() const override { return {}; }
  util::Result<Discovered> discover(Cloud& cloud) const override {
    HOPPER_ASSIGN(const auto parameters, aws::ssm::get_parameters_by_path(cloud.ssm, cloud.ssm_prefix(), true, true));
    Discovered out;
    const std::string prefix = cloud.ssm_prefix();
    for (const auto& parameter : parameters) {
      if (parameter.name.rfind(prefix, 0) != 0) continue;
      Observed observed;
      observed.id = parameter.name;
      const bool secure = parameter.type == "SecureString";
      observed.fields["value"] = shown_value(parameter.value, secure);
      observed.fields["type"] = parameter.type;
      observed.attributes["value"] = parameter.value;
      observed.attributes["version"] = std::to_string(parameter.version);
      out.emplace_back(ResourceKey{std::string(name()), parameter.name.substr(prefix.size())}, std::move(observed));
    }
    return out;
  }
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    return aws::ssm::delete_parameter(cloud.ssm, observed.id);
  }
};

const SsmParameterKind k_kind;

class SsmParameterResource final : public Resource {
 public:
  SsmParameterResource(const std::string& name, SsmParameterSpec spec)
      : Resource(k_kind, name, spec.full_name, {}), m_spec(std::move(spec)) {}

  Fields desired(const State&) const override {
    return {{"value", shown_value(m_spec.value, m_spec.secure)}, {"type", type()}};
  }

  util::Result<Observed> create(Cloud& cloud, const State& state) const override { return put(cloud, state, false); }

  util::Result<Observed> update(Cloud& cloud, const State& state, const Observed&,
                                const std::vector<FieldChange>&) const override {
    return put(cloud, state, true);
  }

 private:
  std::string type() const { return m_spec.secure ? "SecureString" : "String"; }

  util::Result<Observed> put(Cloud& cloud, const State& state, bool overwrite) const {
    aws::ssm::PutParameterRequest request;
    request.name = m_spec.full_name;
    request.value = m_spec.value;
    request.type = type();
    request.description = m_spec.description;
    request.overwrite = overwrite;
    if (!overwrite) request.tags = tags();
    auto version = aws::ssm::put_parameter(cloud.ssm, request);
    if (!version && !overwrite && aws::error_code(version.error()) == aws::codes::parameter_already_exists) {
      // A lost answer (or a race): it exists; make sure it holds our value.
      request.overwrite = true;
      request.tags.clear();
      version = aws::ssm::put_parameter(cloud.ssm, request);
    }
    if (!version) return std::move(version).error();
    Observed observed;
    observed.id = m_spec.full_name;
    observed.fields = desired(state);
    observed.attributes["value"] = m_spec.value;
    observed.attributes["version"] = std::to_string(*version);
    return observed;
  }

  SsmParameterSpec m_spec;
};

}  // namespace

const Kind& ssm_parameter_kind() { return k_kind; }

std::unique_ptr<Resource> make_ssm_parameter(const std::string& name, SsmParameterSpec spec) {
  return std::make_unique<SsmParameterResource>(name, std::move(spec));
}

}  // namespace hopper::model::kinds

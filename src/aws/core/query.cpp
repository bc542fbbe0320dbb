#include "aws/core/query.hpp"

#include "net/http.hpp"
#include "util/strings.hpp"

namespace hopper::aws {

QueryParams& QueryParams::set(const std::string& name, const std::string& value) {
  m_entries.emplace_back(name, value);
  return *this;
}

QueryParams& QueryParams::set(const std::string& name, bool value) {
  return set(name, std::string(value ? "true" : "false"));
}

QueryParams& QueryParams::set(const std::string& name, long long value) {
  return set(name, std::to_string(value));
}

QueryParams& QueryParams::ec2_list(const std::string& prefix, const std::vector<std::string>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) set(prefix + "." + std::to_string(i + 1), values[i]);
  return *this;
}

QueryParams& QueryParams::member_list(const std::string& prefix, const std::vector<std::string>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    set(prefix + ".member." + std::to_string(i + 1), values[i]);
  }
  return *this;
}

QueryParams& QueryParams::filters(const std::vector<Filter>& list) {
  for (const auto& filter : list) {
    const std::string prefix = "Filter." + std::to_string(++m_filter_count);
    set(prefix + ".Name", filter.name);
    ec2_list(prefix + ".Value", filter.values);
  }
  return *this;
}

QueryParams& QueryParams::tag_specification(const std::string& resource_type, const Tags& tags) {
  if (tags.empty()) return *this;
  const std::string prefix = "TagSpecification." + std::to_string(++m_tag_spec_count);
  set(prefix + ".ResourceType", resource_type);
  return ec2_tags(tags, prefix + ".Tag");
}

QueryParams& QueryParams::ec2_tags(const Tags& tags, const std::string& prefix) {
  int i = 0;
  for (const auto& [key, value] : tags) {
    const std::string p = prefix + "." + std::to_string(++i);
    set(p + ".Key", key);
    set(p + ".Value", value);
  }
  return *this;
}

QueryParams& QueryParams::member_tags(const Tags& tags, const std::string& prefix) {
  int i = 0;
  for (const auto& [key, value] : tags) {
    const std::string p = prefix + ".member." + std::to_string(++i);
    set(p + ".Key", key);
    set(p + ".Value", value);
  }
  return *this;
}

std::optional<std::string> QueryParams::get(const std::string& name) const {
  for (const auto& [key, value] : m_entries) {
    if (key == name) return value;
  }
  return std::nullopt;
}

namespace {

// application/x-www-form-urlencoded as botocore writes it (urllib's quote_plus): RFC 3986
// unreserved characters stay, a space becomes '+', everything else is %XX. The body is signed
// as sent, so AWS accepts either form of a space; writing it like the AWS CLI does keeps
// verifiers that rebuild the body from its parsed fields (moto) in agreement with us.
// (uri_encode writes a literal '%' as %25, so every "%20" it writes is a space.)
std::string form_encode(std::string_view text) { return util::replace_all(net::uri_encode(text), "%20", "+"); }

}  // namespace

std::string QueryParams::encode(const std::string& action, const std::string& version) const {
  std::string out = "Action=" + form_encode(action);
  if (!version.empty()) out += "&Version=" + form_encode(version);
  for (const auto& [key, value] : m_entries) {
    out += "&" + form_encode(key) + "=" + form_encode(value);
  }
  return out;
}

}  // namespace hopper::aws

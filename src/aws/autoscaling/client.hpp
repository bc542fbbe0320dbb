// autoscaling::Client: a handle on the Session for Auto Scaling (AWS query protocol, 2011-01-01),
// with the NextToken/MaxRecords pagination loop every Describe* shares, and the encodings the
// service's operations share (Filters, Tags with PropagateAtLaunch). The typed operations are
// free functions grouped by noun family (groups.hpp, launch_configurations.hpp).
//
// Thread-safety: as the Session: share one Client between threads freely.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aws/core/session.hpp"
#include "codec/xml.hpp"

namespace hopper::aws::autoscaling {

class Client {
 public:
  explicit Client(Session& session) : m_session(session) {}
  Session& session() const { return m_session; }

  // Calls `action`; the result node is <ActionResult>. `options.idempotent` = false for creates
  // that a retry would repeat (see CallOptions); creates of uniquely named things are safe to
  // retry: the repeat answers "already exists".
  util::Result<XmlResponse> call(const std::string& action, const QueryParams& params = {},
                                 CallOptions options = {}) const;

  // Calls a Describe `action` page by page (NextToken) and decodes every <member> of the list
  // `list_name` with `decode`. `page_size` sets MaxRecords when non-zero (Auto Scaling allows
  // up to 100; its default is 50). `limit` > 0 stops once that many items were decoded.
  template <class T>
  util::Result<std::vector<T>> paginate(const std::string& action, QueryParams params,
                                        const std::string& list_name,
                                        const std::function<T(const pugi::xml_node&)>& decode,
                                        int page_size = 0, std::size_t limit = 0) const;

 private:
  Session& m_session;
};

// A tag on an Auto Scaling group; `propagate_at_launch` copies it onto the instances it launches.
struct AsgTag {
  std::string key;
  std::string value;
  bool propagate_at_launch = true;
};

// Filters.member.N.Name / Filters.member.N.Values.member.M (e.g. {"tag:k", {"v"}},
// {"tag-key", {"k"}}).
void add_filters(QueryParams& params, const std::vector<Filter>& filters);
// Tags.member.N.{ResourceId, ResourceType=auto-scaling-group, Key, Value, PropagateAtLaunch}.
// `with_values` false sends only ResourceId/ResourceType/Key (DeleteTags).
void add_group_tags(QueryParams& params, const std::string& group_name, const std::vector<AsgTag>& tags,
                    bool with_values = true);
// Decodes <Tags><member>… under `node`.
std::vector<AsgTag> decode_asg_tags(const pugi::xml_node& node);

// Auto Scaling reports a missing group or launch configuration on Delete/Update/SetDesired as
// ValidationError ("AutoScalingGroup name not found - …", "Launch configuration name not
// found - …"), which aws::is_not_found does not match. True for exactly that.
bool is_name_not_found(const util::Error& error);

// --- Inline implementations ---

template <class T>
util::Result<std::vector<T>> Client::paginate(const std::string& action, QueryParams params,
                                              const std::string& list_name,
                                              const std::function<T(const pugi::xml_node&)>& decode,
                                              int page_size, std::size_t limit) const {
  std::vector<T> out;
  std::optional<std::string> token;
  // Bounded, and a repeated token ends the loop: a server must not keep us here forever.
  for (int page = 0; page < 10'000; ++page) {
    QueryParams request = params;
    if (page_size > 0) request.set("MaxRecords", page_size);
    if (token) request.set("NextToken", *token);
    HOPPER_ASSIGN(const XmlResponse response, call(action, request));
    for (const auto& item : codec::items(response.result(), list_name)) {
      out.push_back(decode(item));
      if (limit > 0 && out.size() >= limit) return out;
    }
    const std::string next = codec::text(response.result(), "NextToken");
    if (next.empty() || (token && next == *token)) return out;
    token = next;
  }
  return out;
}

}  // namespace hopper::aws::autoscaling

// elbv2::Client: a handle on the Session for Elastic Load Balancing v2 (application, network
// and gateway load balancers; AWS query protocol, 2015-12-01), with the Marker/NextMarker/PageSize
// pagination loop every Describe* shares. The typed operations are free functions in
// load_balancers.hpp and target_groups.hpp.
//
// Thread-safety: as the Session: share one Client between threads freely.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aws/core/session.hpp"
#include "codec/xml.hpp"

namespace hopper::aws::elbv2 {

class Client {
 public:
  explicit Client(Session& session) : m_session(session) {}
  Session& session() const { return m_session; }

  // Calls `action`; the result node is <ActionResult>. `options.idempotent` = false for creates
  // that a retry would repeat (see CallOptions); creates of uniquely named things are safe to
  // retry: the repeat answers "already exists".
  util::Result<XmlResponse> call(const std::string& action, const QueryParams& params = {},
                                 CallOptions options = {}) const;

  // Calls a Describe `action` page by page (Marker / NextMarker) and decodes every <member> of
  // the list `list_name` with `decode`. `page_size` sets PageSize when non-zero (1..400).
  template <class T>
  util::Result<std::vector<T>> paginate(const std::string& action, QueryParams params,
                                        const std::string& list_name,
                                        const std::function<T(const pugi::xml_node&)>& decode,
                                        int page_size = 0) const;

 private:
  Session& m_session;
};

// Decodes <Tags><member><Key/><Value/></member></Tags> under `node`.
Tags decode_tags(const pugi::xml_node& node);

// The tags of each resource in `arns` (load balancers and target groups alike), keyed by ARN.
// Asks in batches of 20 (DescribeTags' limit). Errors: LoadBalancerNotFound /
// TargetGroupNotFound (is_not_found) when any ARN in a batch does not exist (moto instead
// answers an empty tag set for it).
util::Result<std::map<std::string, Tags>> describe_tags(const Client& client, const std::vector<std::string>& arns);
// Adds or overwrites `tags` on the resources `arns` (at most 20).
util::Status add_tags(const Client& client, const std::vector<std::string>& arns, const Tags& tags);

// --- Inline implementations ---

template <class T>
util::Result<std::vector<T>> Client::paginate(const std::string& action, QueryParams params,
                                              const std::string& list_name,
                                              const std::function<T(const pugi::xml_node&)>& decode,
                                              int page_size) const {
  std::vector<T> out;
  std::optional<std::string> marker;
  // Bounded, and a repeated marker ends the loop.
  for (int page = 0; page < 10'000; ++page) {
    QueryParams request = params;
    if (page_size > 0) request.set("PageSize", page_size);
    if (marker) request.set("Marker", *marker);
    HOPPER_ASSIGN(const XmlResponse response, call(action, request));
    for (const auto& item : codec::items(response.result(), list_name)) out.push_back(decode(item));
    const std::string next = codec::text(response.result(), "NextMarker");
    if (next.empty() || (marker && next == *marker)) return out;
    marker = next;
  }
  return out;
}

}  // namespace hopper::aws::elbv2

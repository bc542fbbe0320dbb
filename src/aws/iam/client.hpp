// iam::Client: a handle on the Session for IAM (AWS query protocol, 2010-05-08, one global
// endpoint signed for us-east-1), with the Marker/IsTruncated/MaxItems pagination loop every
// List* shares. The typed operations are free functions grouped by noun family (roles.hpp,
// role_policies.hpp, instance_profiles.hpp, users_policies.hpp), each taking a const Client&.
//
// Thread-safety: as the Session: share one Client between threads freely.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aws/core/session.hpp"
#include "codec/xml.hpp"

namespace hopper::aws::iam {

class Client {
 public:
  explicit Client(Session& session) : m_session(session) {}
  Session& session() const { return m_session; }

  // Calls `action`; the result node is <ActionResult>. `options.idempotent` = false for creates
  // that a retry would repeat (see CallOptions); creates of uniquely named things are safe to
  // retry: the repeat answers "already exists".
  util::Result<XmlResponse> call(const std::string& action, const QueryParams& params = {},
                                 CallOptions options = {}) const;

  // Calls a List `action` page by page (Marker while IsTruncated) and decodes every <member> of
  // the list `list_name` (e.g. "Roles") with `decode`. `page_size` sets MaxItems when non-zero
  // (IAM allows 1..1000; without it IAM answers 100 a page).
  template <class T>
  util::Result<std::vector<T>> paginate(const std::string& action, QueryParams params,
                                        const std::string& list_name,
                                        const std::function<T(const pugi::xml_node&)>& decode,
                                        int page_size = 0) const;

 private:
  Session& m_session;
};

// Decodes IAM <Tags><member><Key/><Value/></member></Tags> under `node` into a map.
Tags decode_tags(const pugi::xml_node& node);
// IAM returns policy documents URL-encoded (RFC 3986); this gives the JSON text back.
std::string decode_policy_document(const std::string& encoded);

// --- Inline implementations ---

template <class T>
util::Result<std::vector<T>> Client::paginate(const std::string& action, QueryParams params,
                                              const std::string& list_name,
                                              const std::function<T(const pugi::xml_node&)>& decode,
                                              int page_size) const {
  std::vector<T> out;
  std::optional<std::string> marker;
  // IsTruncated=true with an empty or repeated Marker would loop forever: stop on either, and
  // bound the page count.
  for (int page = 0; page < 10'000; ++page) {
    QueryParams request = params;
    if (page_size > 0) request.set("MaxItems", page_size);
    if (marker) request.set("Marker", *marker);
    HOPPER_ASSIGN(const XmlResponse response, call(action, request));
    for (const auto& item : codec::items(response.result(), list_name)) out.push_back(decode(item));
    const std::string next = codec::text(response.result(), "Marker");
    if (!codec::bool_text(response.result(), "IsTruncated") || next.empty() || (marker && next == *marker)) {
      return out;
    }
    marker = next;
  }
  return out;
}

}  // namespace hopper::aws::iam

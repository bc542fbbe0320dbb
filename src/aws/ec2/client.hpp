// ec2::Client: a handle on the Session for the EC2 query protocol (2016-11-15), with the
// pagination loop every Describe* shares. The typed operations are free functions grouped by
// noun family (vpcs.hpp, subnets.hpp, ...), each taking a Client&.
//
// Thread-safety: as the Session: share one Client between threads freely.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aws/core/session.hpp"
#include "codec/xml.hpp"

namespace hopper::aws::ec2 {

class Client {
 public:
  explicit Client(Session& session) : m_session(session) {}
  Session& session() const { return m_session; }

  // Calls `action`; the result node is the response's root element.
  util::Result<XmlResponse> call(const std::string& action, const QueryParams& params = {},
                                 CallOptions options = {}) const;

  // Calls a Describe `action` page by page (NextToken) and decodes every element of the list
  // `list_name` (e.g. "vpcSet") with `decode`. `page_size` sets MaxResults when non-zero.
  template <class T>
  util::Result<std::vector<T>> paginate(const std::string& action, QueryParams params,
                                        const std::string& list_name,
                                        const std::function<T(const pugi::xml_node&)>& decode,
                                        int page_size = 0) const;

 private:
  Session& m_session;
};

// Decodes an EC2 <tagSet> under `node` into a map.
Tags decode_tags(const pugi::xml_node& node, const std::string& list_name = "tagSet");

// --- Inline implementations ---

template <class T>
util::Result<std::vector<T>> Client::paginate(const std::string& action, QueryParams params,
                                              const std::string& list_name,
                                              const std::function<T(const pugi::xml_node&)>& decode,
                                              int page_size) const {
  std::vector<T> out;
  std::optional<std::string> token;
  // A page may be empty yet carry a token: loop until there is none. The bound guards against
  // a server that hands the same token back forever.
  for (int page = 0; page < 10'000; ++page) {
    QueryParams request = params;
    if (page_size > 0) request.set("MaxResults", page_size);
    if (token) request.set("NextToken", *token);
    HOPPER_ASSIGN(const XmlResponse response, call(action, request));
    for (const auto& item : codec::items(response.result(), list_name)) out.push_back(decode(item));
    const std::string next = codec::text(response.result(), "nextToken");
    if (next.empty() || (token && next == *token)) return out;
    token = next;
  }
  return out;
}

}  // namespace hopper::aws::ec2

// RecordingTransport: a net::Transport that records every request and answers from a script
// (or with a default answer), for tests of encoding, retries and error handling without a server.
// Thread-safe.
#pragma once

#include <deque>
#include <functional>
#include <mutex>
#include <vector>

#include "net/http.hpp"

namespace hopper::test {

class RecordingTransport final : public net::Transport {
 public:
  // What to answer: a response, or a transport failure of the given kind.
  struct Answer {
    std::optional<net::HttpResponse> response;
    net::TransportError::Kind failure = net::TransportError::Kind::dropped;
    static Answer ok(std::string body, int status = 200, net::Headers headers = {});
    static Answer fail(net::TransportError::Kind kind);
  };

  util::Result<net::HttpResponse> send(const net::HttpRequest& request) override;

  // Queues answers, used in order; when the queue is empty `fallback` answers (default: 200 with
  // an empty XML element named after the action).
  void push(Answer answer);
  void set_fallback(std::function<Answer(const net::HttpRequest&)> fallback);
  std::vector<net::HttpRequest> requests() const;
  // The form-decoded parameters of request `index` (-1: the last).
  std::vector<std::pair<std::string, std::string>> params(int index = -1) const;

 private:
  mutable std::mutex m_mutex;
  std::deque<Answer> m_script;
  std::function<Answer(const net::HttpRequest&)> m_fallback;
  std::vector<net::HttpRequest> m_requests;
};

}  // namespace hopper::test

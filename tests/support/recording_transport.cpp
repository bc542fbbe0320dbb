#include "support/recording_transport.hpp"

namespace hopper::test {

RecordingTransport::Answer RecordingTransport::Answer::ok(std::string body, int status, net::Headers headers) {
  Answer a;
  a.response = net::HttpResponse{status, std::move(headers), std::move(body)};
  return a;
}

RecordingTransport::Answer RecordingTransport::Answer::fail(net::TransportError::Kind kind) {
  Answer a;
  a.failure = kind;
  return a;
}

util::Result<net::HttpResponse> RecordingTransport::send(const net::HttpRequest& request) {
  Answer answer;
  {
    std::lock_guard lock(m_mutex);
    m_requests.push_back(request);
    if (!m_script.empty()) {
      answer = std::move(m_script.front());
      m_script.pop_front();
    } else if (m_fallback) {
      answer = m_fallback(request);
    } else {
      std::string action = "Unknown";
      for (const auto& [key, value] : net::parse_form(request.body)) {
        if (key == "Action") action = value;
      }
      answer = Answer::ok("<" + action + "Response><requestId>r-1</requestId></" + action + "Response>");
    }
  }
  if (answer.response) return *answer.response;
  return util::Error("scripted transport failure", util::ExitCode::failed,
                     std::make_shared<net::TransportError>(answer.failure));
}

void RecordingTransport::push(Answer answer) {
  std::lock_guard lock(m_mutex);
  m_script.push_back(std::move(answer));
}

void RecordingTransport::set_fallback(std::function<Answer(const net::HttpRequest&)> fallback) {
  std::lock_guard lock(m_mutex);
  m_fallback = std::move(fallback);
}

std::vector<net::HttpRequest> RecordingTransport::requests() const {
  std::lock_guard lock(m_mutex);
  return m_requests;
}

std::vector<std::pair<std::string, std::string>> RecordingTransport::params(int index) const {
  std::lock_guard lock(m_mutex);
  if (m_requests.empty()) return {};
  const std::size_t i = index < 0 ? m_requests.size() - 1 : static_cast<std::size_t>(index);
  return net::parse_form(m_requests.at(i).body);
}

}  // namespace hopper::test

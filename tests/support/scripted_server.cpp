#include "support/scripted_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

#include <gtest/gtest.h>

#include "util/strings.hpp"

namespace hopper::test {
namespace {

constexpr auto k_read_timeout = std::chrono::seconds(10);
constexpr std::size_t k_max_request = 64 * 1024 * 1024;

const char* reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 409: return "Conflict";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
  }
}

// Writes all of `data`; false when the peer went away. MSG_NOSIGNAL: no SIGPIPE on a closed peer.
bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::string head(int status, std::size_t content_length, const net::Headers& headers) {
  std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason(status) + "\r\n";
  bool has_type = false;
  for (const auto& [name, value] : headers) {
    if (util::iequals(name, "Content-Type")) has_type = true;
    out += name + ": " + value + "\r\n";
  }
  if (!has_type) out += "Content-Type: text/xml\r\n";
  out += "Content-Length: " + std::to_string(content_length) + "\r\n";
  out += "Connection: close\r\n\r\n";
  return out;
}

// Reads one request (head and Content-Length body). nullopt when the peer closed first or took
// too long.
std::optional<ReceivedRequest> read_request(int fd) {
  std::string buffer;
  const auto deadline = std::chrono::steady_clock::now() + k_read_timeout;
  std::size_t head_end = std::string::npos;
  std::size_t body_length = 0;
  ReceivedRequest request;
  while (true) {
    if (head_end == std::string::npos) {
      head_end = buffer.find("\r\n\r\n");
      if (head_end != std::string::npos) {
        const auto lines = util::split(std::string_view(buffer).substr(0, head_end), '\n');
        const auto first = util::split_words(lines.front());
        if (first.size() >= 2) {
          request.method = first[0];
          request.target = first[1];
        }
        for (std::size_t i = 1; i < lines.size(); ++i) {
          std::string_view line = lines[i];
          if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
          const std::size_t colon = line.find(':');
          if (colon == std::string_view::npos) continue;
          request.headers.emplace_back(std::string(util::trim(line.substr(0, colon))),
                                       std::string(util::trim(line.substr(colon + 1))));
        }
        if (auto length = net::find_header(request.headers, "Content-Length")) {
          std::from_chars(length->data(), length->data() + length->size(), body_length);
        }
      }
    }
    if (head_end != std::string::npos && buffer.size() >= head_end + 4 + body_length) {
      request.body = buffer.substr(head_end + 4, body_length);
      return request;
    }
    if (buffer.size() > k_max_request) return std::nullopt;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 100)));
    if (ready < 0 && errno != EINTR) return std::nullopt;
    if (ready <= 0) continue;
    char chunk[16 * 1024];
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return std::nullopt;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
}

}  // namespace

ScriptedStep ScriptedStep::respond(int status, std::string body, net::Headers headers) {
  ScriptedStep step;
  step.kind = Kind::respond;
  step.status = status;
  step.body = std::move(body);
  step.headers = std::move(headers);
  return step;
}

ScriptedStep ScriptedStep::truncated(int status, std::string partial_body, std::size_t declared_length) {
  ScriptedStep step;
  step.kind = Kind::truncated;
  step.status = status;
  step.body = std::move(partial_body);
  step.declared_length = declared_length;
  return step;
}

ScriptedStep ScriptedStep::close() {
  ScriptedStep step;
  step.kind = Kind::close;
  return step;
}

ScriptedStep ScriptedStep::hang() {
  ScriptedStep step;
  step.kind = Kind::hang;
  return step;
}

ScriptedStep ScriptedStep::slow(std::chrono::milliseconds delay, int status, std::string body, net::Headers headers) {
  ScriptedStep step = respond(status, std::move(body), std::move(headers));
  step.kind = Kind::slow;
  step.delay = delay;
  return step;
}

std::string ReceivedRequest::header(std::string_view name) const {
  return net::find_header(headers, name).value_or("");
}

ScriptedServer::ScriptedServer(int port) : m_fallback(ScriptedStep::respond(500, "script exhausted")) {
  m_listen_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const int one = 1;
  ::setsockopt(m_listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  if (::bind(m_listen_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(m_listen_fd, 64) != 0) {
    ADD_FAILURE() << "ScriptedServer: cannot listen on 127.0.0.1:" << port << ": " << std::strerror(errno);
    ::close(m_listen_fd);
    m_listen_fd = -1;
    return;
  }
  socklen_t len = sizeof addr;
  ::getsockname(m_listen_fd, reinterpret_cast<sockaddr*>(&addr), &len);
  m_port = ntohs(addr.sin_port);
  m_acceptor = std::thread([this] { accept_loop(); });
}

ScriptedServer::~ScriptedServer() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_stopped.notify_all();
  if (m_acceptor.joinable()) m_acceptor.join();
  std::vector<std::thread> workers;
  {
    std::lock_guard lock(m_mutex);
    workers.swap(m_workers);
  }
  for (auto& worker : workers) worker.join();
  if (m_listen_fd >= 0) ::close(m_listen_fd);
}

std::string ScriptedServer::endpoint() const { return "http://127.0.0.1:" + std::to_string(m_port); }

void ScriptedServer::push(ScriptedStep step) {
  std::lock_guard lock(m_mutex);
  m_script.push_back(std::move(step));
}

void ScriptedServer::push(const ScriptedStep& step, int count) {
  for (int i = 0; i < count; ++i) push(step);
}

void ScriptedServer::set_fallback(ScriptedStep step) {
  std::lock_guard lock(m_mutex);
  m_fallback = std::move(step);
}

std::vector<ReceivedRequest> ScriptedServer::requests() const {
  std::lock_guard lock(m_mutex);
  return m_requests;
}

std::size_t ScriptedServer::pending() const {
  std::lock_guard lock(m_mutex);
  return m_script.size();
}

ScriptedStep ScriptedServer::next_step() {
  std::lock_guard lock(m_mutex);
  if (m_script.empty()) return m_fallback;
  ScriptedStep step = std::move(m_script.front());
  m_script.pop_front();
  return step;
}

bool ScriptedServer::wait_unless_stopped(std::chrono::milliseconds duration) {
  std::unique_lock lock(m_mutex);
  return !m_stopped.wait_for(lock, duration, [this] { return m_stop.load(); });
}

void ScriptedServer::accept_loop() {
  while (!m_stop) {
    pollfd p{m_listen_fd, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const int fd = ::accept4(m_listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    std::lock_guard lock(m_mutex);
    if (m_stop) {
      ::close(fd);
      break;
    }
    m_workers.emplace_back([this, fd] { serve(fd); });
  }
}

void ScriptedServer::serve(int fd) {
  auto request = read_request(fd);
  if (!request) {
    ::close(fd);
    return;
  }
  {
    std::lock_guard lock(m_mutex);
    m_requests.push_back(*request);
  }
  const ScriptedStep step = next_step();
  switch (step.kind) {
    case ScriptedStep::Kind::slow:
      if (!wait_unless_stopped(step.delay)) break;
      [[fallthrough]];
    case ScriptedStep::Kind::respond:
      write_all(fd, head(step.status, step.body.size(), step.headers) + step.body);
      break;
    case ScriptedStep::Kind::truncated:
      write_all(fd, head(step.status, step.declared_length, step.headers) + step.body);
      break;
    case ScriptedStep::Kind::close:
      break;
    case ScriptedStep::Kind::hang:
      // Hold the connection until the client gives up (EOF) or the server stops.
      while (!m_stop) {
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, 50);
        if (ready > 0) {
          char sink[512];
          if (::recv(fd, sink, sizeof sink, 0) <= 0) break;
        }
      }
      break;
  }
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
}

}  // namespace hopper::test

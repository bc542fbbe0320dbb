// ScriptedServer: a raw-socket HTTP/1.1 server on 127.0.0.1 that answers each connection with
// the next step of a script, for tests of what a client does when the network misbehaves:
//
//   test::ScriptedServer server;
//   server.push(test::ScriptedStep::respond(503, "<Response>...</Response>"));
//   server.push(test::ScriptedStep::truncated(200, "<partial", 1000));  // then closes
//   server.push(test::ScriptedStep::close());                          // no answer at all
//   server.push(test::ScriptedStep::hang());                           // never answers
//   server.push(test::ScriptedStep::respond(200, "<ok/>"));
//   ... point a client at server.endpoint() ...
//   EXPECT_EQ(server.requests().size(), 5u);
//
// One request per connection: every answer carries "Connection: close" and the socket is closed
// after it, so a client's next request opens a new connection and gets the next step. A step is
// taken only once a whole request has arrived (a connection closed before that takes none). When
// the script is empty the fallback step answers (default: 500 "script exhausted").
//
// Thread-safety: every method may be called from any thread while connections are served; each
// connection is served on its own thread, so a hanging step does not block the others.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "net/http.hpp"

namespace hopper::test {

struct ScriptedStep {
  enum class Kind {
    respond,    // a complete response
    truncated,  // headers promising `declared_length` bytes, fewer bytes, then close
    close,      // read the request, close without a byte of answer
    hang,       // read the request, never answer (until the client gives up or the server stops)
    slow,       // wait `delay`, then a complete response
  };
  Kind kind = Kind::respond;
  int status = 200;
  std::string body;
  net::Headers headers;             // extra response headers
  std::size_t declared_length = 0;  // truncated: the Content-Length sent
  std::chrono::milliseconds delay{0};

  static ScriptedStep respond(int status, std::string body, net::Headers headers = {});
  static ScriptedStep truncated(int status, std::string partial_body, std::size_t declared_length);
  static ScriptedStep close();
  static ScriptedStep hang();
  static ScriptedStep slow(std::chrono::milliseconds delay, int status, std::string body,
                           net::Headers headers = {});
};

struct ReceivedRequest {
  std::string method;
  std::string target;
  net::Headers headers;
  std::string body;
  // The first header named `name` (case-insensitive), or "".
  std::string header(std::string_view name) const;
};

class ScriptedServer {
 public:
  // Listens on 127.0.0.1:`port` (0: a free port). Fails the current test if it cannot.
  explicit ScriptedServer(int port = 0);
  // Stops accepting, releases hanging connections and joins every thread.
  ~ScriptedServer();
  ScriptedServer(const ScriptedServer&) = delete;
  ScriptedServer& operator=(const ScriptedServer&) = delete;

  std::string endpoint() const;  // "http://127.0.0.1:PORT"
  int port() const { return m_port; }

  // Appends `step` to the script.
  void push(ScriptedStep step);
  // Appends `step` `count` times.
  void push(const ScriptedStep& step, int count);
  // The answer once the script is empty.
  void set_fallback(ScriptedStep step);

  // Every complete request received, in arrival order.
  std::vector<ReceivedRequest> requests() const;
  // Steps not yet played.
  std::size_t pending() const;

 private:
  void accept_loop();
  void serve(int fd);
  ScriptedStep next_step();
  // Waits up to `duration`, returning early (false) when the server stops.
  bool wait_unless_stopped(std::chrono::milliseconds duration);

  int m_listen_fd = -1;
  int m_port = 0;
  std::atomic<bool> m_stop{false};
  std::thread m_acceptor;

  mutable std::mutex m_mutex;
  std::condition_variable m_stopped;
  std::deque<ScriptedStep> m_script;
  ScriptedStep m_fallback;
  std::vector<ReceivedRequest> m_requests;
  std::vector<std::thread> m_workers;
};

}  // namespace hopper::test

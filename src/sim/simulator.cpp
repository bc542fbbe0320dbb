#include "sim/simulator.hpp"

#include <httplib.h>

#include <chrono>

#include "sim/frontend.hpp"

namespace hopper::sim {
namespace {

RawRequest to_raw(const httplib::Request& request, std::string body) {
  RawRequest raw;
  raw.method = request.method;
  raw.target = request.target;
  raw.body = std::move(body);
  for (const auto& [name, value] : request.headers) {
    // cpp-httplib adds these itself; they were not part of what the client sent and signed.
    if (name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT") continue;
    raw.headers.emplace_back(name, value);
  }
  return raw;
}

void answer(const RawResponse& response, httplib::Response& out) {
  out.status = response.status;
  for (const auto& [name, value] : response.headers) out.set_header(name, value);
  if (!response.drop) {
    out.set_content(response.body, response.content_type.c_str());
    return;
  }
  // A dropped connection: announce the whole body, write part of it, then fail the provider so
  // that cpp-httplib closes the socket. The client sees a truncated answer.
  const std::string body = response.body.empty() ? std::string(64, ' ') : response.body;
  out.set_content_provider(body.size() + 64, response.content_type.c_str(),
                           [body](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                             if (offset == 0) sink.write(body.data(), body.size() / 2);
                             return false;
                           });
}

}  // namespace

util::Result<std::unique_ptr<Simulator>> Simulator::start(const SimOptions& options) {
  FrontendOptions frontend_options;
  frontend_options.access_key = options.access_key;
  frontend_options.secret_key = options.secret_key;
  frontend_options.default_region = options.default_region;
  frontend_options.state_file = options.state_file;
  frontend_options.request_log = options.request_log;
  frontend_options.faults = options.faults;
  frontend_options.world.timing = options.timing;
  frontend_options.world.time_scale = options.time_scale;
  frontend_options.world.seed = options.faults.seed;
  std::unique_ptr<Simulator> sim(new Simulator());
  HOPPER_ASSIGN(sim->m_frontend, Frontend::create(std::move(frontend_options)));
  sim->m_server = std::make_unique<httplib::Server>();
  // cpp-httplib writes headers and body separately; without TCP_NODELAY, Nagle holds the body until
  // the client's delayed ACK (40 ms on Linux), which made every call in a chain 40 ms slower.
  sim->m_server->set_tcp_nodelay(true);
  Frontend* frontend = sim->m_frontend.get();
  const auto handler = [frontend](const httplib::Request& request, httplib::Response& response) {
    answer(frontend->handle(to_raw(request, request.body)), response);
  };
  // Bodies come through a ContentReader: Debian's cpp-httplib is a compiled library whose own
  // form parsing answers 413 to any form body over 8 KiB, and AWS query requests are routinely
  // larger (RunInstances with 16 KiB of user data, IAM policy documents). The frontend enforces
  // AWS's own limits instead.
  const auto with_body = [frontend](const httplib::Request& request, httplib::Response& response,
                                    const httplib::ContentReader& reader) {
    std::string body;
    reader([&body](const char* data, std::size_t length) {
      body.append(data, length);
      return true;
    });
    answer(frontend->handle(to_raw(request, std::move(body))), response);
  };
  for (const char* pattern : {R"(/.*)"}) {
    sim->m_server->Get(pattern, handler);
    sim->m_server->Post(pattern, with_body);
    sim->m_server->Put(pattern, with_body);
    sim->m_server->Delete(pattern, handler);
  }
  if (options.port == 0) {
    sim->m_port = sim->m_server->bind_to_any_port("127.0.0.1");
  } else {
    sim->m_port = sim->m_server->bind_to_port("127.0.0.1", options.port) ? options.port : -1;
  }
  if (sim->m_port <= 0) {
    return util::Error::failed("cannot listen on 127.0.0.1:" + std::to_string(options.port) + " (is the port taken?)");
  }
  httplib::Server* server = sim->m_server.get();
  sim->m_thread = std::thread([server] { server->listen_after_bind(); });
  // Wait (bounded) until the accept loop runs, so that a quick stop() cannot miss it.
  for (int i = 0; i < 200 && !server->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  return sim;
}

Simulator::~Simulator() { stop(); }

std::string Simulator::endpoint() const { return "http://127.0.0.1:" + std::to_string(m_port); }

void Simulator::stop() {
  if (m_stopped) return;
  m_stopped = true;
  if (m_server) m_server->stop();
  if (m_thread.joinable()) m_thread.join();
  if (m_frontend) (void)m_frontend->persist();
}

}  // namespace hopper::sim

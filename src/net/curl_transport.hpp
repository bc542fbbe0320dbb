// CurlTransport: net::Transport over libcurl (the project's only libcurl user).
//
// TLS peer and host verification are always on. HttpRequest::tls (a private CA, a client
// certificate) and HttpRequest::connect_to are supported with libcurl's in-memory *_BLOB options
// and CURLOPT_CONNECT_TO: nothing is written to disk. The proxy environment variables (http_proxy,
// https_proxy, no_proxy and their upper-case forms) are honoured by libcurl itself. Connections
// are reused: idle easy handles (each with its live connection) go back to a pool.
//
// Thread-safety: send() may be called from any number of threads at once.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "net/http.hpp"

namespace hopper::net {

class CurlTransport final : public Transport {
 public:
  CurlTransport();
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  util::Result<HttpResponse> send(const HttpRequest& request) override;

 private:
  void* acquire();
  void release(void* handle);

  std::mutex m_mutex;
  std::vector<void*> m_idle;
};

}  // namespace hopper::net

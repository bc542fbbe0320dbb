#include "net/curl_transport.hpp"

#include <curl/curl.h>

#include <cstdlib>
#include <mutex>

#include "util/strings.hpp"

namespace hopper::net {
namespace {

constexpr std::size_t k_max_idle_handles = 16;

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) std::abort();
  });
}

struct Exchange {
  HttpResponse response;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* exchange = static_cast<Exchange*>(user);
  exchange->response.body.append(data, size * count);
  return size * count;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* exchange = static_cast<Exchange*>(user);
  const std::string_view line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {
    // A new response (after a redirect or 100-continue): forget earlier headers.
    exchange->response.headers.clear();
  } else if (const std::size_t colon = line.find(':'); colon != std::string_view::npos) {
    exchange->response.headers.emplace_back(std::string(util::trim(line.substr(0, colon))),
                                            std::string(util::trim(line.substr(colon + 1))));
  }
  return size * count;
}

TransportError::Kind classify(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return TransportError::Kind::connect;
    case CURLE_OPERATION_TIMEDOUT:
      return TransportError::Kind::timeout;
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return TransportError::Kind::dropped;
    default:
      return TransportError::Kind::other;
  }
}

// Points libcurl at the in-memory PEM blobs of `tls`. A private CA replaces the system store
// (the default CA file and path are switched off), so only that CA is trusted. libcurl copies
// the blobs (CURL_BLOB_COPY): they need not outlive the call.
void apply_tls(CURL* curl, const TlsOptions& tls) {
  const auto blob = [](const std::string& pem) {
    curl_blob b{};
    b.data = const_cast<char*>(pem.data());
    b.len = pem.size();
    b.flags = CURL_BLOB_COPY;
    return b;
  };
  if (!tls.ca_pem.empty()) {
    curl_blob ca = blob(tls.ca_pem);
    curl_easy_setopt(curl, CURLOPT_CAINFO, nullptr);
    curl_easy_setopt(curl, CURLOPT_CAPATH, nullptr);
    curl_easy_setopt(curl, CURLOPT_CAINFO_BLOB, &ca);
  }
  if (!tls.client_cert_pem.empty()) {
    curl_blob cert = blob(tls.client_cert_pem);
    curl_easy_setopt(curl, CURLOPT_SSLCERTTYPE, "PEM");
    curl_easy_setopt(curl, CURLOPT_SSLCERT_BLOB, &cert);
  }
  if (!tls.client_key_pem.empty()) {
    curl_blob key = blob(tls.client_key_pem);
    curl_easy_setopt(curl, CURLOPT_SSLKEYTYPE, "PEM");
    curl_easy_setopt(curl, CURLOPT_SSLKEY_BLOB, &key);
  }
}

}  // namespace

CurlTransport::CurlTransport() { global_init(); }

CurlTransport::~CurlTransport() {
  for (void* handle : m_idle) curl_easy_cleanup(static_cast<CURL*>(handle));
}

void* CurlTransport::acquire() {
  {
    std::lock_guard lock(m_mutex);
    if (!m_idle.empty()) {
      void* handle = m_idle.back();
      m_idle.pop_back();
      return handle;
    }
  }
  return curl_easy_init();
}

void CurlTransport::release(void* handle) {
  std::lock_guard lock(m_mutex);
  if (m_idle.size() < k_max_idle_handles) {
    m_idle.push_back(handle);
  } else {
    curl_easy_cleanup(static_cast<CURL*>(handle));
  }
}

util::Result<HttpResponse> CurlTransport::send(const HttpRequest& request) {
  CURL* curl = static_cast<CURL*>(acquire());
  if (curl == nullptr) return util::Error::failed("libcurl: cannot create a handle");
  curl_easy_reset(curl);

  Exchange exchange;
  curl_slist* headers = nullptr;
  for (const auto& [name, value] : request.headers) {
    headers = curl_slist_append(headers, (name + ": " + value).c_str());
  }
  // No "Expect: 100-continue" round trip, no automatic Accept header.
  headers = curl_slist_append(headers, "Expect:");
  headers = curl_slist_append(headers, "Accept:");

  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  if (request.method == "HEAD") curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  if (!request.body.empty() || request.method == "POST" || request.method == "PUT") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  }
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &exchange);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &exchange);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.total_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode

  if (!request.tls.empty()) apply_tls(curl, request.tls);
  curl_slist* connect_to = nullptr;
  if (!request.connect_to.empty()) {
    // "::HOST:PORT": any URL host and port go to HOST:PORT.
    connect_to = curl_slist_append(connect_to, ("::" + request.connect_to).c_str());
    curl_easy_setopt(curl, CURLOPT_CONNECT_TO, connect_to);
  }

  char error_buffer[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);

  const CURLcode code = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
  curl_easy_setopt(curl, CURLOPT_CONNECT_TO, nullptr);
  curl_slist_free_all(connect_to);

  if (code != CURLE_OK) {
    // A connection that failed mid-way must not be reused.
    curl_easy_cleanup(curl);
    const std::string reason = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code);
    const auto kind = classify(code);
    return util::Error(request.method + " " + request.url + ": " + reason, util::ExitCode::failed,
                       std::make_shared<TransportError>(kind));
  }
  release(curl);
  exchange.response.status = static_cast<int>(status);
  return std::move(exchange.response);
}

}  // namespace hopper::net

// HTTP value types and the Transport seam: the only way hopper's code reaches the network.
// The AWS client, credential providers and the access layer take a Transport&; tests hand them a
// scripted twin or point the real one at loopback servers.
//
// Thread-safety: implementations of Transport must allow send() from several threads at once.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "util/result.hpp"

namespace hopper::net {

using Headers = std::vector<std::pair<std::string, std::string>>;

// Case-insensitive lookup of the first header named `name`.
std::optional<std::string> find_header(const Headers& headers, std::string_view name);

// TLS settings of one https request beyond the defaults (system trust store, no client
// certificate). Every field is PEM text held in memory, never a file; an empty field keeps the
// default. Peer and host-name verification stay on whatever is set here.
struct TlsOptions {
  // Trust exactly these CA certificates (PEM, one or more) instead of the system store: for
  // servers with a private CA, such as a Kubernetes API server and its cluster CA.
  std::string ca_pem;
  // Present this client certificate (PEM) and its private key (PEM) for mutual TLS. Both or
  // neither. The key is a secret: never log it.
  std::string client_cert_pem;
  std::string client_key_pem;

  bool empty() const { return ca_pem.empty() && client_cert_pem.empty() && client_key_pem.empty(); }
};

struct HttpRequest {
  std::string method = "GET";
  std::string url;  // absolute: scheme://host[:port]/path[?query]
  Headers headers;
  std::string body;
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{60'000};
  TlsOptions tls;
  // "HOST:PORT" (IPv6 as "[::1]:PORT"): open the TCP connection there instead of the URL's host
  // and port, while the URL's host still names the server for TLS (SNI and certificate
  // verification) and the Host header — curl's --connect-to. Empty: connect to the URL's host.
  // Lets a client reach "https://10.0.1.10:6443" through a tunnel on 127.0.0.1:16443 and still
  // check the certificate against 10.0.1.10.
  std::string connect_to;
};

struct HttpResponse {
  int status = 0;
  Headers headers;
  std::string body;
};

// Why a request got no HTTP response. Attached to the Error of a failed send().
struct TransportError : util::ErrorDetail {
  enum class Kind {
    connect,   // could not connect (refused, DNS, unreachable): the request was never sent
    timeout,   // connect or total timeout: the request may or may not have been acted on
    dropped,   // connection reset / closed / truncated response: may have been acted on
    other,     // anything else (bad URL, TLS verification, ...)
  };
  Kind kind = Kind::other;
  explicit TransportError(Kind k) : kind(k) {}
};

class Transport {
 public:
  virtual ~Transport() = default;
  // Sends `request` and returns the response, whatever its status. Returns an Error with a
  // TransportError detail when no complete response arrived.
  virtual util::Result<HttpResponse> send(const HttpRequest& request) = 0;
};

// The transport error kind of `error`, if it is one.
std::optional<TransportError::Kind> transport_error_kind(const util::Error& error);

// A parsed absolute URL.
struct Url {
  std::string scheme;  // "http" or "https", lowercase
  std::string host;    // without brackets for IPv6
  int port = 0;        // explicit or the scheme's default
  bool explicit_port = false;
  std::string path;    // starts with "/"; "/" when absent
  std::string query;   // without "?"

  // host[:port] as the Host header wants it (port only when explicit and not the default).
  std::string authority() const;
  // scheme://authority (no path).
  std::string origin() const;
};

// Parses http(s)://host[:port][/path][?query]. Error names the URL.
util::Result<Url> parse_url(std::string_view url);

// RFC 3986 percent-encoding: A-Z a-z 0-9 - _ . ~ stay; everything else %XX (upper-case hex).
// With `keep_slash`, '/' stays too (for paths).
std::string uri_encode(std::string_view text, bool keep_slash = false);
// Decodes %XX (and '+' as space when `plus_is_space`); invalid escapes are kept verbatim.
std::string uri_decode(std::string_view text, bool plus_is_space = false);
// Parses "a=1&b=2" into ordered decoded pairs ('+' is space, as in forms).
std::vector<std::pair<std::string, std::string>> parse_form(std::string_view body);

}  // namespace hopper::net

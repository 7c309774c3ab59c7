// The local page's HTTP transport as an interface. cpp-httplib, with the OpenSSL and brotli that
// Debian builds it with, lives in a module of its own (jixiao_http.so, cli/http_module.cpp) that only
// `jixiao serve` loads: linked into the binary, those libraries and OpenSSL's initialisation cost every
// command about 1 ms of start-up (bench/startup_bench.sh).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace jixiao::cli {

struct HttpRequest {
  std::vector<std::string> matches;                 // the route's groups; 0 is the whole path
  std::multimap<std::string, std::string> params;  // the query string's parameters
  std::string body;

  // The first value of a parameter; empty when absent.
  std::string param(const std::string& name) const {
    auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
  }
};

struct HttpResponse {
  int status = 200;
  std::string body, content_type;
  std::vector<std::pair<std::string, std::string>> headers;

  void set_content(std::string b, std::string type) {
    body = std::move(b);
    content_type = std::move(type);
  }
  void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
  void set_redirect(const std::string& url) {
    status = 302;
    set_header("Location", url);
  }
};

using HttpHandler = std::function<void(const HttpRequest&, HttpResponse&)>;

class HttpServer {
 public:
  virtual ~HttpServer() = default;
  // Routes: `pattern` is a regular expression over the path, its groups go to HttpRequest::matches.
  virtual void get(const std::string& pattern, HttpHandler handler) = 0;
  virtual void post(const std::string& pattern, HttpHandler handler) = 0;
  virtual void set_limits(size_t max_payload_bytes, int read_timeout_seconds, int write_timeout_seconds) = 0;
  virtual void set_default_headers(const std::vector<std::pair<std::string, std::string>>& headers) = 0;
  // The port bound (any free one when `port` is 0); -1 when it cannot be bound.
  virtual int bind(const std::string& host, int port) = 0;
  // Serves until stop() (from another thread).
  virtual void listen() = 0;
  virtual void stop() = 0;
};

// A server from the module; nullptr with `error` saying why (and what to do) when it cannot be loaded.
std::unique_ptr<HttpServer> make_http_server(std::string& error);

}  // namespace jixiao::cli

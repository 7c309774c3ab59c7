// cli/http_server.h over cpp-httplib, built as a module of its own (jixiao_http.so) that `jixiao serve`
// loads: the rest of jixiao never links cpp-httplib, OpenSSL's libssl or brotli.
#include <httplib.h>

#include "cli/http_server.h"

namespace jixiao::cli {

namespace {

class HttplibServer final : public HttpServer {
 public:
  void get(const std::string& pattern, HttpHandler handler) override { server_.Get(pattern, wrap(std::move(handler))); }
  void post(const std::string& pattern, HttpHandler handler) override { server_.Post(pattern, wrap(std::move(handler))); }
  void set_limits(size_t max_payload_bytes, int read_timeout_seconds, int write_timeout_seconds) override {
    server_.set_payload_max_length(max_payload_bytes);
    server_.set_read_timeout(read_timeout_seconds);
    server_.set_write_timeout(write_timeout_seconds);
  }
  void set_default_headers(const std::vector<std::pair<std::string, std::string>>& headers) override {
    server_.set_default_headers(httplib::Headers(headers.begin(), headers.end()));
  }
  int bind(const std::string& host, int port) override {
    return port == 0 ? server_.bind_to_any_port(host) : (server_.bind_to_port(host, port) ? port : -1);
  }
  void listen() override { server_.listen_after_bind(); }
  void stop() override { server_.stop(); }

 private:
  static httplib::Server::Handler wrap(HttpHandler handler) {
    return [handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
      HttpRequest in;
      for (const auto& m : req.matches) in.matches.push_back(m.str());
      in.params.insert(req.params.begin(), req.params.end());
      in.body = req.body;
      HttpResponse out;
      handler(in, out);
      res.status = out.status;
      for (const auto& [name, value] : out.headers) res.set_header(name, value);
      if (!out.content_type.empty()) res.set_content(out.body, out.content_type);
    };
  }

  httplib::Server server_;
};

}  // namespace

}  // namespace jixiao::cli

extern "C" __attribute__((visibility("default"))) jixiao::cli::HttpServer* jixiao_http_server_new() {
  return new jixiao::cli::HttplibServer();
}

// The local page over HTTP (cli/http_server.h, cpp-httplib in a module): routes, the token, the page's
// files, and nothing else — each request is handed to app/session.h, which runs the same app::check as
// `jixiao check`.
#include "cli/serve_command.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "app/session.h"
#include "cli/http_server.h"
#include "core/data_dir.h"
#include "core/module.h"

extern char** environ;

namespace jixiao::cli {

namespace {

namespace fs = std::filesystem;

struct ServeOptions {
  int port = 8765;
  std::string host = "127.0.0.1";
  bool open = false;
  unsigned max_files = 2000;
  unsigned max_mb = 1024;
};

bool is_loopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "::1"; }

void send_error(HttpResponse& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(nlohmann::json{{"error", message}}.dump(), "application/json; charset=utf-8");
}

void send_json(HttpResponse& res, const nlohmann::json& j) {
  res.set_content(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json; charset=utf-8");
}

// RFC 5987's filename*: every byte outside a few safe ASCII characters as %XX.
std::string attachment(const std::string& name) {
  std::string out = "attachment; filename*=UTF-8''";
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : name) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

bool send_file(HttpResponse& res, const fs::path& path, const std::string& type, const std::string& download_name = {}) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  res.set_content(std::string(std::istreambuf_iterator<char>(in), {}), type);
  if (!download_name.empty())
    res.set_header("Content-Disposition", attachment(download_name));
  return true;
}

const char* content_type(const fs::path& p) {
  const std::string e = p.extension().string();
  if (e == ".html") return "text/html; charset=utf-8";
  if (e == ".js") return "text/javascript; charset=utf-8";
  if (e == ".css") return "text/css; charset=utf-8";
  if (e == ".svg") return "image/svg+xml";
  if (e == ".png") return "image/png";
  return "application/octet-stream";
}

// Opens the page in the desktop's browser, without waiting for it.
void open_browser(const std::string& url) {
  pid_t pid;
  const char* argv[] = {"xdg-open", url.c_str(), nullptr};
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0)
    std::fprintf(stderr, "jixiao: 警告：无法自动打开浏览器（xdg-open），请手动打开上面的地址\n");
  else
    std::thread([pid] { waitpid(pid, nullptr, 0); }).detach();
}

int run_serve(const ServeOptions& o, const GlobalOptions& g) {
  const fs::path web = jixiao::data_dir() / "web";
  if (!fs::exists(web / "index.html")) {
    std::fprintf(stderr, "jixiao: 错误：找不到页面文件 %s；请检查安装\n", (web / "index.html").c_str());
    return kUnreadable;
  }
  if (!is_loopback(o.host))
    std::fprintf(stderr,
                 "jixiao: 警告：页面监听在 %s，本机以外的计算机也可能访问；地址中的口令是唯一的保护，请只在可信网络中使用\n",
                 o.host.c_str());
  app::SessionLimits limits;
  limits.max_files = o.max_files;
  limits.max_total_bytes = static_cast<uint64_t>(o.max_mb) << 20;
  limits.max_file_bytes = std::min<uint64_t>(limits.max_total_bytes, 100ull << 20);
  auto sessions_made = app::Sessions::create(limits);
  if (!sessions_made) {
    print_diagnostic(sessions_made.error(), g);
    return kUnreadable;
  }
  std::unique_ptr<app::Sessions> sessions = std::move(*sessions_made);
  app::Resources& resources = g.resources();
  const std::string token = app::random_token();
  const std::string base = "/s/" + token;

  // SIGINT/SIGTERM stop the server from a thread of their own (stop() is not for a signal handler).
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::string module_error;
  std::unique_ptr<HttpServer> made = make_http_server(module_error);
  if (!made) {
    std::fprintf(stderr, "jixiao: 错误：%s；请重新安装 jixiao（需要 libcpp-httplib），或用 JIXIAO_HTTP_MODULE 指定模块路径\n",
                 module_error.c_str());
    return kUnreadable;
  }
  HttpServer& server = *made;
  server.set_limits(limits.max_file_bytes + (1 << 20), 60, 60);
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Cache-Control", "no-store"},
                              {"Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"}});
  server.get("/", [](const HttpRequest&, HttpResponse& res) {
    res.status = 403;
    res.set_content("<!doctype html><meta charset=utf-8><p>请使用启动 jixiao serve 时终端中显示的完整地址（含口令）。</p>",
                    "text/html; charset=utf-8");
  });
  server.get(base, [base](const HttpRequest&, HttpResponse& res) { res.set_redirect(base + "/"); });
  server.get(base + "/", [web](const HttpRequest&, HttpResponse& res) {
    send_file(res, web / "index.html", content_type("index.html"));
  });
  server.get(base + R"(/assets/([a-z0-9_-]+\.(js|css|svg|png)))", [web](const HttpRequest& req, HttpResponse& res) {
    fs::path p = web / req.matches[1];
    if (!send_file(res, p, content_type(p))) send_error(res, 404, "没有这个文件");
  });
  const std::string api = base + "/api/sessions";
  server.post(api, [&](const HttpRequest&, HttpResponse& res) {
    auto id = sessions->open();
    if (!id) return send_error(res, 503, id.error().message);
    send_json(res, {{"id", *id}});
  });
  // Every session route: the session looked up, or 404.
  auto with_session = [&](auto handler) {
    return [&sessions, handler](const HttpRequest& req, HttpResponse& res) {
      auto s = sessions->find(req.matches[1]);
      if (!s) return send_error(res, 404, "这一批已经关闭或过期，请刷新页面重新开始");
      handler(*s, req, res);
    };
  };
  const std::string one = api + "/([0-9a-f]{24})";
  server.post(one + "/files", with_session([](app::Session& s, const HttpRequest& req, HttpResponse& res) {
    auto stored = s.add_file(req.param("name"), req.body);
    if (!stored) return send_error(res, 400, stored.error().message);
    send_json(res, {{"name", *stored}});
  }));
  server.post(one + "/start", with_session([&resources](app::Session& s, const HttpRequest& req, HttpResponse& res) {
    if (!s.start(resources, req.param("fix") == "1")) return send_error(res, 409, "没有可核对的文件，或核对已经开始");
    send_json(res, s.status());
  }));
  server.get(one, with_session([](app::Session& s, const HttpRequest&, HttpResponse& res) { send_json(res, s.status()); }));
  server.get(one + "/sheet", with_session([&resources](app::Session& s, const HttpRequest& req, HttpResponse& res) {
    auto view = s.sheet_view(req.param("file"), req.param("sheet"), req.param("cell"), resources);
    if (!view) return send_error(res, 404, view.error().message);
    send_json(res, *view);
  }));
  server.get(one + "/summary.xlsx", with_session([](app::Session& s, const HttpRequest&, HttpResponse& res) {
    auto p = s.download("summary");
    if (!p || !send_file(res, *p, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "汇总.xlsx"))
      send_error(res, 404, "汇总表尚未生成");
  }));
  // An annotated copy or a report, by name.
  server.get(one + "/file", with_session([](app::Session& s, const HttpRequest& req, HttpResponse& res) {
    auto p = s.download(req.param("name"));
    const char* type = p && p->extension() == ".docx"
                           ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                           : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (!p || !send_file(res, *p, type, p->filename().string())) send_error(res, 404, "没有这个文件");
  }));
  server.get(one + "/all.zip", with_session([](app::Session& s, const HttpRequest&, HttpResponse& res) {
    auto z = s.zip();
    if (!z) return send_error(res, 409, z.error().message);
    res.set_content(std::move(*z), "application/zip");
    res.set_header("Content-Disposition", attachment("核对结果.zip"));
  }));
  // The page says when it is closed (navigator.sendBeacon sends a POST).
  server.post(one + "/close", [&sessions](const HttpRequest& req, HttpResponse& res) {
    sessions->close(req.matches[1]);
    res.status = 204;
  });

  const int port = server.bind(o.host, o.port);
  if (port < 0) {
    std::fprintf(stderr, "jixiao: 错误：无法在 %s:%d 上监听（端口被占用？）；可用 --port 换一个端口，--port 0 由系统挑选\n",
                 o.host.c_str(), o.port);
    return kUsage;
  }
  const std::string shown_host = o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host;
  const std::string url = "http://" + shown_host + ":" + std::to_string(port) + base + "/";
  std::printf("jixiao 本地页面已启动：%s\n按 Ctrl+C 停止；停止时删除所有上传的文件和结果。\n", url.c_str());
  std::fflush(stdout);
  if (o.open) open_browser(url);

  std::atomic<bool> stopping_flag{false};
  std::mutex m;
  std::condition_variable cv;
  bool stopping = false;
  std::thread signals([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    if (!stopping_flag) server.stop();  // else woken at the end by us, not by the user
  });
  // Batches left idle for two hours are closed.
  std::thread janitor([&] {
    std::unique_lock lock(m);
    while (!cv.wait_for(lock, std::chrono::minutes(1), [&] { return stopping; })) sessions->expire(std::chrono::hours(2));
  });
  server.listen();
  {
    std::lock_guard lock(m);
    stopping = true;
  }
  stopping_flag = true;
  cv.notify_all();
  janitor.join();
  pthread_kill(signals.native_handle(), SIGTERM);  // blocked here, so it only wakes the sigwait
  signals.join();
  sessions.reset();
  std::printf("jixiao 本地页面已停止，临时文件已删除。\n");
  return kOk;
}

}  // namespace

std::unique_ptr<HttpServer> make_http_server(std::string& error) {
  using MakeFn = HttpServer* (*)();
  auto make = reinterpret_cast<MakeFn>(module_symbol("jixiao_http", "JIXIAO_HTTP_MODULE", "jixiao_http_server_new", "网页模块", error));
  return std::unique_ptr<HttpServer>(make ? make() : nullptr);
}

void add_serve_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto opts = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "启动本地网页：拖入一批工作簿，按部门和年度核对，查看问题所在单元格，下载批注副本和汇总表");
  cmd->add_option("--port", opts->port, "监听端口（默认 8765；0 表示由系统挑选空闲端口）")      ->check(CLI::Range(0, 65535).description(""))
      ->type_name("端口");
  cmd->add_option("--host", opts->host, "监听地址（默认 127.0.0.1，只允许本机访问；改为其他地址时会警告）")->type_name("地址");
  cmd->add_flag("--open", opts->open, "启动后用默认浏览器打开页面");
  cmd->add_option("--max-files", opts->max_files, "每批最多上传的文件数（默认 2000）")
      ->check(CLI::PositiveNumber)
      ->type_name("个数");
  cmd->add_option("--max-upload-mb", opts->max_mb, "每批上传文件的总大小上限（MiB，默认 1024）")
      ->check(CLI::PositiveNumber)
      ->type_name("MiB");
  cmd->callback([opts, &global, &exit_code] { exit_code = run_serve(*opts, global); });
}

}  // namespace jixiao::cli

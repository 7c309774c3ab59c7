// The local page's job (`jixiao serve`): one browser tab's batch. Uploaded files go into a private
// temporary directory of their own under sanitised names; check (the same app::check as the CLI,
// with annotated copies and the summary workbook) runs on a thread of its own while the page asks
// how far it is; then the page reads the results, the sheet around a finding's cell, and downloads
// the copies, the summary, the reports rendered for each department and year (app::render, as
// `jixiao render`: 部门决算情况说明 from its 公开 tables, 部门整体 and 项目 self-evaluation reports from its
// self-evaluations) and everything as one .zip. The directory goes with the session.
#pragma once

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "app/check.h"
#include "app/resources.h"

namespace jixiao::app {

struct SessionLimits {
  size_t max_files = 2000;
  uint64_t max_file_bytes = 64ull << 20;    // one upload
  uint64_t max_total_bytes = 1024ull << 20; // a session's uploads together
};

// A file name from a browser ("部门/子目录/自评表.xlsx", "..\\..\\x", "CON:") as a safe base name:
// the last path component, without control characters or characters Windows forbids, never "." or
// "..", at most 120 bytes (cut at a character boundary, the extension kept); "" when nothing is left.
std::string sanitised_name(std::string_view name);

class Session {
 public:
  // A new session directory inside `parent` (created with mode 0700, a random name).
  static Expected<std::unique_ptr<Session>> create(const std::filesystem::path& parent, SessionLimits limits = {});
  ~Session();  // waits for a running check, then removes the directory and everything in it
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Stores an upload; the name it was stored under (made unique: "表 (2).xlsx"). Refused past the
  // limits, for a file jixiao does not read, or once a check has started.
  Expected<std::string> add_file(std::string_view name, std::string_view bytes);

  // Starts the check of the uploads on a thread of its own; false when one ran already or there is
  // nothing to check. With `fix`, the copies are corrected ones (check --fix): wrong values replaced
  // by the recomputed ones, each noted.
  bool start(Resources& resources, bool fix = false);

  // {"state": "idle"|"running"|"done", "files": n, "phase": "index"|"check"|"render", "done", "total",
  //  "current": name} while running; with "done" also what results() returns.
  nlohmann::json status() const;

  // The sheet around a cell of an uploaded workbook as jixiao read it: {"file","sheet","cell",
  // "rows":[{"row":n,"cells":[text…]}],"columns":["A",…],"mark":{"row","col"}} — rows and columns
  // `radius` either side, the marked cell among them.
  Expected<nlohmann::json> sheet_view(const std::string& file, const std::string& sheet, const std::string& cell,
                                      Resources& resources, unsigned radius = 8) const;

  // A file to download: "summary" (汇总.xlsx), an annotated copy by its upload's name, or a report
  // by its name ("剑阁县医疗保障局 2022 部门决算情况说明.docx").
  std::optional<std::filesystem::path> download(const std::string& what) const;
  // Everything as one .zip: 汇总.xlsx and 批注副本/… .
  Expected<std::string> zip() const;

  std::chrono::steady_clock::time_point last_used() const { return last_used_.load(); }
  void touch() { last_used_ = std::chrono::steady_clock::now(); }
  const std::filesystem::path& directory() const { return dir_; }

 private:
  Session(std::filesystem::path dir, SessionLimits limits);
  nlohmann::json results() const;  // call with mutex_ held, after the check
  // Each department and year: its 部门决算情况说明 from its 公开 tables (last year's for the changes),
  // its 部门整体 self-evaluation report when its self-evaluation is there too, its 项目 self-evaluation
  // report from its project self-evaluations; failures become the result's warnings.
  void render_reports(Resources& resources, CheckResult& result);

  std::filesystem::path dir_;
  SessionLimits limits_;
  mutable std::mutex mutex_;
  std::vector<std::string> names_;  // the uploads' stored names, in upload order
  uint64_t bytes_ = 0;
  enum class State { Idle, Running, Done } state_ = State::Idle;
  CheckProgress progress_;
  std::unique_ptr<CheckResult> result_;
  std::vector<std::pair<std::string, std::filesystem::path>> reports_;  // (department + year, file)
  bool rendering_ = false;
  std::thread worker_;
  std::atomic<std::chrono::steady_clock::time_point> last_used_;
};

// The sessions of one `jixiao serve`: each in its own directory under a private root (mode 0700,
// made afresh in $TMPDIR), removed when it is closed, idle too long, or the server stops.
class Sessions {
 public:
  static Expected<std::unique_ptr<Sessions>> create(SessionLimits limits = {}, size_t max_sessions = 32);
  ~Sessions();  // every session closed, the root removed
  Sessions(const Sessions&) = delete;
  Sessions& operator=(const Sessions&) = delete;

  // A new session's id (random, 24 hex digits); refused when max_sessions are open.
  Expected<std::string> open();
  std::shared_ptr<Session> find(const std::string& id);
  void close(const std::string& id);
  // Closes the sessions nobody has used for `idle`.
  void expire(std::chrono::seconds idle);
  const std::filesystem::path& root() const { return root_; }

 private:
  Sessions(std::filesystem::path root, SessionLimits limits, size_t max_sessions)
      : root_(std::move(root)), limits_(limits), max_sessions_(max_sessions) {}
  std::filesystem::path root_;
  SessionLimits limits_;
  size_t max_sessions_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Session>> sessions_;
};

// 32 random hex digits from the system's random source: the page's token.
std::string random_token();

}  // namespace jixiao::app

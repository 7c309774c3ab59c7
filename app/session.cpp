#include "app/session.h"

#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <random>

#include "app/check_summary.h"
#include "app/render.h"
#include "core/ascii.h"
#include "readers/cell_ref.h"
#include "readers/cell_display.h"
#include "readers/xlsx_reader.h"
#include "writers/package_writer.h"

namespace jixiao::app {

namespace {

namespace fs = std::filesystem;

constexpr const char* kSummaryName = "汇总.xlsx";
constexpr const char* kCopiesDir = "批注副本";
constexpr const char* kReportsDir = "报告";

std::string random_hex(size_t bytes) {
  std::random_device rd;
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < bytes; ++i) {
    unsigned v = rd() & 0xFF;
    out += digits[v >> 4];
    out += digits[v & 15];
  }
  return out;
}

bool readable_kind(const std::string& name) {
  std::string e = fs::path(name).extension().string();
  for (char& c : e) c = ascii_lower(c);
  return e == ".xlsx" || e == ".xlsm" || e == ".xls" || e == ".docx" || e == ".docm" || e == ".pdf";
}

}  // namespace

std::string sanitised_name(std::string_view name) {
  // The last component, whichever separator the browser used.
  size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string out;
  for (char ch : name) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F || std::string_view("<>:\"|?*").find(ch) != std::string_view::npos) continue;
    out += ch;
  }
  // Leading dots would hide the file or name a parent; trailing dots and spaces Windows drops.
  while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(out.begin());
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  constexpr size_t kMax = 120;
  if (out.size() > kMax) {
    std::string ext = fs::path(out).extension().string();
    if (ext.size() > 10) ext.clear();
    size_t keep = kMax - ext.size();
    while (keep > 0 && (static_cast<unsigned char>(out[keep]) & 0xC0) == 0x80) --keep;  // a UTF-8 boundary
    out = out.substr(0, keep) + ext;
  }
  return out;
}

Session::Session(fs::path dir, SessionLimits limits) : dir_(std::move(dir)), limits_(limits) { touch(); }

Expected<std::unique_ptr<Session>> Session::create(const fs::path& parent, SessionLimits limits) {
  std::error_code ec;
  fs::create_directories(parent, ec);
  fs::path dir = parent / ("session-" + random_hex(12));
  if (ec || ::mkdir(dir.c_str(), 0700) != 0)
    return Diagnostic::error("serve.session", "无法创建会话的临时目录 " + dir.string());
  fs::create_directory(dir / "in", ec);
  if (ec) return Diagnostic::error("serve.session", "无法创建会话的临时目录 " + (dir / "in").string());
  return std::unique_ptr<Session>(new Session(dir, limits));
}

Session::~Session() {
  if (worker_.joinable()) worker_.join();
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

Expected<std::string> Session::add_file(std::string_view name, std::string_view bytes) {
  std::lock_guard lock(mutex_);
  touch();
  if (state_ != State::Idle) return Diagnostic::error("serve.started", "核对已经开始，不能再添加文件；请新建一批");
  std::string safe = sanitised_name(name);
  if (safe.empty()) return Diagnostic::error("serve.name", "文件名不可用：" + std::string(name));
  if (!readable_kind(safe))
    return Diagnostic::error("serve.kind", "只能核对工作簿（.xlsx、.xlsm、.xls）和报告（.docx、.pdf），未收下 " + safe, safe);
  if (names_.size() >= limits_.max_files)
    return Diagnostic::error("serve.limit", "一批最多 " + std::to_string(limits_.max_files) + " 个文件，未收下 " + safe, safe);
  if (bytes.size() > limits_.max_file_bytes)
    return Diagnostic::error("serve.limit", safe + " 超过单个文件 " + std::to_string(limits_.max_file_bytes >> 20) + " MiB 的上限", safe);
  if (bytes_ + bytes.size() > limits_.max_total_bytes)
    return Diagnostic::error("serve.limit", "这一批文件合计超过 " + std::to_string(limits_.max_total_bytes >> 20) + " MiB 的上限，未收下 " + safe, safe);
  // Unique within the batch: the annotated copies are named after the uploads.
  std::string stored = safe;
  const fs::path p(safe);
  for (int k = 2; std::find(names_.begin(), names_.end(), stored) != names_.end(); ++k)
    stored = p.stem().string() + " (" + std::to_string(k) + ")" + p.extension().string();
  fs::path target = dir_ / "in" / stored;
  {
    std::ofstream out(target, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Diagnostic::error("serve.write", "无法保存上传的文件 " + stored, stored);
  }
  names_.push_back(stored);
  bytes_ += bytes.size();
  return stored;
}

bool Session::start(Resources& resources, bool fix) {
  std::lock_guard lock(mutex_);
  touch();
  if (state_ != State::Idle || names_.empty()) return false;
  state_ = State::Running;
  progress_ = {CheckProgress::Check, 0, names_.size(), {}};
  CheckOptions o;
  for (const std::string& n : names_) o.files.push_back((dir_ / "in" / n).string());
  o.output_dir = (dir_ / kCopiesDir).string();
  o.summary = (dir_ / kSummaryName).string();
  o.fix = fix;
  o.keep_final_accounts = false;
  o.progress = [this](const CheckProgress& p) {
    std::lock_guard l(mutex_);
    progress_ = p;
  };
  worker_ = std::thread([this, &resources, o = std::move(o)] {
    auto r = std::make_unique<CheckResult>(check(resources, o));
    if (r->status != Status::Refused) render_reports(resources, *r);
    std::lock_guard l(mutex_);
    result_ = std::move(r);
    state_ = State::Done;
  });
  return true;
}

void Session::render_reports(Resources& resources, CheckResult& result) {
  std::vector<SummaryRow> rows = summary_rows(result);
  // The files of a department's year that hold a kind of table.
  auto files_of = [&](const std::string& dept, const std::string& year, bool CheckedFile::*kind) {
    std::vector<std::string> files;
    for (const SummaryRow& row : rows)
      if (row.year == year && department_key(row.department) == department_key(dept))
        for (size_t i : row.files)
          if (result.checked[i].*kind && !result.checked[i].unreadable) files.push_back(result.checked[i].file);
    return files;
  };
  // What to render: the shipped templates as `jixiao render` takes them.
  struct Job {
    std::string group, templ, what;
    std::vector<std::string> data, prior;
  };
  std::vector<Job> jobs;
  for (const SummaryRow& row : rows) {
    if (row.year.empty()) continue;
    const std::string group = department_shown(row.department) + " " + row.year;
    auto tables = row.department.empty() ? std::vector<std::string>{}
                                         : files_of(row.department, row.year, &CheckedFile::final_accounts);
    auto prior = row.department.empty() || row.year.size() != 4
                     ? std::vector<std::string>{}
                     : files_of(row.department, std::to_string(std::stoi(row.year) - 1), &CheckedFile::final_accounts);
    if (!tables.empty()) {
      jobs.push_back({group, "final-accounts-report", "部门决算情况说明", tables, prior});
      auto dept = files_of(row.department, row.year, &CheckedFile::dept_selfeval);
      if (!dept.empty()) {
        dept.insert(dept.begin(), tables.begin(), tables.end());
        jobs.push_back({group, "dept-report", "部门整体支出绩效自评报告", dept, prior});
      }
    }
    auto projects = files_of(row.department, row.year, &CheckedFile::project_selfeval);
    if (!projects.empty()) jobs.push_back({group, "project-report", "项目支出绩效自评报告", projects, {}});
  }
  std::error_code ec;
  if (!jobs.empty()) fs::create_directories(dir_ / kReportsDir, ec);
  for (size_t k = 0; k < jobs.size(); ++k) {
    const Job& job = jobs[k];
    RenderOptions o;
    o.templ = job.templ;
    o.data = job.data;
    o.prior = job.prior;
    o.lenient = true;  // facts the tables cannot give (reasons, notes) stay empty
    const std::string name = sanitised_name(job.group + " " + job.what + ".docx");
    o.output = (dir_ / kReportsDir / name).string();
    {
      std::lock_guard lock(mutex_);
      rendering_ = true;
      progress_ = {CheckProgress::Check, k, jobs.size(), name};
    }
    RenderResult r = render(resources, o);
    if (r.ok() && !r.written.empty()) {
      std::lock_guard lock(mutex_);
      reports_.emplace_back(job.group, fs::path(r.written));
    } else {
      Diagnostic d;
      d.code = "serve.report";
      d.severity = Severity::Warning;
      d.message = job.group + " 年的" + job.what + "未能生成" +
                  (r.diagnostics.empty() ? std::string() : "：" + r.diagnostics.back().message);
      result.add(d);
    }
  }
}

nlohmann::json Session::status() const {
  std::lock_guard lock(mutex_);
  nlohmann::json j;
  j["files"] = names_.size();
  if (state_ == State::Idle) {
    j["state"] = "idle";
  } else if (state_ == State::Running) {
    j["state"] = "running";
    j["phase"] = rendering_ ? "render" : progress_.phase == CheckProgress::Index ? "index" : "check";
    j["done"] = progress_.done;
    j["total"] = progress_.total;
    j["current"] = fs::path(progress_.file).filename().string();
  } else {
    j["state"] = "done";
    j["results"] = results();
  }
  return j;
}

nlohmann::json Session::results() const {
  const CheckResult& r = *result_;
  using Json = nlohmann::json;
  auto name = [](const std::string& path) { return fs::path(path).filename().string(); };
  Json files = Json::array();
  for (const CheckedFile& f : r.checked)
    files.push_back({{"name", name(f.file)}, {"department", f.department}, {"year", f.year}, {"sheets", f.sheets},
                     {"recognised", f.recognised}, {"unreadable", f.unreadable}, {"report", f.report},
                     {"copy", !f.copy.empty()}});
  Json findings = Json::array();
  for (const Finding& f : r.findings)
    findings.push_back({{"severity", f.severity == Severity::Error ? "error" : f.severity == Severity::Warning ? "warning" : "info"},
                        {"file", name(f.file)}, {"sheet", f.sheet}, {"cell", f.cell}, {"rule", f.rule},
                        {"message", f.message}, {"expected", f.expected}, {"found", f.found}});
  auto reports_json = [&] {
    Json out = Json::array();
    for (const auto& [group, path] : reports_) out.push_back({{"group", group}, {"name", path.filename().string()}});
    return out;
  };
  Json rows = Json::array();
  for (const SummaryRow& row : summary_rows(r)) {
    Json names = Json::array();
    for (size_t i : row.files) names.push_back(name(r.checked[i].file));
    rows.push_back({{"department", department_shown(row.department)}, {"year", row.year}, {"files", names},
                    {"recognised", row.recognised}, {"unrecognised", row.unrecognised}, {"unreadable", row.unreadable},
                    {"errors", row.errors}, {"warnings", row.warnings}, {"infos", row.infos}, {"findings", row.findings}});
  }
  Json problems = Json::array();
  for (const Diagnostic& d : r.diagnostics)
    problems.push_back({{"severity", d.severity == Severity::Error ? "error" : "warning"}, {"message", d.to_text()}});
  // The uploads' directory is not the user's business: names only.
  for (Json& p : problems) {
    std::string m = p["message"];
    const std::string in = (dir_ / "in").string() + "/";
    for (size_t at; (at = m.find(in)) != std::string::npos;) m.erase(at, in.size());
    p["message"] = m;
  }
  return {{"rows", rows},
          {"findings", findings},
          {"files", files},
          {"problems", problems},
          {"counts", {{"files", r.files.size()}, {"sheets", r.sheets}, {"recognised", r.recognised},
                      {"errors", r.counts.error}, {"warnings", r.counts.warning}, {"infos", r.counts.info}}},
          {"summary", !r.summary.empty()},
          {"fixed", r.fixed},
          {"reports", reports_json()}};
}

Expected<nlohmann::json> Session::sheet_view(const std::string& file, const std::string& sheet, const std::string& cell,
                                             Resources& resources, unsigned radius) const {
  {
    std::lock_guard lock(mutex_);
    if (std::find(names_.begin(), names_.end(), file) == names_.end())
      return Diagnostic::error("serve.file", "这一批里没有文件 " + file);
  }
  auto pos = parse_cell(cell);
  if (!pos) return Diagnostic::error("serve.cell", "不是单元格地址：" + cell);
  Diagnostics diags;
  auto wb = read_xlsx_file((dir_ / "in" / file).string(), diags, resources.xlsx());
  if (!wb) return wb.error();
  const Sheet* s = wb->sheet(sheet);
  if (!s) return Diagnostic::error("serve.sheet", file + " 中没有工作表“" + sheet + "”");
  const uint32_t r0 = pos->row > radius ? pos->row - radius : 0, c0 = pos->col > radius / 2 ? pos->col - radius / 2 : 0;
  const uint32_t r1 = pos->row + radius, c1 = pos->col + radius / 2;
  nlohmann::json columns = nlohmann::json::array();
  for (uint32_t c = c0; c <= c1; ++c) columns.push_back(column_name(c));
  nlohmann::json rows = nlohmann::json::array();
  CellDisplay display(*wb);  // what the cell shows, as the recognition reads it
  for (uint32_t r = r0; r <= r1; ++r) {
    nlohmann::json cells = nlohmann::json::array();
    for (uint32_t c = c0; c <= c1; ++c) {
      const Cell* x = s->find({r, c});
      std::string text;
      if (x) display.display(*x, text);
      cells.push_back(std::move(text));
    }
    rows.push_back({{"row", r + 1}, {"cells", std::move(cells)}});
  }
  return nlohmann::json{{"file", file}, {"sheet", s->name}, {"cell", cell}, {"columns", columns}, {"rows", rows},
                        {"mark", {{"row", pos->row - r0}, {"col", pos->col - c0}}}};
}

std::optional<fs::path> Session::download(const std::string& what) const {
  std::lock_guard lock(mutex_);
  if (state_ != State::Done || !result_) return std::nullopt;
  if (what == "summary") {
    if (result_->summary.empty()) return std::nullopt;
    return fs::path(result_->summary);
  }
  for (const auto& [group, path] : reports_)
    if (path.filename().string() == what) return path;
  // A copy, by its upload's name: looked up among the copies written, never joined to a path.
  for (const CheckedFile& f : result_->checked)
    if (!f.copy.empty() && fs::path(f.file).filename().string() == what) return fs::path(f.copy);
  return std::nullopt;
}

Expected<std::string> Session::zip() const {
  std::lock_guard lock(mutex_);
  if (state_ != State::Done || !result_) return Diagnostic::error("serve.not_done", "核对尚未完成");
  PackageWriter out;
  auto add = [&](const fs::path& path, const std::string& name) -> bool {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out.put(name, std::string(std::istreambuf_iterator<char>(in), {}));
    return true;
  };
  if (!result_->summary.empty()) add(result_->summary, kSummaryName);
  for (const CheckedFile& f : result_->checked)
    if (!f.copy.empty()) add(f.copy, std::string(kCopiesDir) + "/" + fs::path(f.copy).filename().string());
  for (const auto& [group, path] : reports_) add(path, std::string(kReportsDir) + "/" + path.filename().string());
  return out.write_memory();
}

std::string random_token() { return random_hex(16); }

Expected<std::unique_ptr<Sessions>> Sessions::create(SessionLimits limits, size_t max_sessions) {
  std::error_code ec;
  fs::path tmp = fs::temp_directory_path(ec);
  if (ec) tmp = "/tmp";
  std::string pattern = (tmp / "jixiao-serve-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) return Diagnostic::error("serve.tmp", "无法在 " + tmp.string() + " 中创建临时目录");
  return std::unique_ptr<Sessions>(new Sessions(pattern, limits, max_sessions));
}

Sessions::~Sessions() {
  {
    std::lock_guard lock(mutex_);
    sessions_.clear();
  }
  std::error_code ec;
  fs::remove_all(root_, ec);
}

Expected<std::string> Sessions::open() {
  std::lock_guard lock(mutex_);
  if (sessions_.size() >= max_sessions_)
    return Diagnostic::error("serve.sessions", "同时打开的批次已达上限（" + std::to_string(max_sessions_) + "），请关闭不用的页面");
  auto s = Session::create(root_, limits_);
  if (!s) return s.error();
  std::string id = random_hex(12);
  sessions_[id] = std::shared_ptr<Session>(std::move(*s));
  return id;
}

std::shared_ptr<Session> Sessions::find(const std::string& id) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return nullptr;
  it->second->touch();
  return it->second;
}

void Sessions::close(const std::string& id) {
  std::shared_ptr<Session> gone;  // destroyed outside the lock: it may wait for its check
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return;
  gone = std::move(it->second);
  sessions_.erase(it);
}

void Sessions::expire(std::chrono::seconds idle) {
  std::vector<std::shared_ptr<Session>> gone;
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  for (auto it = sessions_.begin(); it != sessions_.end();)
    if (now - it->second->last_used() > idle) {
      gone.push_back(std::move(it->second));
      it = sessions_.erase(it);
    } else {
      ++it;
    }
}

}  // namespace jixiao::app

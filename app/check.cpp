#include "app/check.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <future>
#include <map>
#include <set>

#include "app/check_reports.h"
#include "app/check_summary.h"
#include "app/inputs.h"
#include "app/workbooks.h"
#include "mapping/batch.h"
#include "writers/record_json.h"
#include "writers/xlsx_annotate.h"
#include "writers/xlsx_from_workbook.h"

namespace jixiao::app {

namespace {

namespace fs = std::filesystem;

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

// Where each input's copy goes: DIR/<basename>. Refused, before anything is read, when a copy
// would land on an input (DIR holds the inputs) or two inputs share a basename: an annotated copy
// never replaces a submitted file, and one copy never replaces another.
Expected<std::map<std::string, fs::path>> plan_copies(const std::vector<std::string>& files, const std::string& dir) {
  std::map<std::string, fs::path> out;
  std::map<fs::path, std::string> by_target;
  auto refuse = [](std::string message) {
    Diagnostic d;
    d.code = "annotate.target";
    d.message = std::move(message);
    return d;
  };
  // The inputs by name: a copy can only land on an input of the same file name.
  std::multimap<std::string, const std::string*> by_name;
  for (const std::string& input : files) by_name.emplace(fs::path(input).filename().string(), &input);
  for (const std::string& file : files) {
    // An .xls input's copy is an .xlsx made from its cells (writers/xlsx_from_workbook.h).
    fs::path target = annotated_copy_path(file, (fs::path(dir) / fs::path(file).filename()).string());
    auto [lo, hi] = by_name.equal_range(target.filename().string());
    for (auto it = lo; it != hi; ++it)
      if (same_file(target, *it->second))
        return refuse("批注副本 " + target.string() + " 会覆盖输入文件 " + *it->second + "；请用另一个输出目录（-o）");
    auto [it, fresh] = by_target.emplace(target.lexically_normal(), file);
    if (!fresh && !same_file(it->second, file))
      return refuse("输入文件 " + it->second + " 与 " + file + " 同名，批注副本会互相覆盖；请分两次核对或改名");
    out[file] = target;
  }
  return out;
}

int rank(Severity s) { return s == Severity::Error ? 0 : s == Severity::Warning ? 1 : 2; }

// Files read together in the second pass: enough for both cores to be busy, few enough that their
// records are small beside the process. Every file of a department (any year: the rules compare a
// year with the one before) is in the same chunk; a file that names no department fills a chunk up.
constexpr size_t kChunkFiles = 32;

class Batch {
 public:
  Batch(Resources& resources, const CheckOptions& o, const jixiao::CheckOptions& rules, const std::vector<LayoutSpec>& layouts,
        CheckResult& result)
      : resources_(resources), o_(o), opt_(rules), layouts_(layouts), r_(result) {}

  std::map<std::string, fs::path> copies;

  void run() {
    const size_t n = r_.files.size();
    std::vector<std::vector<size_t>> chunks;
    if (n <= o_.in_memory) {
      chunks.emplace_back(n);
      for (size_t i = 0; i < n; ++i) chunks[0][i] = i;
    } else {
      r_.indexed = true;
      chunks = index();
    }
    for (const auto& chunk : chunks) check_chunk(chunk);
  }

 private:
  void report(CheckProgress::Phase phase, size_t done, size_t file) {
    if (o_.progress) o_.progress({phase, done, r_.files.size(), r_.files[file]});
  }

  // The first pass: every file read and recognised for the departments it names, nothing kept but
  // those names; then the files joined by department into chunks.
  std::vector<std::vector<size_t>> index() {
    auto t0 = std::chrono::steady_clock::now();
    const size_t n = r_.files.size();
    std::vector<size_t> parent(n);
    for (size_t i = 0; i < n; ++i) parent[i] = i;
    auto find = [&](size_t i) {
      while (parent[i] != i) i = parent[i] = parent[parent[i]];
      return i;
    };
    std::map<std::string, size_t> first_with;  // department key -> a file naming it
    for (size_t start = 0; start < n; start += kChunkFiles) {
      size_t end = std::min(n, start + kChunkFiles);
      std::vector<std::string> sub(r_.files.begin() + start, r_.files.begin() + end);
      auto mapped = map_files(sub, layouts_, resources_.xlsx(), [&](size_t done, size_t, size_t k) { report(CheckProgress::Index, start + done, start + k); });
      for (size_t k = 0; k < mapped.size(); ++k) {
        const size_t i = start + k;
        if (mapped[k].error) {
          // Said once, here; the second pass passes the file over.
          r_.checked[i].unreadable = true;
          r_.fail(Status::Unreadable, *mapped[k].error);
          continue;
        }
        for (const MappedSheet& s : mapped[k].sheets) {
          if (!s.record) continue;
          // The key run_check groups by: the department (all its years together), or for a table
          // naming none, its year alone — such tables of one year are one group there too.
          std::string key = department_key(s.record->text("department"));
          if (key.empty()) {
            std::string year = year_key(s.record->text("year"));
            if (year.empty()) continue;
            key = "\x01" + year;  // never a department's key
          }
          auto [it, fresh] = first_with.emplace(key, i);
          if (!fresh) parent[find(i)] = find(it->second);
        }
      }
    }
    std::map<size_t, std::vector<size_t>> units;  // by root; each unit's files in the order given
    for (size_t i = 0; i < n; ++i)
      if (!r_.checked[i].unreadable) units[find(i)].push_back(i);
    std::vector<std::vector<size_t>> ordered;
    for (auto& [root, files] : units) ordered.push_back(std::move(files));
    std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.front() < b.front(); });
    std::vector<std::vector<size_t>> chunks;
    for (auto& unit : ordered) {
      if (chunks.empty() || chunks.back().size() + unit.size() > kChunkFiles) chunks.emplace_back();
      chunks.back().insert(chunks.back().end(), unit.begin(), unit.end());
    }
    index_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return chunks;
  }

  void check_chunk(const std::vector<size_t>& chunk) {
    auto t0 = std::chrono::steady_clock::now();
    auto lap = [&](double& into) {
      auto now = std::chrono::steady_clock::now();
      into += std::chrono::duration<double>(now - t0).count();
      t0 = now;
    };
    std::vector<std::string> sub;
    for (size_t i : chunk) sub.push_back(r_.files[i]);
    const size_t before = done_;
    auto mapped = map_files(sub, layouts_, resources_.xlsx(), [&](size_t done, size_t, size_t k) { report(CheckProgress::Check, before + done, chunk[k]); });
    done_ += chunk.size();
    std::vector<Record> records;
    for (size_t k = 0; k < mapped.size(); ++k) {
      MappedFile& m = mapped[k];
      CheckedFile& f = r_.checked[chunk[k]];
      r_.add(m.diagnostics);
      if (m.error) {
        f.unreadable = true;
        r_.fail(Status::Unreadable, *m.error);
        continue;
      }
      for (MappedSheet& s : m.sheets) {
        ++r_.sheets;
        ++f.sheets;
        if (!s.record) continue;
        ++r_.recognised;
        ++f.recognised;
        f.final_accounts |= s.record->kind == "final_accounts_table";
        f.project_selfeval |= s.record->kind == "project_selfeval";
        f.dept_selfeval |= s.record->kind == "dept_selfeval";
        // The file's department and year: those of its first table that names a department.
        std::string dept = s.record->text("department");
        if (f.department.empty() && !dept.empty()) {
          f.department = dept;
          f.year = year_key(s.record->text("year"));
        } else if (f.department.empty() && f.year.empty()) {
          f.year = year_key(s.record->text("year"));
        }
        records.push_back(std::move(*s.record));
      }
    }
    mapped.clear();
    lap(read_seconds_);
    jixiao::CheckResult checked = run_check(records, opt_);
    lap(check_seconds_);
    r_.diagnostics.insert(r_.diagnostics.end(), checked.problems.begin(), checked.problems.end());
    for (DepartmentYear& g : checked.groups) {
      g.members.clear();  // indexes into records about to go
      if (!o_.keep_final_accounts) g.final_accounts = Record{};
      r_.groups.push_back(std::move(g));
    }
    if (!copies.empty()) annotate(chunk, checked.findings);
    r_.findings.insert(r_.findings.end(), std::make_move_iterator(checked.findings.begin()),
                       std::make_move_iterator(checked.findings.end()));
    lap(annotate_seconds_);
  }

  // Annotated copies of the chunk's files with findings.
  void annotate(const std::vector<size_t>& chunk, const Findings& findings) {
    if (!directory_made_) {
      std::error_code ec;
      fs::create_directories(o_.output_dir, ec);
      if (ec) {
        Diagnostic d;
        d.code = "annotate.directory";
        d.file = o_.output_dir;
        d.message = "无法创建输出目录：" + ec.message();
        r_.fail(Status::Refused, std::move(d));
        copies.clear();
        return;
      }
      directory_made_ = true;
    }
    AnnotateOptions ao;
    ao.fix = o_.fix;
    // A fixed copy checked again on its own (rules across files have nothing to compare with there,
    // so only the file's own findings can correct a fix).
    ao.recheck = [&](const std::string& path) {
      std::vector<Record> recs;
      for (MappedFile& m : map_files({path}, layouts_, resources_.xlsx()))
        for (MappedSheet& s : m.sheets)
          if (s.record) recs.push_back(std::move(*s.record));
      return run_check(recs, opt_).findings;
    };
    for (size_t i : chunk) {
      const std::string& file = r_.files[i];
      if (!annotated_.insert(file).second) continue;
      Findings mine;
      for (const Finding& f : findings)
        if (f.file == file) mine.push_back(f);
      if (mine.empty()) continue;
      auto w = write_annotated_copy(file, mine, ao, copies[file].string());
      if (!w) {
        r_.fail(Status::Unreadable, w.error());
        continue;
      }
      r_.checked[i].copy = copies[file].string();
    }
  }

 public:
  void phases() {
    if (r_.indexed) r_.phases.push_back({"index", index_seconds_});
    r_.phases.push_back({"read and map", read_seconds_});
    r_.phases.push_back({"recompute and rules", check_seconds_});
    if (!copies.empty()) r_.phases.push_back({"annotate", annotate_seconds_});
  }

 private:
  Resources& resources_;
  const CheckOptions& o_;
  const jixiao::CheckOptions& opt_;
  const std::vector<LayoutSpec>& layouts_;
  CheckResult& r_;
  size_t done_ = 0;
  bool directory_made_ = false;
  std::set<std::string> annotated_;
  double index_seconds_ = 0, read_seconds_ = 0, check_seconds_ = 0, annotate_seconds_ = 0;
};

}  // namespace

CheckResult check(Resources& resources, const CheckOptions& o) {
  CheckResult result;
  Inputs inputs = expand_inputs(o.files, o.recursive, result);
  if (result.status == Status::Refused) return result;
  result.files = std::move(inputs.workbooks);
  if (result.files.empty() && inputs.reports.empty()) {
    result.fail(Status::Refused, "input.none", "没有要核对的工作簿（.xlsx、.xlsm 或 .xls）或报告（.docx、.pdf）");
    return result;
  }
  result.checked.resize(result.files.size());
  for (size_t i = 0; i < result.files.size(); ++i) result.checked[i].file = result.files[i];
  // The rules load on a thread of their own while the layouts load here: both only parse and check
  // data files, a third of a small check's instructions between them.
  auto rules_loading = std::async(std::launch::async, [&] { return resources.rules(o.rules); });
  auto layouts = resources.layouts();
  auto rules = rules_loading.get();
  if (!layouts) {
    result.fail(Status::Refused, layouts.error());
    return result;
  }
  if (!rules) {
    result.fail(Status::Refused, rules.error());
    return result;
  }
  jixiao::CheckOptions opt;
  opt.rules = &*rules;
  opt.profile_override = o.profile;
  opt.profile = [&](const std::string& id) { return resources.profile(id); };
  if (!o.profile.empty())
    if (auto p = opt.profile(o.profile); !p) {
      result.fail(Status::Refused, p.error());
      return result;
    }
  if (o.fix && o.output_dir.empty()) {
    result.fail(Status::Refused, "usage.fix", "--fix 须与 -o 一起使用：改正写在副本里，从不改动输入文件");
    return result;
  }
  if (std::string input = input_named_by(o.summary, result.files); !input.empty()) {
    result.fail(Status::Refused, "summary.target", "汇总表 " + o.summary + " 会覆盖输入文件 " + input + "；请换一个文件名");
    return result;
  }
  Batch batch(resources, o, opt, **layouts, result);
  if (!o.output_dir.empty()) {
    auto plan = plan_copies(result.files, o.output_dir);
    if (!plan) {
      result.fail(Status::Refused, plan.error());
      return result;
    }
    batch.copies = std::move(plan).value();
    result.output_dir = o.output_dir;
  }
  batch.run();
  batch.phases();
  // The reports, against the tables just read (their findings are sorted with the rest below).
  if (!inputs.reports.empty()) audit_reports(resources, inputs.reports, o.output_dir, result);

  std::map<std::string, size_t> file_order;
  for (size_t i = 0; i < result.files.size(); ++i) file_order.emplace(result.files[i], i);
  std::stable_sort(result.findings.begin(), result.findings.end(), [&](const Finding& a, const Finding& b) {
    auto fa = file_order.find(a.file), fb = file_order.find(b.file);
    size_t ia = fa == file_order.end() ? SIZE_MAX : fa->second, ib = fb == file_order.end() ? SIZE_MAX : fb->second;
    if (ia != ib) return ia < ib;
    if (a.sheet != b.sheet) return a.sheet < b.sheet;
    return rank(a.severity) < rank(b.severity);
  });
  for (const Finding& f : result.findings) {
    switch (f.severity) {
      case Severity::Error: ++result.counts.error; break;
      case Severity::Warning: ++result.counts.warning; break;
      case Severity::Info: ++result.counts.info; break;
    }
  }
  if (result.counts.error > 0) result.raise(Status::Findings);
  for (const CheckedFile& f : result.checked)
    if (!f.copy.empty()) {
      result.annotated.emplace_back(f.file, f.copy);
      if (needs_xlsx_conversion(f.file)) result.from_xls.insert(f.file);
    }
  result.fixed = o.fix && !result.output_dir.empty();
  if (!o.summary.empty()) {
    if (auto w = write_check_summary(result, o.summary); !w) result.fail(Status::Unreadable, w.error());
    else result.summary = o.summary;
  }
  return result;
}

nlohmann::ordered_json check_json(const CheckResult& result) {
  using Json = nlohmann::ordered_json;
  Json out;
  out["findings"] = findings_json(result.findings);
  if (!result.output_dir.empty()) {
    Json arr = Json::array();
    for (const auto& [in, copy] : result.annotated) arr.push_back({{"file", in}, {"output", copy}});
    out["annotated"] = std::move(arr);
  }
  out["summary"] = {{"error", result.counts.error},     {"warning", result.counts.warning},
                    {"info", result.counts.info},       {"files", result.files.size()},
                    {"sheets", result.sheets},          {"recognised", result.recognised}};
  Json groups = Json::array();
  for (const DepartmentYear& g : result.groups) {
    Json jg;
    jg["department"] = g.department;
    jg["year"] = g.year;
    if (g.has_final_accounts) jg["final_accounts"] = record_json(g.final_accounts);
    groups.push_back(std::move(jg));
  }
  out["groups"] = std::move(groups);
  return out;
}

}  // namespace jixiao::app

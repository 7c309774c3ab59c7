#include "app/check.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>

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
Expected<std::map<std::string, fs::path>> plan_copies(const CheckOptions& o) {
  std::map<std::string, fs::path> out;
  std::map<fs::path, std::string> by_target;
  auto refuse = [](std::string message) {
    Diagnostic d;
    d.code = "annotate.target";
    d.message = std::move(message);
    return d;
  };
  for (const std::string& file : o.files) {
    // An .xls input's copy is an .xlsx made from its cells (writers/xlsx_from_workbook.h).
    fs::path target = annotated_copy_path(file, (fs::path(o.output_dir) / fs::path(file).filename()).string());
    for (const std::string& input : o.files)
      if (same_file(target, input))
        return refuse("批注副本 " + target.string() + " 会覆盖输入文件 " + input + "；请用另一个输出目录（-o）");
    auto [it, fresh] = by_target.emplace(target.lexically_normal(), file);
    if (!fresh && !same_file(it->second, file))
      return refuse("输入文件 " + it->second + " 与 " + file + " 同名，批注副本会互相覆盖；请分两次核对或改名");
    out[file] = target;
  }
  return out;
}

int rank(Severity s) { return s == Severity::Error ? 0 : s == Severity::Warning ? 1 : 2; }

}  // namespace

CheckResult check(Resources& resources, const CheckOptions& o) {
  CheckResult result;
  result.files = o.files;
  auto layouts = resources.layouts();
  if (!layouts) {
    result.fail(Status::Refused, layouts.error());
    return result;
  }
  auto rules = resources.rules(o.rules);
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
  std::map<std::string, fs::path> copies;
  if (!o.output_dir.empty()) {
    auto plan = plan_copies(o);
    if (!plan) {
      result.fail(Status::Refused, plan.error());
      return result;
    }
    copies = std::move(plan).value();
  }

  auto t0 = std::chrono::steady_clock::now();
  auto lap = [&](const char* what) {
    auto now = std::chrono::steady_clock::now();
    result.phases.push_back({what, std::chrono::duration<double>(now - t0).count()});
    t0 = now;
  };
  // Read and recognise every file, both cores at once.
  auto mapped = map_files(o.files, **layouts, resources.xlsx(), o.progress);
  lap("read and map");
  std::vector<Record> records;
  for (MappedFile& m : mapped) {
    result.add(m.diagnostics);
    if (m.error) {
      result.fail(Status::Unreadable, *m.error);
      continue;
    }
    for (MappedSheet& s : m.sheets) {
      ++result.sheets;
      if (!s.record) continue;
      ++result.recognised;
      records.push_back(std::move(*s.record));
    }
  }
  mapped.clear();
  lap("collect");
  jixiao::CheckResult checked = run_check(records, opt);
  lap("recompute and rules");
  result.diagnostics.insert(result.diagnostics.end(), checked.problems.begin(), checked.problems.end());
  result.groups = std::move(checked.groups);
  result.findings = std::move(checked.findings);

  std::map<std::string, size_t> file_order;
  for (size_t i = 0; i < o.files.size(); ++i) file_order.emplace(o.files[i], i);
  std::stable_sort(result.findings.begin(), result.findings.end(), [&](const Finding& a, const Finding& b) {
    size_t fa = file_order.count(a.file) ? file_order[a.file] : SIZE_MAX;
    size_t fb = file_order.count(b.file) ? file_order[b.file] : SIZE_MAX;
    if (fa != fb) return fa < fb;
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
  if (copies.empty()) return result;
  result.output_dir = o.output_dir;

  // Annotated copies of the files with findings, in the order given.
  std::error_code ec;
  fs::create_directories(o.output_dir, ec);
  if (ec) {
    Diagnostic d;
    d.code = "annotate.directory";
    d.file = o.output_dir;
    d.message = "无法创建输出目录：" + ec.message();
    result.fail(Status::Refused, std::move(d));
    return result;
  }
  AnnotateOptions ao;
  ao.fix = o.fix;
  // A fixed copy checked again on its own (rules across files have nothing to compare with there,
  // so only the file's own findings can correct a fix).
  ao.recheck = [&](const std::string& path) {
    std::vector<Record> recs;
    for (MappedFile& m : map_files({path}, **layouts, resources.xlsx()))
      for (MappedSheet& s : m.sheets)
        if (s.record) recs.push_back(std::move(*s.record));
    return run_check(recs, opt).findings;
  };
  std::set<std::string> done;
  for (const std::string& file : o.files) {
    if (!done.insert(file).second) continue;
    Findings mine;
    for (const Finding& f : result.findings)
      if (f.file == file) mine.push_back(f);
    if (mine.empty()) continue;
    auto w = write_annotated_copy(file, mine, ao, copies[file].string());
    if (!w) {
      result.fail(Status::Unreadable, w.error());
      continue;
    }
    result.annotated.emplace_back(file, copies[file].string());
    if (needs_xlsx_conversion(file)) result.from_xls.insert(file);
  }
  result.fixed = o.fix;
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

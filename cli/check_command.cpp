#include "cli/check_command.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <set>
#include <iostream>
#include <map>
#include <memory>

#include "core/data_dir.h"
#include "mapping/batch.h"
#include "model/check.h"
#include "writers/record_json.h"
#include "writers/xlsx_annotate.h"
#include "writers/xlsx_from_workbook.h"

namespace jixiao::cli {

namespace {

struct CheckCliOptions {
  std::vector<std::string> files;
  std::vector<std::string> rules;
  std::string profile;
  bool json = false;
  std::string output_dir;  // -o: annotated copies, one per input with findings
  bool fix = false;
};

namespace fs = std::filesystem;

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

// Where each input's copy goes: DIR/<basename>. Refused, before anything is read, when a copy
// would land on an input (DIR holds the inputs) or two inputs share a basename: an annotated copy
// never replaces a submitted file, and one copy never replaces another.
Expected<std::map<std::string, fs::path>> plan_copies(const CheckCliOptions& o) {
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

const char* severity_word(Severity s) {
  return s == Severity::Error ? "错误" : s == Severity::Warning ? "警告" : "提示";
}

int rank(Severity s) { return s == Severity::Error ? 0 : s == Severity::Warning ? 1 : 2; }

int run_check_command(const CheckCliOptions& o, const GlobalOptions& g) {
  auto layouts = load_cli_layouts(g);
  if (!layouts) {
    print_diagnostic(layouts.error());
    return kUsage;
  }
  auto rules = load_rule_dir(data_dir() / "model" / "rules");
  if (!rules) {
    print_diagnostic(rules.error());
    return kUsage;
  }
  for (const std::string& extra : o.rules) {
    auto more = load_rules(extra);
    if (!more) {
      print_diagnostic(more.error());
      return kUsage;
    }
    rules->merge(std::move(more).value());
  }
  std::map<std::string, Profile> profiles;
  CheckOptions opt;
  opt.rules = &*rules;
  opt.profile_override = o.profile;
  opt.profile = [&](const std::string& id) -> Expected<const Profile*> {
    auto it = profiles.find(id);
    if (it != profiles.end()) return &it->second;
    auto p = find_profile(id, data_dir());
    if (!p) return p.error();
    return &profiles.emplace(id, std::move(p).value()).first->second;
  };
  if (!o.profile.empty())
    if (auto p = opt.profile(o.profile); !p) {
      print_diagnostic(p.error());
      return kUsage;
    }

  std::map<std::string, fs::path> copies;
  if (o.fix && o.output_dir.empty()) {
    std::fprintf(stderr, "jixiao: 错误：--fix 须与 -o 一起使用：改正写在副本里，从不改动输入文件\n");
    return kUsage;
  }
  if (!o.output_dir.empty()) {
    auto plan = plan_copies(o);
    if (!plan) {
      print_diagnostic(plan.error());
      return kUsage;
    }
    copies = std::move(plan).value();
  }

  auto t0 = std::chrono::steady_clock::now();
  auto lap = [&](const char* what) {
    if (!std::getenv("JIXIAO_TIMING")) return;
    auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "%s: %.3f s\n", what, std::chrono::duration<double>(now - t0).count());
    t0 = now;
  };
  // Read and recognise every file, both cores at once; show progress on a terminal.
  const bool show_progress = !g.quiet && o.files.size() >= 20 && isatty(STDERR_FILENO);
  auto mapped = map_files(o.files, *layouts, g.xlsx(), [&](size_t done, size_t total) {
    if (show_progress && (done % 10 == 0 || done == total))
      std::fprintf(stderr, "\r已读取 %zu/%zu 个文件%s", done, total, done == total ? "\n" : "");
  });

  lap("read and map");
  int code = kOk;
  std::vector<Record> records;
  size_t sheet_count = 0, recognised = 0;
  for (MappedFile& m : mapped) {
    print_warnings(m.diagnostics, g);
    if (m.error) {
      print_diagnostic(*m.error);
      code = kUnreadable;
      continue;
    }
    for (MappedSheet& s : m.sheets) {
      ++sheet_count;
      if (!s.record) continue;
      ++recognised;
      records.push_back(std::move(*s.record));
    }
  }
  lap("collect");
  CheckResult result = run_check(records, opt);
  lap("recompute and rules");
  for (const Diagnostic& d : result.problems) print_diagnostic(d);

  // Findings by file (in the order given), then sheet, errors first.
  std::map<std::string, size_t> file_order;
  for (size_t i = 0; i < o.files.size(); ++i) file_order.emplace(o.files[i], i);
  std::stable_sort(result.findings.begin(), result.findings.end(), [&](const Finding& a, const Finding& b) {
    size_t fa = file_order.count(a.file) ? file_order[a.file] : SIZE_MAX;
    size_t fb = file_order.count(b.file) ? file_order[b.file] : SIZE_MAX;
    if (fa != fb) return fa < fb;
    if (a.sheet != b.sheet) return a.sheet < b.sheet;
    return rank(a.severity) < rank(b.severity);
  });
  int counts[3] = {0, 0, 0};
  for (const Finding& f : result.findings) {
    ++counts[rank(f.severity)];
    if (f.severity == Severity::Error && code == kOk) code = kFindings;
  }

  // Annotated copies of the files with findings, in the order given.
  std::vector<std::pair<std::string, std::string>> written;
  if (!copies.empty()) {
    std::error_code ec;
    fs::create_directories(o.output_dir, ec);
    if (ec) {
      std::fprintf(stderr, "jixiao: 错误：无法创建输出目录 %s：%s\n", o.output_dir.c_str(), ec.message().c_str());
      return kUsage;
    }
    AnnotateOptions ao;
    ao.fix = o.fix;
    // A fixed copy checked again on its own (rules across files have nothing to compare with there,
    // so only the file's own findings can correct a fix).
    ao.recheck = [&](const std::string& path) {
      std::vector<Record> recs;
      for (MappedFile& m : map_files({path}, *layouts, g.xlsx()))
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
        print_diagnostic(w.error());
        code = std::max(code, static_cast<int>(kUnreadable));
        continue;
      }
      written.emplace_back(file, copies[file].string());
    }
  }

  if (o.json) {
    nlohmann::ordered_json out;
    out["findings"] = findings_json(result.findings);
    if (!copies.empty()) {
      auto arr = nlohmann::ordered_json::array();
      for (const auto& [in, outp] : written) arr.push_back({{"file", in}, {"output", outp}});
      out["annotated"] = std::move(arr);
    }
    out["summary"] = {{"error", counts[0]}, {"warning", counts[1]}, {"info", counts[2]},
                      {"files", o.files.size()}, {"sheets", sheet_count}, {"recognised", recognised}};
    auto groups = nlohmann::ordered_json::array();
    for (const DepartmentYear& grp : result.groups) {
      nlohmann::ordered_json jg;
      jg["department"] = grp.department;
      jg["year"] = grp.year;
      if (grp.has_final_accounts) jg["final_accounts"] = record_json(grp.final_accounts);
      groups.push_back(std::move(jg));
    }
    out["groups"] = std::move(groups);
    std::cout << out.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    return code;
  }
  std::string file, sheet;
  for (const Finding& f : result.findings) {
    if (f.file != file) {
      file = f.file;
      sheet.clear();
      std::printf("%s\n", file.empty() ? "（跨文件）" : file.c_str());
    }
    if (f.sheet != sheet) {
      sheet = f.sheet;
      std::printf("  “%s”\n", sheet.c_str());
    }
    std::printf("    %s %s %s：%s\n", severity_word(f.severity), f.cell.c_str(), f.rule.c_str(), f.message.c_str());
  }
  std::printf("共 %zu 个文件、%zu 张表（识别 %zu 张），%zu 组部门年度；%d 个错误、%d 个警告、%d 个提示\n", o.files.size(),
              sheet_count, recognised, result.groups.size(), counts[0], counts[1], counts[2]);
  for (const auto& [in, outp] : written)
    std::printf("已写出%s批注副本：%s%s\n", o.fix ? "改正后的" : "", outp.c_str(),
                needs_xlsx_conversion(in) ? "（输入是 .xls，副本按单元格的值与格式写为 .xlsx，不含公式）" : "");
  return code;
}

}  // namespace

void add_check_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto opts = std::make_shared<CheckCliOptions>();
  CLI::App* cmd = app.add_subcommand("check", "识别、重算并按审核规则核对多个工作簿：表内、表间、跨年度、跨文档");
  cmd->add_option("FILE", opts->files, "要核对的工作簿（.xlsx 或 .xls；可多个；同一部门同一年度的表会放在一起核对）")->required();
  cmd->add_option("--rules", opts->rules, "另外加载的审核规则文件（.rules），可多次给出")->check(CLI::ExistingFile);
  cmd->add_option("--profile", opts->profile, "评分规则，覆盖版式自带的（见 recompute）");
  cmd->add_flag("--json", opts->json, "输出 JSON：{\"findings\":[…],\"summary\":{\"error\",\"warning\",\"info\"},\"groups\":[…]}");
  cmd->add_option("-o,--output", opts->output_dir,
                  "把每个有问题的文件的批注副本写入此目录（同名；不存在则创建；不会覆盖输入文件）");
  cmd->add_flag("--fix", opts->fix, "在副本中把有误的值改为重算值（须与 -o 同用）");
  cmd->callback([opts, &global, &exit_code] { exit_code = run_check_command(*opts, global); });
}

}  // namespace jixiao::cli

#include "cli/recompute_command.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>

#include "core/data_dir.h"
#include "mapping/engine.h"
#include "model/profile.h"
#include "model/recompute.h"
#include "model/workbook_check.h"
#include "writers/record_json.h"
#include "writers/xlsx_annotate.h"
#include "writers/xlsx_from_workbook.h"

namespace jixiao::cli {

namespace {

struct RecomputeOptions {
  std::vector<std::string> files;
  std::string profile;
  bool json = false;
  std::string output;  // -o: the annotated copy of the single FILE
  bool fix = false;
};

const char* severity_word(Severity s) {
  return s == Severity::Error ? "错误" : s == Severity::Warning ? "警告" : "提示";
}

int run_recompute(const RecomputeOptions& o, const GlobalOptions& g) {
  if (!o.output.empty() && o.files.size() != 1) {
    std::fprintf(stderr, "jixiao: 错误：-o 只能配合一个输入文件使用（多个文件请用 jixiao check FILE... -o 目录）\n");
    return kUsage;
  }
  if (o.fix && o.output.empty()) {
    std::fprintf(stderr, "jixiao: 错误：--fix 须与 -o 一起使用：改正写在副本里，从不改动输入文件\n");
    return kUsage;
  }
  auto layouts = load_cli_layouts(g);
  if (!layouts) {
    print_diagnostic(layouts.error());
    return kUsage;
  }
  std::map<std::string, Profile> profiles;  // by id, loaded once
  auto profile_for = [&](const std::string& id) -> Expected<const Profile*> {
    auto it = profiles.find(id);
    if (it != profiles.end()) return &it->second;
    auto p = find_profile(id, data_dir());
    if (!p) return p.error();
    return &profiles.emplace(id, std::move(p).value()).first->second;
  };
  if (!o.profile.empty()) {
    auto p = profile_for(o.profile);
    if (!p) {
      print_diagnostic(p.error());
      return kUsage;
    }
  }

  int code = kOk;
  bool read_ok = true;
  Findings all;
  nlohmann::ordered_json files_json = nlohmann::ordered_json::array();
  for (const std::string& file : o.files) {
    Diagnostics diags;
    auto wb = read_xlsx_file(file, diags, g.xlsx());
    print_warnings(diags, g);
    if (!wb) {
      print_diagnostic(wb.error());
      code = std::max(code, static_cast<int>(kUnreadable));
      read_ok = false;
      continue;
    }
    Diagnostics mdiags;
    auto sheets = map_workbook(*wb, file, *layouts, mdiags);
    print_warnings(mdiags, g);
    nlohmann::ordered_json sheets_json = nlohmann::ordered_json::array();
    if (!o.json) std::printf("%s\n", file.c_str());
    for (MappedSheet& m : sheets) {
      std::string where = "“" + m.sheet + "”" + (m.region ? " " + range_name(*m.region) : "");
      if (!m.record) {
        if (!o.json) std::printf("  %s：未识别，不核算\n", where.c_str());
        continue;
      }
      if (m.layout->profile.empty()) {  // the 决算 tables: nothing is scored; their identities are check's
        if (o.json) {
          nlohmann::ordered_json js;
          js["name"] = m.sheet;
          if (m.region) js["region"] = range_name(*m.region);
          js["layout"] = m.layout->id;
          js["profile"] = nullptr;
          js["record"] = record_json(*m.record);
          js["findings"] = nlohmann::ordered_json::array();
          sheets_json.push_back(std::move(js));
        } else {
          std::printf("  %s：%s，无评分可重算；表内、表间核对请用 jixiao check\n", where.c_str(), m.layout->name.c_str());
        }
        continue;
      }
      const std::string profile_id = o.profile.empty() ? m.layout->profile : o.profile;
      auto profile = profile_for(profile_id);
      if (!profile) {
        print_diagnostic(profile.error());
        return kUsage;
      }
      Findings findings = recompute(*m.record, **profile);
      if (o.json) {
        nlohmann::ordered_json js;
        js["name"] = m.sheet;
        if (m.region) js["region"] = range_name(*m.region);
        js["layout"] = m.layout->id;
        js["profile"] = profile_id;
        js["record"] = record_json(*m.record);
        js["findings"] = findings_json(findings);
        sheets_json.push_back(std::move(js));
      } else {
        std::printf("  %s：%s，按 %s 核算", where.c_str(), m.layout->name.c_str(), (*profile)->name.c_str());
        const Record& r = *m.record;
        for (const char* key : {"funds.score", "total_score", "grade"})
          if (const Field* f = r.computed.count(key) ? &r.computed.at(key) : nullptr)
            std::printf("，%s %s", key == std::string("grade") ? "等级" : key == std::string("total_score") ? "总分" : "资金得分",
                        f->text.c_str());
        std::printf(findings.empty() ? "，全部相符\n" : "\n");
        for (const Finding& f : findings)
          std::printf("    %s %s %s：%s\n", severity_word(f.severity), f.cell.c_str(), f.rule.c_str(), f.message.c_str());
      }
      for (const Finding& f : findings)
        if (f.severity == Severity::Error) code = std::max(code, static_cast<int>(kFindings));
      all.insert(all.end(), findings.begin(), findings.end());
    }
    // Across the sheets of this workbook: an overview's group scores against their detail sheets.
    std::vector<const Record*> recs;
    for (const MappedSheet& m : sheets)
      if (m.record) recs.push_back(&*m.record);
    Findings across = check_workbook(recs);
    if (!o.json && !across.empty()) {
      std::printf("  工作表之间：\n");
      for (const Finding& f : across)
        std::printf("    %s “%s”!%s %s：%s\n", severity_word(f.severity), f.sheet.c_str(), f.cell.c_str(), f.rule.c_str(),
                    f.message.c_str());
    }
    for (const Finding& f : across)
      if (f.severity == Severity::Error) code = std::max(code, static_cast<int>(kFindings));
    all.insert(all.end(), across.begin(), across.end());
    if (o.json) {
      nlohmann::ordered_json fj{{"file", file}, {"sheets", std::move(sheets_json)}};
      if (!across.empty()) fj["across_sheets"] = findings_json(across);
      files_json.push_back(std::move(fj));
    }
  }
  std::string written;
  if (!o.output.empty() && read_ok) {
    AnnotateOptions ao;
    ao.fix = o.fix;
    // The fixed copy recomputed the same way, quietly, to correct fixes that rested on other fixes.
    ao.recheck = [&](const std::string& path) {
      Findings out;
      Diagnostics quiet;
      auto wb = read_xlsx_file(path, quiet, g.xlsx());
      if (!wb) return out;
      for (MappedSheet& m : map_workbook(*wb, path, *layouts, quiet)) {
        if (!m.record) continue;
        auto profile = profile_for(o.profile.empty() ? m.layout->profile : o.profile);
        if (!profile) continue;
        Findings f = recompute(*m.record, **profile);
        out.insert(out.end(), f.begin(), f.end());
      }
      return out;
    };
    // An .xls input's copy is an .xlsx made from its cells, under the name that says so.
    const std::string output = annotated_copy_path(o.files[0], o.output);
    if (output != o.output && !input_named_by(output, o.files).empty()) {
      std::fprintf(stderr, "jixiao: 错误：批注副本 %s 会覆盖输入文件；请用另一个输出文件名（-o）\n", output.c_str());
      return kUsage;
    }
    auto done = write_annotated_copy(o.files[0], all, ao, output);
    if (!done) {
      print_diagnostic(done.error());
      return kUnreadable;
    }
    written = output;
  }
  if (o.json) {
    nlohmann::ordered_json out;
    out["files"] = std::move(files_json);
    if (!written.empty()) out["annotated"] = {{"file", o.files[0]}, {"output", written}, {"fix", o.fix}};
    out["findings"] = findings_json(all);
    int counts[3] = {0, 0, 0};
    for (const Finding& f : all) ++counts[static_cast<int>(f.severity)];
    out["summary"] = {{"error", counts[2]}, {"warning", counts[1]}, {"info", counts[0]}};
    std::cout << out.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  } else {
    int errors = 0, warnings = 0;
    for (const Finding& f : all) (f.severity == Severity::Error ? errors : warnings) += f.severity != Severity::Info;
    std::printf("共 %d 个错误、%d 个警告\n", errors, warnings);
    if (!written.empty())
      std::printf("已写出%s批注副本：%s%s\n", o.fix ? "改正后的" : "", written.c_str(),
                  written != o.output ? "（输入是 .xls，副本按单元格的值与格式写为 .xlsx，不含公式）" : "");
  }
  return code;
}

}  // namespace

void add_recompute_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto opts = std::make_shared<RecomputeOptions>();
  CLI::App* cmd = app.add_subcommand("recompute", "重算执行率、得分、合计和等级，报告每个与重算不符的填报值");
  cmd->add_option("FILE", opts->files, "要核算的工作簿（.xlsx 或 .xls；可多个）")->required();
  cmd->add_option("--profile", opts->profile,
                  "评分规则：national、hubei-2019、sichuan-dept、framework（默认用版式自带的规则）");
  cmd->add_flag("--json", opts->json, "输出 JSON：{\"files\":[…],\"findings\":[…],\"summary\":{…}}");
  cmd->add_option("-o,--output", opts->output,
                  "写出批注副本：每个有问题的单元格填浅红色并加批注，首张工作表“核查结果”列出全部问题（只限一个 FILE）");
  cmd->add_flag("--fix", opts->fix, "在副本中把有误的值改为重算值（须与 -o 同用）");
  cmd->callback([opts, &global, &exit_code] { exit_code = run_recompute(*opts, global); });
}

}  // namespace jixiao::cli

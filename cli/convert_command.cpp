#include "cli/convert_command.h"

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>

#include "core/data_dir.h"
#include "model/check.h"
#include "model/convert.h"
#include "model/profile.h"
#include "model/recompute.h"
#include "writers/template_data.h"
#include "writers/xlsx_template.h"

namespace jixiao::cli {

namespace {

struct ConvertOptions {
  std::vector<std::string> files;
  std::string to, out, sheet, profile, templ;
  bool lenient = false;
};

using Found = FoundRecord;

const char* kind_name(const std::string& to) {
  if (to == "national-project") return "项目支出绩效自评表";
  if (to == "national-dept") return "部门整体支出绩效自评表";
  if (to == "summary") return "项目支出绩效自评表或自评结果汇总表";
  return "部门决算公开表（公开01—09表）";
}

int fail(const std::string& message, int code) {
  std::fprintf(stderr, "jixiao convert：%s\n", message.c_str());
  return code;
}

// One record of `kind`: the one named by --sheet, or the only one.
const Found* pick(const std::vector<Found>& found, const std::string& kind, const std::string& sheet, std::string& error) {
  std::vector<const Found*> of_kind;
  for (const auto& f : found)
    if (f.record.kind == kind && (sheet.empty() || f.sheet == sheet)) of_kind.push_back(&f);
  if (of_kind.size() == 1) return of_kind.front();
  if (of_kind.empty()) {
    error = sheet.empty() ? "输入中没有可识别的这类工作表" : "没有名为“" + sheet + "”的这类工作表";
    return nullptr;
  }
  error = "输入中有 " + std::to_string(of_kind.size()) + " 张这类工作表，请用 --sheet 指定一张：";
  for (const Found* f : of_kind) error += "“" + f->sheet + "”（" + f->file + "）";
  return nullptr;
}

int run_convert(const ConvertOptions& o, const GlobalOptions& g) {
  auto layouts = load_cli_layouts(g);
  if (!layouts) {
    print_diagnostic(layouts.error());
    return kUsage;
  }
  namespace fs = std::filesystem;
  std::string templ = o.templ.empty() ? (data_dir() / "templates" / "xlsx" / (o.to + ".xlsx")).string() : o.templ;
  if (!fs::exists(templ)) return fail("找不到模板 " + templ, kUsage);
  if (std::string in = input_named_by(o.out, o.files); !in.empty())
    return fail("拒绝覆盖输入文件 " + in + "：请用 -o 指定另一个输出路径", kUsage);

  std::vector<Found> found;
  if (int c = read_records(o.files, g, *layouts, found)) return c;
  auto profile = [&](const std::string& id) { return find_profile(id, data_dir()); };

  nlohmann::ordered_json tree;
  Diagnostics warnings;
  std::string error;
  if (o.to == "national-project" || o.to == "national-dept") {
    const std::string kind = o.to == "national-project" ? "project_selfeval" : "dept_selfeval";
    const Found* f = pick(found, kind, o.sheet, error);
    if (!f) return fail(std::string("找不到") + kind_name(o.to) + "：" + error, kUsage);
    Record rec = f->record;
    std::string target = !o.profile.empty() ? o.profile : o.to == "national-project" ? "national" : rec.profile;
    if (target != rec.profile) {
      auto from = profile(rec.profile);
      auto to = profile(target);
      if (!from || !to) {
        print_diagnostic(from ? to.error() : from.error());
        return kUsage;
      }
      Converted c = convert_profile(rec, *from, *to);
      std::printf("“%s”按 %s 换算为 %s：\n", f->sheet.c_str(), from->name.c_str(), to->name.c_str());
      for (const auto& line : c.changes) std::printf("  %s\n", line.c_str());
      rec = std::move(c.record);
    }
    tree = selfeval_tree(rec);
  } else if (o.to == "summary") {
    std::vector<const Record*> projects;
    for (const auto& f : found)
      if (f.record.kind == "project_selfeval" && (o.sheet.empty() || f.sheet == o.sheet)) projects.push_back(&f.record);
    const Found* summary = nullptr;
    for (const auto& f : found)
      if (f.record.kind == "project_summary" && (o.sheet.empty() || f.sheet == o.sheet)) summary = summary ? summary : &f;
    if (summary) {
      tree = summary_tree(summary->record);
      std::printf("汇总取自“%s”（%s）\n", summary->sheet.c_str(), summary->file.c_str());
    } else if (!projects.empty()) {
      tree = summary_tree(projects);
      std::printf("汇总 %zu 个项目的自评表\n", projects.size());
    } else {
      return fail(std::string("找不到") + kind_name(o.to), kUsage);
    }
  } else {
    // the nine tables of one department and year
    std::map<std::pair<std::string, std::string>, std::vector<const Found*>> groups;
    for (const auto& f : found)
      if (f.record.kind == "final_accounts_table")
        groups[{department_key(f.record.text("department")), year_key(f.record.text("year"))}].push_back(&f);
    if (groups.empty()) return fail(std::string("找不到") + kind_name(o.to), kUsage);
    if (groups.size() > 1) {
      std::string list;
      for (const auto& [key, v] : groups) list += "“" + v.front()->record.text("department") + " " + key.second + "年”";
      return fail("输入含有多个部门或年度的决算表：" + list + "；请一次只转换一个部门一个年度", kUsage);
    }
    std::vector<const Record*> tables;
    std::map<std::string, std::string> seen;
    for (const Found* f : groups.begin()->second) {
      std::string id = f->record.text("table");
      if (seen.count(id)) {
        warnings.warn("convert.duplicate_table", "公开" + id + "表出现了不止一次，只用第一张（“" + seen[id] + "”）", f->file,
                      {}, f->sheet);
        continue;
      }
      seen[id] = f->sheet;
      tables.push_back(&f->record);
    }
    tree = final_accounts_tree(tables, warnings);
  }

  XlsxFillOptions fo;
  fo.lenient = o.lenient;
  auto r = fill_xlsx_template(templ, tree, o.out, warnings, fo);
  print_warnings(warnings, g);
  if (!r) {
    print_diagnostic(r.error());
    return kFindings;
  }
  std::printf("已写入 %s\n", o.out.c_str());
  return kOk;
}

}  // namespace

void add_convert_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto opts = std::make_shared<ConvertOptions>();
  CLI::App* cmd = app.add_subcommand("convert", "把识别出的表按标准格式另存：全国通用自评表、部门整体自评表、汇总表、公开九表");
  cmd->add_option("FILE", opts->files, "输入工作簿（.xlsx 或 .xls；可多个：例如九张公开表分成九个文件）")->required();
  cmd->add_option("--to", opts->to, "目标格式")
      ->required()
      ->check(CLI::IsMember({"national-project", "national-dept", "final-accounts", "summary"}));
  cmd->add_option("-o,--output", opts->out, "输出 .xlsx 文件（不能是输入文件）")->required();
  cmd->add_option("--sheet", opts->sheet, "输入中有多张同类表时，要转换的工作表名");
  cmd->add_option("--profile", opts->profile,
                  "换算到的评分规则（national-project 默认 national；national-dept 默认保留原规则）");
  cmd->add_option("--template", opts->templ, "用这个模板代替自带的模板（{{路径}} 标签，见 README）");
  cmd->add_flag("--lenient", opts->lenient, "模板中数据里没有的路径留空并警告（默认报错）");
  cmd->callback([opts, &global, &exit_code] { exit_code = run_convert(*opts, global); });
}

}  // namespace jixiao::cli

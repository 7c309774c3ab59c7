#include "cli/render_command.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "core/data_dir.h"
#include "model/check.h"
#include "model/profile.h"
#include "model/recompute.h"
#include "writers/docx_template.h"
#include "writers/report_data.h"
#include "writers/template_export.h"

namespace jixiao::cli {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

struct RenderOptions {
  std::string templ, out;
  std::vector<std::string> data, prior;
  bool lenient = false;
  bool print_data = false;
};

struct Shipped {
  const char* name;
  const char* file;
  const char* what;
  const char* needs;
};

// The shipped templates and the data each reads.
const Shipped kShipped[] = {
    {"final-accounts-report", "docx/final-accounts-report.docx", "部门决算情况说明（DOCX）",
     "本年度部门决算公开九表（一个或多个 .xlsx）；--prior 上年度九表（可选，用于同比）；补充事实与原因的 JSON（可选，{\"facts\":{…}}，"
     "见 README）"},
    {"dept-report", "docx/dept-report.docx", "部门整体支出绩效自评报告（DOCX）",
     "本年度部门决算公开九表；部门整体支出绩效自评表（可选）；--prior 上年度九表（可选）；补充事实 JSON（可选）"},
    {"project-report", "docx/project-report.docx", "项目支出绩效自评报告（DOCX）",
     "一张或多张项目支出绩效自评表（任一版式）；补充的背景与问题 JSON（可选，{\"facts\":{\"<项目名称>项目基本情况\":…}}）"},
    {"national-project", "xlsx/national-project.xlsx", "项目支出绩效自评表（XLSX，jixiao convert --to national-project）",
     "任一版式的项目支出绩效自评表"},
    {"national-dept", "xlsx/national-dept.xlsx", "部门整体支出绩效自评表（XLSX，jixiao convert --to national-dept）",
     "部门整体支出绩效自评表"},
    {"summary", "xlsx/summary.xlsx", "项目支出绩效自评结果汇总表（XLSX，jixiao convert --to summary）",
     "自评结果汇总表，或多张项目自评表"},
    {"final-accounts", "xlsx/final-accounts.xlsx", "部门决算公开九表（XLSX，jixiao convert --to final-accounts）",
     "同一部门同一年度的九张公开表"},
};

int fail(const std::string& message, int code) {
  std::fprintf(stderr, "jixiao render：%s\n", message.c_str());
  return code;
}

// The final-accounts tables among some records, by table id (the first of each).
std::map<std::string, const Record*> tables_of(const std::vector<FoundRecord>& found) {
  std::map<std::string, const Record*> tables;
  for (const FoundRecord& f : found)
    if (f.record.kind == "final_accounts_table") tables.emplace(f.record.text("table"), &f.record);
  return tables;
}

int run_render(const RenderOptions& o, const GlobalOptions& g) {
  if (o.out.empty() && !o.print_data) return fail("请用 -o 指定输出的 .docx（或用 --print-data 只看数据）", kUsage);
  if (o.data.empty()) return fail("没有数据：请给出 .xlsx 工作簿或 JSON 数据文件（DATA 或 --data）", kUsage);
  std::string templ = o.templ;
  // which shipped report the template is — by its name, or by the file name of a copy exported with
  // `templates --export` (dept-report.docx): it decides the data tree built
  std::string kind = fs::path(o.templ).extension() == ".docx" ? fs::path(o.templ).stem().string() : o.templ;
  for (const Shipped& s : kShipped)
    if (o.templ == s.name) templ = (data_dir() / "templates" / s.file).string();
  if (!fs::exists(templ)) return fail("找不到模板 " + o.templ + "（jixiao templates 列出自带的模板）", kUsage);
  if (fs::path(templ).extension() != ".docx")
    return fail("render 只写 Word 文档；" + o.templ + " 是表格模板，请用 jixiao convert 或 jixiao fill", kUsage);
  if (std::string in = input_named_by(o.out, o.data); !in.empty()) return fail("拒绝覆盖输入文件 " + in, kUsage);

  Json extra = Json::object();
  std::vector<std::string> workbooks;
  for (const std::string& file : o.data) {
    if (fs::path(file).extension() == ".json") {
      std::ifstream in(file);
      if (!in) return fail("无法读取 " + file, kUnreadable);
      try {
        extra.update(Json::parse(in), true);
      } catch (const nlohmann::json::parse_error& e) {
        return fail(file + " @" + std::to_string(e.byte) + "：不是有效的 JSON", kUnreadable);
      }
    } else {
      workbooks.push_back(file);
    }
  }
  auto layouts = load_cli_layouts(g);
  if (!layouts) {
    print_diagnostic(layouts.error());
    return kUsage;
  }
  std::vector<FoundRecord> store, prior_store;
  ReportInput in;
  if (int c = read_records(workbooks, g, *layouts, store)) return c;
  if (int c = read_records(o.prior, g, *layouts, prior_store)) return c;
  in.tables = tables_of(store);
  in.prior_tables = tables_of(prior_store);
  // facts from a 补充信息 sheet (layout report-facts), then from JSON (which has the last word)
  for (const FoundRecord& f : store) add_facts(f.record, in.facts);
  if (extra.contains("facts") && extra["facts"].is_object())
    for (const auto& [k, v] : extra["facts"].items())
      in.facts[k] = v.is_string() ? v.get<std::string>() : v.dump();

  Json tree;
  std::vector<const Record*> projects;
  for (FoundRecord& f : store)
    if (Record& r = f.record; r.kind == "project_selfeval") {
      if (auto profile = find_profile(r.profile, data_dir())) recompute(r, *profile);  // totals a sheet left blank
      projects.push_back(&r);
    }
  const bool project_report = kind == "project-report" || (in.tables.empty() && !projects.empty());
  if (project_report) {
    if (projects.empty()) return fail("项目支出绩效自评报告需要项目支出绩效自评表（.xlsx）", kUsage);
    tree = project_report_tree(projects, in.facts);
  } else if (kind == "dept-report") {
    if (in.tables.empty()) return fail("部门整体支出绩效自评报告需要本年度的部门决算公开表（.xlsx）", kUsage);
    const Record* dept = nullptr;
    for (FoundRecord& f : store)
      if (Record& r = f.record; r.kind == "dept_selfeval" && !dept) {
        if (auto profile = find_profile(r.profile, data_dir())) recompute(r, *profile);
        dept = &r;
      }
    tree = dept_report_tree(in, dept);
  } else if (!in.tables.empty()) {
    tree = final_accounts_report_tree(in);
    if (!in.prior_tables.empty()) {
      Record a = *in.tables.begin()->second, b = *in.prior_tables.begin()->second;
      if (department_key(a.text("department")) != department_key(b.text("department")))
        std::fprintf(stderr, "jixiao render：警告：--prior 的部门（%s）与本年度（%s）不同\n", b.text("department").c_str(),
                     a.text("department").c_str());
    }
  }
  tree.update(extra, true);  // the JSON given on the command line has the last word
  if (tree.is_null()) return fail("没有数据：请给出部门决算表 .xlsx 或 JSON 数据文件", kUsage);
  if (o.print_data) {
    std::printf("%s\n", tree.dump(1, ' ', false, Json::error_handler_t::replace).c_str());
    return kOk;
  }

  Diagnostics warnings;
  DocxRenderOptions ro;
  ro.lenient = o.lenient;
  auto r = render_docx_template(templ, tree, o.out, warnings, ro);
  print_warnings(warnings, g);
  if (!r) {
    print_diagnostic(r.error());
    return kFindings;
  }
  std::printf("已写入 %s\n", o.out.c_str());
  return kOk;
}

}  // namespace

void add_render_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto opts = std::make_shared<RenderOptions>();
  CLI::App* cmd = app.add_subcommand("render", "用数据填写 Word 模板，写出可发布的文档（如部门决算情况说明）");
  cmd->add_option("TEMPLATE", opts->templ, "模板：自带模板名（jixiao templates）或 .docx 路径")->required();
  cmd->add_option("DATA", opts->data, "数据：部门决算公开表、自评表、补充信息 .xlsx（可多个），或 JSON 文件（合并进数据树）");
  cmd->add_option("--data", opts->data, "JSON 数据文件（与直接给出 DATA 相同；可多次给出）");
  cmd->add_option("-o,--output", opts->out, "输出 .docx（不能是输入文件）");
  cmd->add_flag("--print-data", opts->print_data, "不写文档，只打印模板将读到的数据树（JSON）");
  cmd->add_option("--prior", opts->prior, "上年度的部门决算公开表 .xlsx（用于同比增减）");
  cmd->add_flag("--lenient", opts->lenient, "模板中数据里没有的路径留空并警告（默认报错）");
  cmd->callback([opts, &global, &exit_code] { exit_code = run_render(*opts, global); });
}

void add_templates_command(CLI::App& app, const GlobalOptions&, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("templates", "列出自带的模板及各自需要的数据；--export 导出一份供在 Word/WPS/Excel 中修改");
  auto exported = std::make_shared<std::vector<std::string>>();
  cmd->add_option("--export", *exported, "NAME DIR：把自带模板 NAME 复制到目录 DIR（不覆盖已有文件），修改后用 render/fill/convert --template 使用")
      ->expected(2)
      ->type_name("NAME DIR");
  cmd->callback([exported, &exit_code] {
    if (!exported->empty()) {
      const std::string& name = (*exported)[0];
      const Shipped* found = nullptr;
      for (const Shipped& s : kShipped)
        if (name == s.name) found = &s;
      if (!found) {
        std::fprintf(stderr, "jixiao templates：没有名为 %s 的自带模板（jixiao templates 列出全部）\n", name.c_str());
        exit_code = kUsage;
        return;
      }
      auto written = export_template(data_dir() / "templates" / found->file, (*exported)[1]);
      if (!written) {
        print_diagnostic(written.error());
        exit_code = written.error().code == "template.export_exists" ? kUsage : kUnreadable;
        return;
      }
      std::printf("已写入 %s\n", written->c_str());
      exit_code = kOk;
      return;
    }
    for (const Shipped& s : kShipped)
      std::printf("%-22s %s\n%-22s 数据：%s\n%-22s 文件：%s\n", s.name, s.what, "", s.needs, "",
                  (data_dir() / "templates" / s.file).string().c_str());
    exit_code = kOk;
  });
}

}  // namespace jixiao::cli

#include "app/render.h"

#include <filesystem>
#include <fstream>
#include <map>

#include "app/templates.h"
#include "app/workbooks.h"
#include "model/check.h"
#include "model/recompute.h"
#include "writers/docx_template.h"
#include "writers/report_data.h"

namespace jixiao::app {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

// The final-accounts tables among some records, by table id (the first of each).
std::map<std::string, const Record*> tables_of(const std::vector<FoundRecord>& found) {
  std::map<std::string, const Record*> tables;
  for (const FoundRecord& f : found)
    if (f.record.kind == "final_accounts_table") tables.emplace(f.record.text("table"), &f.record);
  return tables;
}

// Fills in the totals and grades a sheet left blank.
void score(Resources& resources, Record& r) {
  std::string id = scoring_profile(r);
  if (id.empty()) return;
  if (auto profile = resources.profile(id)) jixiao::recompute(r, **profile);
}

}  // namespace

RenderResult render(Resources& resources, const RenderOptions& o) {
  RenderResult result;
  auto refuse = [&](std::string message, Status status = Status::Refused) {
    result.fail(status, "render.refused", std::move(message));
    return result;
  };
  if (o.output.empty() && !o.data_only) return refuse("请用 -o 指定输出的 .docx（或用 --print-data 只看数据）");
  if (o.data.empty()) return refuse("没有数据：请给出 .xlsx 工作簿或 JSON 数据文件（DATA 或 --data）");
  std::string templ = o.templ;
  // Which shipped report the template is — by its name, or by the file name of a copy exported with
  // `templates --export` (dept-report.docx): it decides the data tree built.
  const std::string kind = fs::path(o.templ).extension() == ".docx" ? fs::path(o.templ).stem().string() : o.templ;
  for (const ShippedTemplate& s : templates(resources))
    if (o.templ == s.name) templ = s.path.string();
  if (!fs::exists(templ)) return refuse("找不到模板 " + o.templ + "（jixiao templates 列出自带的模板）");
  if (fs::path(templ).extension() != ".docx")
    return refuse("render 只写 Word 文档；" + o.templ + " 是表格模板，请用 jixiao convert 或 jixiao fill");
  if (std::string in = input_named_by(o.output, o.data); !in.empty()) return refuse("拒绝覆盖输入文件 " + in);

  Json extra = Json::object();
  std::vector<std::string> workbooks;
  for (const std::string& file : o.data) {
    if (fs::path(file).extension() == ".json") {
      std::ifstream in(file);
      if (!in) return refuse("无法读取 " + file, Status::Unreadable);
      try {
        extra.update(Json::parse(in), true);
      } catch (const nlohmann::json::parse_error& e) {
        return refuse(file + " @" + std::to_string(e.byte) + "：不是有效的 JSON", Status::Unreadable);
      }
    } else {
      workbooks.push_back(file);
    }
  }
  std::vector<FoundRecord> store, prior_store;
  if (!read_records(resources, workbooks, store, result)) return result;
  if (!read_records(resources, o.prior, prior_store, result)) return result;
  ReportInput in;
  in.tables = tables_of(store);
  in.prior_tables = tables_of(prior_store);
  // facts from a 补充信息 sheet (layout report-facts), then from JSON (which has the last word)
  for (const FoundRecord& f : store) add_facts(f.record, in.facts);
  if (extra.contains("facts") && extra["facts"].is_object())
    for (const auto& [k, v] : extra["facts"].items()) in.facts[k] = v.is_string() ? v.get<std::string>() : v.dump();

  Json& tree = result.tree;
  std::vector<const Record*> projects;
  for (FoundRecord& f : store)
    if (Record& r = f.record; r.kind == "project_selfeval") {
      score(resources, r);
      projects.push_back(&r);
    }
  const bool project_report = kind == "project-report" || (in.tables.empty() && !projects.empty());
  if (project_report) {
    if (projects.empty()) return refuse("项目支出绩效自评报告需要项目支出绩效自评表（.xlsx）");
    tree = project_report_tree(projects, in.facts);
  } else if (kind == "dept-report") {
    if (in.tables.empty()) return refuse("部门整体支出绩效自评报告需要本年度的部门决算公开表（.xlsx）");
    const Record* dept = nullptr;
    for (FoundRecord& f : store)
      if (Record& r = f.record; r.kind == "dept_selfeval" && !dept) {
        score(resources, r);
        dept = &r;
      }
    tree = dept_report_tree(in, dept);
  } else if (!in.tables.empty()) {
    tree = final_accounts_report_tree(in);
    if (!in.prior_tables.empty()) {
      const Record& a = *in.tables.begin()->second;
      const Record& b = *in.prior_tables.begin()->second;
      if (department_key(a.text("department")) != department_key(b.text("department"))) {
        Diagnostic d;
        d.code = "render.prior_department";
        d.severity = Severity::Warning;
        d.message = "--prior 的部门（" + b.text("department") + "）与本年度（" + a.text("department") + "）不同";
        result.add(d);
      }
    }
  }
  tree.update(extra, true);  // the JSON given on the command line has the last word
  if (tree.is_null()) return refuse("没有数据：请给出部门决算表 .xlsx 或 JSON 数据文件");
  if (o.data_only) return result;

  Diagnostics warnings;
  DocxRenderOptions ro;
  ro.lenient = o.lenient;
  auto r = render_docx_template(templ, tree, o.output, warnings, ro);
  result.add(warnings);
  if (!r) {
    result.fail(Status::Findings, r.error());
    return result;
  }
  result.written = o.output;
  return result;
}

}  // namespace jixiao::app

#include "app/convert.h"

#include <filesystem>
#include <map>

#include "app/workbooks.h"
#include "model/check.h"
#include "model/convert.h"
#include "writers/template_data.h"
#include "writers/xlsx_template.h"

namespace jixiao::app {

namespace {

const char* kind_name(const std::string& to) {
  if (to == "national-project") return "项目支出绩效自评表";
  if (to == "national-dept") return "部门整体支出绩效自评表";
  if (to == "summary") return "项目支出绩效自评表或自评结果汇总表";
  return "部门决算公开表（公开01—09表）";
}

// One record of `kind`: the one named by `sheet`, or the only one.
const FoundRecord* pick(const std::vector<FoundRecord>& found, const std::string& kind, const std::string& sheet,
                        std::string& error) {
  std::vector<const FoundRecord*> of_kind;
  for (const auto& f : found)
    if (f.record.kind == kind && (sheet.empty() || f.sheet == sheet)) of_kind.push_back(&f);
  if (of_kind.size() == 1) return of_kind.front();
  if (of_kind.empty()) {
    error = sheet.empty() ? "输入中没有可识别的这类工作表" : "没有名为“" + sheet + "”的这类工作表";
    return nullptr;
  }
  error = "输入中有 " + std::to_string(of_kind.size()) + " 张这类工作表，请用 --sheet 指定一张：";
  for (const FoundRecord* f : of_kind) error += "“" + f->sheet + "”（" + f->file + "）";
  return nullptr;
}

}  // namespace

ConvertResult convert(Resources& resources, const ConvertOptions& o) {
  ConvertResult result;
  auto refuse = [&](std::string message) {
    result.fail(Status::Refused, "convert.refused", std::move(message));
    return result;
  };
  if (o.to != "national-project" && o.to != "national-dept" && o.to != "summary" && o.to != "final-accounts")
    return refuse("未知的目标格式 " + o.to + "：可用 national-project、national-dept、final-accounts、summary");
  namespace fs = std::filesystem;
  std::string templ = o.templ.empty() ? (resources.data_dir() / "templates" / "xlsx" / (o.to + ".xlsx")).string() : o.templ;
  if (!fs::exists(templ)) return refuse("找不到模板 " + templ);
  if (std::string in = input_named_by(o.output, o.files); !in.empty())
    return refuse("拒绝覆盖输入文件 " + in + "：请用 -o 指定另一个输出路径");

  std::vector<FoundRecord> found;
  if (!read_records(resources, o.files, found, result)) return result;

  nlohmann::ordered_json tree;
  Diagnostics warnings;
  std::string error;
  if (o.to == "national-project" || o.to == "national-dept") {
    const std::string kind = o.to == "national-project" ? "project_selfeval" : "dept_selfeval";
    const FoundRecord* f = pick(found, kind, o.sheet, error);
    if (!f) return refuse(std::string("找不到") + kind_name(o.to) + "：" + error);
    Record rec = f->record;
    std::string target = !o.profile.empty() ? o.profile : o.to == "national-project" ? "national" : rec.profile;
    if (target != rec.profile) {
      auto from = resources.profile(rec.profile);
      auto to = resources.profile(target);
      if (!from || !to) {
        result.fail(Status::Refused, from ? to.error() : from.error());
        return result;
      }
      Converted c = convert_profile(rec, **from, **to);
      result.conversion = ConvertResult::Conversion{f->sheet, (*from)->name, (*to)->name, std::move(c.changes)};
      rec = std::move(c.record);
    }
    tree = selfeval_tree(rec);
  } else if (o.to == "summary") {
    std::vector<const Record*> projects;
    for (const auto& f : found)
      if (f.record.kind == "project_selfeval" && (o.sheet.empty() || f.sheet == o.sheet)) projects.push_back(&f.record);
    const FoundRecord* summary = nullptr;
    for (const auto& f : found)
      if (f.record.kind == "project_summary" && (o.sheet.empty() || f.sheet == o.sheet)) summary = summary ? summary : &f;
    if (summary) {
      tree = summary_tree(summary->record);
      result.summary_sheet = summary->sheet;
      result.summary_file = summary->file;
    } else if (!projects.empty()) {
      tree = summary_tree(projects);
      result.summary_projects = projects.size();
    } else {
      return refuse(std::string("找不到") + kind_name(o.to));
    }
  } else {
    // the nine tables of one department and year
    std::map<std::pair<std::string, std::string>, std::vector<const FoundRecord*>> groups;
    for (const auto& f : found)
      if (f.record.kind == "final_accounts_table")
        groups[{department_key(f.record.text("department")), year_key(f.record.text("year"))}].push_back(&f);
    if (groups.empty()) return refuse(std::string("找不到") + kind_name(o.to));
    if (groups.size() > 1) {
      std::string list;
      for (const auto& [key, v] : groups) list += "“" + v.front()->record.text("department") + " " + key.second + "年”";
      return refuse("输入含有多个部门或年度的决算表：" + list + "；请一次只转换一个部门一个年度");
    }
    std::vector<const Record*> tables;
    std::map<std::string, std::string> seen;
    for (const FoundRecord* f : groups.begin()->second) {
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
  finish_write(result, fill_xlsx_template(templ, tree, o.output, warnings, fo), warnings, o.output, result.written);
  return result;
}

}  // namespace jixiao::app

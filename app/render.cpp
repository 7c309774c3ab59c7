#include "app/render.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>

#include "app/templates.h"
#include "app/workbooks.h"
#include "core/parallel.h"
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

// A shipped template's name to its path; a path as it is.
std::string template_path(const Resources& resources, const std::string& templ) {
  for (const ShippedTemplate& s : templates(resources))
    if (templ == s.name) return s.path.string();
  return templ;
}

bool is_workbook(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".xlsx" || ext == ".xlsm" || ext == ".xls";
}
bool is_json(const fs::path& p) { return p.extension() == ".json"; }
// Office's lock files (~$x.xlsx) and hidden files are nobody's data.
bool ignored(const fs::path& p) {
  std::string n = p.filename().string();
  return n.empty() || n[0] == '.' || n.rfind("~$", 0) == 0;
}

std::vector<fs::path> sorted_entries(const fs::path& dir, std::error_code& ec) {
  std::vector<fs::path> out;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) out.push_back(it->path());
  std::sort(out.begin(), out.end());
  return out;
}

Expected<std::vector<Department>> departments_of_dir(const fs::path& dir) {
  std::error_code ec;
  std::vector<fs::path> entries = sorted_entries(dir, ec);
  if (ec) return Diagnostic::error("render.each_unreadable", "无法读取目录：" + ec.message(), dir.string());
  std::vector<Department> out;
  std::map<std::string, size_t> by_stem;
  for (const fs::path& p : entries) {
    if (ignored(p)) continue;
    if (fs::is_directory(p, ec)) {
      Department d{p.filename().string(), {}, {}};
      std::vector<fs::path> inside = sorted_entries(p, ec);
      for (const fs::path& f : inside)
        if (!ignored(f) && fs::is_regular_file(f, ec) && (is_workbook(f) || is_json(f))) d.data.push_back(f.string());
      if (fs::is_directory(p / "prior", ec))
        for (const fs::path& f : sorted_entries(p / "prior", ec))
          if (!ignored(f) && fs::is_regular_file(f, ec) && is_workbook(f)) d.prior.push_back(f.string());
      if (!d.data.empty()) out.push_back(std::move(d));
    } else if (fs::is_regular_file(p, ec) && (is_workbook(p) || is_json(p))) {
      std::string stem = p.stem().string();
      auto [it, added] = by_stem.emplace(stem, out.size());
      if (added) out.push_back({stem, {}, {}});
      out[it->second].data.push_back(p.string());
    }
  }
  // A department's workbooks first, its JSON after them (JSON has the last word, as on the command line).
  for (Department& d : out)
    std::stable_partition(d.data.begin(), d.data.end(), [](const std::string& f) { return !is_json(f); });
  return out;
}

Expected<std::vector<Department>> departments_of_list(const fs::path& list) {
  std::ifstream in(list);
  if (!in) return Diagnostic::error("render.each_unreadable", "无法读取部门清单", list.string());
  const fs::path base = list.parent_path();
  auto resolve = [&](const std::string& f) { return fs::path(f).is_absolute() ? f : (base / f).string(); };
  std::vector<Department> out;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos || line[line.find_first_not_of(" \t")] == '#') continue;
    Department d;
    size_t start = 0;
    while (start <= line.size()) {
      size_t tab = line.find('\t', start);
      std::string field = line.substr(start, tab == std::string::npos ? std::string::npos : tab - start);
      start = tab == std::string::npos ? line.size() + 1 : tab + 1;
      if (field.empty()) continue;
      if (field.rfind("prior:", 0) == 0) d.prior.push_back(resolve(field.substr(6)));
      else if (field.rfind("name:", 0) == 0) d.name = field.substr(5);
      else d.data.push_back(resolve(field));
    }
    if (d.data.empty()) {
      Diagnostic e = Diagnostic::error("render.each_line", "第 " + std::to_string(number) +
                                                               " 行没有数据文件（各字段以制表符分隔：数据文件…、prior:上年文件、name:名称）",
                                       list.string());
      return e;
    }
    if (d.name.empty()) d.name = fs::path(d.data.front()).stem().string();
    out.push_back(std::move(d));
  }
  return out;
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
  finish_write(result, render_docx_template(templ, tree, o.output, warnings, ro), warnings, o.output, result.written);
  return result;
}

}  // namespace jixiao::app

namespace jixiao::app {

Expected<std::vector<Department>> departments_in(const std::string& each) {
  std::error_code ec;
  if (fs::is_directory(each, ec)) return departments_of_dir(each);
  if (fs::is_regular_file(each, ec)) return departments_of_list(each);
  return Diagnostic::error("render.each_missing", "--each 应为目录或部门清单文件，但它不存在", each);
}

RenderEachResult render_each(Resources& resources, const RenderEachOptions& o) {
  RenderEachResult result;
  auto refuse = [&](Diagnostic d) {
    result.fail(Status::Refused, std::move(d));
    return result;
  };
  if (o.output_dir.empty()) return refuse(Diagnostic::error("render.refused", "请用 -o 指定输出目录（--each 每个部门写一份文档）"));
  auto departments = departments_in(o.each);
  if (!departments) return refuse(departments.error());
  if (departments->empty())
    return refuse(Diagnostic::error("render.each_empty", "没有找到任何部门的数据（.xlsx、.xls 或 .json 文件，或每部门一个子目录）", o.each));
  const std::string templ = template_path(resources, o.templ);
  std::error_code ec;
  if (!fs::is_regular_file(templ, ec))
    return refuse(Diagnostic::error("render.refused", "找不到模板 " + o.templ + "（jixiao templates 列出自带的模板）"));
  if (fs::path(templ).extension() != ".docx")
    return refuse(Diagnostic::error("render.refused", "render 只写 Word 文档；" + o.templ + " 是表格模板，请用 jixiao convert 或 jixiao fill"));

  // Everything that would make one department's document replace another's or an input is refused
  // before any is written.
  std::map<std::string, std::string> names;  // output file → the department's first input
  std::vector<std::string> inputs = o.common;
  for (const Department& d : *departments) {
    inputs.insert(inputs.end(), d.data.begin(), d.data.end());
    inputs.insert(inputs.end(), d.prior.begin(), d.prior.end());
  }
  for (const Department& d : *departments) {
    if (d.name.empty() || d.name.find('/') != std::string::npos || d.name == "." || d.name == "..")
      return refuse(Diagnostic::error("render.each_name", "部门名称“" + d.name + "”不能用作文件名", d.data.front()));
    std::string out = (fs::path(o.output_dir) / (d.name + ".docx")).string();
    if (auto [it, added] = names.emplace(out, d.data.front()); !added)
      return refuse(Diagnostic::error("render.each_duplicate",
                                      "两个部门都会写出 " + out + "（" + it->second + " 与 " + d.data.front() +
                                          "）；请改名，或在清单中用 name: 指定名称",
                                      d.data.front()));
    if (std::string in = input_named_by(out, inputs); !in.empty())
      return refuse(Diagnostic::error("render.refused", "拒绝覆盖输入文件 " + in));
  }
  fs::create_directories(o.output_dir, ec);
  if (ec || !fs::is_directory(o.output_dir, ec))
    return refuse(Diagnostic::error("render.output_dir", "无法创建输出目录：" + ec.message(), o.output_dir));

  result.departments.resize(departments->size());
  std::mutex progress_mutex;
  size_t done = 0;
  parallel_for(departments->size(), [&](size_t i) {
    const Department& d = (*departments)[i];
    DepartmentResult& dr = result.departments[i];
    dr.department = d;
    RenderOptions ro;
    ro.templ = templ;
    ro.data = o.common;
    ro.data.insert(ro.data.end(), d.data.begin(), d.data.end());
    ro.prior = d.prior;
    ro.output = (fs::path(o.output_dir) / (d.name + ".docx")).string();
    ro.lenient = o.lenient;
    RenderResult r = render(resources, ro);
    dr.status = r.status;
    dr.diagnostics = std::move(r.diagnostics);
    // an error that names no file names the department's data, so that a line of the batch's output
    // says whose document failed
    for (Diagnostic& diag : dr.diagnostics)
      if (diag.file.empty()) diag.file = d.data.front();
    dr.written = r.written;
    if (o.progress) {
      std::lock_guard lock(progress_mutex);
      o.progress(++done, departments->size());
    }
  });
  for (const DepartmentResult& dr : result.departments) {
    result.raise(dr.status);
    if (!dr.written.empty()) ++result.written;
  }
  return result;
}

}  // namespace jixiao::app

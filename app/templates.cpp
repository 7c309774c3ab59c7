#include "app/templates.h"

#include "writers/template_export.h"

namespace jixiao::app {

namespace {

struct Entry {
  const char* name;
  const char* file;
  const char* what;
  const char* needs;
};

const Entry kShipped[] = {
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

}  // namespace

std::vector<ShippedTemplate> templates(const Resources& resources) {
  std::vector<ShippedTemplate> out;
  for (const Entry& e : kShipped) out.push_back({e.name, resources.data_dir() / "templates" / e.file, e.what, e.needs});
  return out;
}

Expected<std::filesystem::path> export_shipped_template(const Resources& resources, const std::string& name,
                                                        const std::filesystem::path& dir) {
  for (const ShippedTemplate& t : templates(resources))
    if (t.name == name) {
      auto written = export_template(t.path, dir);
      if (!written) return written.error();
      return std::filesystem::path(*written);
    }
  Diagnostic d;
  d.code = "template.unknown";
  d.message = "没有名为 " + name + " 的自带模板（jixiao templates 列出全部）";
  return d;
}

}  // namespace jixiao::app

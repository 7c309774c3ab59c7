#include "cli/audit_command.h"

#include <cstdio>
#include <memory>

#include "app/audit.h"

namespace jixiao::cli {

namespace {

struct AuditCliOptions {
  app::AuditOptions job;
  bool json = false;
};

void print_text(const app::AuditResult& r) {
  for (const app::ReportAudit& ra : r.reports) {
    std::printf("%s（%s%s，%zu 段，%zu 个数字）\n", ra.file.c_str(), ra.format.c_str(),
                ra.year ? ("，" + std::to_string(ra.year) + " 年度").c_str() : "", ra.paragraphs, ra.figures);
    if (ra.findings.empty()) std::printf("  未发现问题\n");
    for (const auto& f : ra.findings)
      std::printf("  %s %s %s：%s\n    原文：“%s”\n", severity_word(f.severity), f.where.to_text().c_str(), f.rule.c_str(),
                  f.message.c_str(), f.text.c_str());
  }
  if (!r.annotated.empty()) std::printf("已写入批注副本 %s\n", r.annotated.c_str());
}

int run_audit(const AuditCliOptions& o, const GlobalOptions& g) {
  app::Resources& resources = g.resources();
  auto result = app::audit(resources, o.job);
  int code = finish(result, g);
  if (!result.ok()) return code;  // refused or unreadable: the job stopped, there is no report to show
  if (o.json)
    std::printf("%s\n", app::audit_json(result).dump(1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  else
    print_text(result);
  return code;
}

}  // namespace

void add_audit_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto opts = std::make_shared<AuditCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "audit", "核对已发布报告（.docx/.pdf）文字中的数字：占比、增减额与增减率、完成预算、其中合计、前后一致、年份、单位、科目名称，"
               "并与部门决算表比对");
  cmd->add_option("FILES", opts->job.files, "报告（.docx 或 .pdf，可多份）；以及本年度部门决算公开表（.xlsx 或 .xls，可选）")
      ->required()
      ->type_name("文件");
  cmd->add_option("--prior", opts->job.prior, "上年度的部门决算公开表（.xlsx 或 .xls，用于核对上年数）")->type_name("文件");
  cmd->add_flag("--json", opts->json, "以 JSON 输出发现的问题（DOMAIN.md §5 的格式，以段落代替单元格）");
  cmd->add_option("-o,--output", opts->job.output, "写出报告的批注副本（.docx）：每个错误数字处加批注并高亮；只用于一份 .docx 报告")
      ->type_name("文件");
  cmd->callback([opts, &global, &exit_code] { exit_code = run_audit(*opts, global); });
}

}  // namespace jixiao::cli

#include "cli/audit_command.h"

#include <cstdio>
#include <filesystem>
#include <memory>

#include "app/audit.h"
#include "core/data_dir.h"

namespace jixiao::cli {

namespace {

struct AuditCliOptions {
  std::vector<std::string> files, prior;
  std::string out;
  bool json = false;
};

bool is_workbook(const std::string& f) {
  std::string ext = std::filesystem::path(f).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".xlsx" || ext == ".xlsm" || ext == ".xls";
}

int run(const AuditCliOptions& o, const GlobalOptions& g) {
  app::AuditRequest rq;
  for (const std::string& f : o.files) (is_workbook(f) ? rq.tables : rq.reports).push_back(f);
  rq.prior = o.prior;
  rq.annotated = o.out;
  rq.xlsx = g.xlsx();
  rq.data_dir = data_dir();
  auto layouts = load_cli_layouts(g);
  if (!layouts) {
    print_diagnostic(layouts.error());
    return kUsage;
  }
  rq.layouts = std::move(*layouts);
  app::AuditResult r = app::run_audit(rq);
  print_warnings(r.warnings, g);
  if (r.error) {
    if (r.exit_code == kUsage) std::fprintf(stderr, "jixiao audit：%s\n", r.error->message.c_str());
    else print_diagnostic(*r.error);
    return r.exit_code;
  }
  if (o.json) {
    std::printf("%s\n", app::audit_json(r).dump(1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return r.exit_code;
  }
  for (const app::ReportAudit& ra : r.reports) {
    std::printf("%s（%s%s，%zu 段，%zu 个数字）\n", ra.file.c_str(), ra.format.c_str(),
                ra.year ? ("，" + std::to_string(ra.year) + " 年度").c_str() : "", ra.paragraphs, ra.figures);
    if (ra.findings.empty()) std::printf("  未发现问题\n");
    for (const auto& f : ra.findings) {
      const char* level = f.severity == Severity::Error ? "错误" : f.severity == Severity::Warning ? "警告" : "提示";
      std::printf("  %s %s %s：%s\n    原文：“%s”\n", level, f.where.to_text().c_str(), f.rule.c_str(), f.message.c_str(),
                  f.text.c_str());
    }
  }
  if (!r.annotated.empty()) std::printf("已写入批注副本 %s\n", r.annotated.c_str());
  return r.exit_code;
}

}  // namespace

void add_audit_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto opts = std::make_shared<AuditCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "audit", "核对已发布报告（.docx/.pdf）文字中的数字：占比、增减额与增减率、完成预算、其中合计、前后一致、年份、单位、科目名称，"
               "并与部门决算表比对");
  cmd->add_option("FILES", opts->files, "报告（.docx 或 .pdf，可多份）；以及本年度部门决算公开表（.xlsx，可选）")->required();
  cmd->add_option("--prior", opts->prior, "上年度的部门决算公开表 .xlsx（用于核对上年数）");
  cmd->add_flag("--json", opts->json, "以 JSON 输出发现的问题（DOMAIN.md §5 的格式，以段落代替单元格）");
  cmd->add_option("-o,--output", opts->out, "写出报告的批注副本（.docx）：每个错误数字处加批注并高亮；只用于一份 .docx 报告");
  cmd->callback([opts, &global, &exit_code] { exit_code = run(*opts, global); });
}

}  // namespace jixiao::cli

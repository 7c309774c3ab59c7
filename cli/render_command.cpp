#include "cli/render_command.h"

#include <unistd.h>

#include <cstdio>
#include <memory>

#include "app/render.h"
#include "app/templates.h"

namespace jixiao::cli {

namespace {

int run_render(const app::RenderOptions& o, const GlobalOptions& g) {
  app::Resources& resources = g.resources();
  auto result = app::render(resources, o);
  int code = finish(result, g);
  if (!result.ok()) return code;
  if (o.data_only)
    std::printf("%s\n", result.tree.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
  else
    std::printf("已写入 %s\n", result.written.c_str());
  return code;
}

struct RenderCliOptions {
  app::RenderOptions one;
  std::string each;
};

int run_render_each(const RenderCliOptions& o, const GlobalOptions& g) {
  if (o.one.data_only) {
    print_diagnostic(Diagnostic::error("render.refused", "--print-data 只用于单份文档，不能与 --each 同用"), g);
    return kUsage;
  }
  if (!o.one.prior.empty()) {
    print_diagnostic(Diagnostic::error("render.refused",
                                       "--each 时上年度的表按部门给出（子目录中的 prior/，或清单中的 prior:文件），不能用 --prior"),
                     g);
    return kUsage;
  }
  app::RenderEachOptions job;
  job.templ = o.one.templ;
  job.common = o.one.data;
  job.each = o.each;
  job.output_dir = o.one.output;
  job.lenient = o.one.lenient;
  if (!g.quiet) {
    // On a terminal one line that counts up; in a log a line at each tenth.
    const bool tty = isatty(STDERR_FILENO);
    job.progress = [tty](size_t done, size_t total) {
      if (tty)
        std::fprintf(stderr, "\r已完成 %zu/%zu 个部门%s", done, total, done == total ? "\n" : "");
      else if (size_t step = total < 10 ? 1 : total / 10; done % step == 0 || done == total)
        std::fprintf(stderr, "已完成 %zu/%zu 个部门\n", done, total);
    };
  }
  app::Resources& resources = g.resources();
  auto result = app::render_each(resources, job);
  int code = finish(result, g);
  if (result.status == app::Status::Refused && result.departments.empty()) return code;
  size_t failed = 0;
  for (const app::DepartmentResult& d : result.departments) {
    for (const Diagnostic& diag : d.diagnostics)
      if (!g.quiet || diag.severity == Severity::Error)
        std::fprintf(stderr, "jixiao: %s：[%s] %s\n", severity_word(diag.severity), d.department.name.c_str(),
                     diag.to_text().c_str());
    if (d.written.empty()) ++failed;
  }
  std::printf("已写出 %zu 份文档到 %s", result.written, job.output_dir.c_str());
  if (failed) std::printf("；%zu 个部门失败，未写出（原因见上）", failed);
  std::printf("\n");
  return exit_code(result.status);
}

}  // namespace

void add_render_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto opts = std::make_shared<RenderCliOptions>();
  CLI::App* cmd = app.add_subcommand("render", "用数据填写 Word 模板，写出可发布的文档（如部门决算情况说明）；--each 一次为多个部门各写一份");
  cmd->add_option("TEMPLATE", opts->one.templ, "模板：自带模板名（jixiao templates）或 .docx 路径")->required();
  cmd->add_option("DATA", opts->one.data, "数据：部门决算公开表、自评表、补充信息 .xlsx（可多个），或 JSON 文件（合并进数据树）；与 --each 同用时为各部门共用的数据");
  cmd->add_option("--data", opts->one.data, "JSON 数据文件（与直接给出 DATA 相同；可多次给出）")->type_name("文件");
  cmd->add_option("-o,--output", opts->one.output, "输出 .docx（不能是输入文件）；与 --each 同用时为输出目录")->type_name("文件");
  cmd->add_option("--each", opts->each,
                  "为多个部门各写一份文档：目录（其中每个工作簿或同名 JSON、每个子目录为一个部门）或部门清单文件（每行一个部门，字段以制表符分隔）；"
                  "文档写入 -o 目录下的 <部门>.docx")
      ->type_name("目录|清单");
  cmd->add_flag("--print-data", opts->one.data_only, "不写文档，只打印模板将读到的数据树（JSON）");
  cmd->add_option("--prior", opts->one.prior, "上年度的部门决算公开表 .xlsx（用于同比增减）")->type_name("文件");
  cmd->add_flag("--lenient", opts->one.lenient, "模板中数据里没有的路径留空并警告（默认报错）");
  cmd->callback([opts, &global, &exit_code] {
    exit_code = opts->each.empty() ? run_render(opts->one, global) : run_render_each(*opts, global);
  });
}

void add_templates_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("templates", "列出自带的模板及各自需要的数据；--export 导出一份供在 Word/WPS/Excel 中修改");
  auto exported = std::make_shared<std::vector<std::string>>();
  cmd->add_option("--export", *exported, "名称 目录：把名为“名称”的自带模板复制到“目录”（不覆盖已有文件），修改后用 render/fill/convert --template 使用")
      ->expected(2)
      ->type_name("名称 目录");
  cmd->callback([exported, &global, &exit_code] {
    app::Resources& resources = global.resources();
    if (!exported->empty()) {
      auto written = app::export_shipped_template(resources, (*exported)[0], (*exported)[1]);
      if (!written) {
        print_diagnostic(written.error(), global);
        const std::string& code = written.error().code;
        exit_code = code == "template.export_exists" || code == "template.unknown" ? kUsage : kUnreadable;
        return;
      }
      std::printf("已写入 %s\n", written->string().c_str());
      exit_code = kOk;
      return;
    }
    for (const app::ShippedTemplate& s : app::templates(resources))
      std::printf("%-22s %s\n%-22s 数据：%s\n%-22s 文件：%s\n", s.name.c_str(), s.what.c_str(), "", s.needs.c_str(), "",
                  s.path.string().c_str());
    exit_code = kOk;
  });
}

}  // namespace jixiao::cli

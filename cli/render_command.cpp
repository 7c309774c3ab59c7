#include "cli/render_command.h"

#include <cstdio>
#include <memory>

#include "app/render.h"
#include "app/templates.h"

namespace jixiao::cli {

namespace {

int run_render(const app::RenderOptions& o, const GlobalOptions& g) {
  app::Resources resources(g.settings());
  auto result = app::render(resources, o);
  int code = finish(result, g);
  if (!result.ok()) return code;
  if (o.data_only)
    std::printf("%s\n", result.tree.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
  else
    std::printf("已写入 %s\n", result.written.c_str());
  return code;
}

}  // namespace

void add_render_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto opts = std::make_shared<app::RenderOptions>();
  CLI::App* cmd = app.add_subcommand("render", "用数据填写 Word 模板，写出可发布的文档（如部门决算情况说明）");
  cmd->add_option("TEMPLATE", opts->templ, "模板：自带模板名（jixiao templates）或 .docx 路径")->required();
  cmd->add_option("DATA", opts->data, "数据：部门决算公开表、自评表、补充信息 .xlsx（可多个），或 JSON 文件（合并进数据树）");
  cmd->add_option("--data", opts->data, "JSON 数据文件（与直接给出 DATA 相同；可多次给出）")->type_name("文件");
  cmd->add_option("-o,--output", opts->output, "输出 .docx（不能是输入文件）")->type_name("文件");
  cmd->add_flag("--print-data", opts->data_only, "不写文档，只打印模板将读到的数据树（JSON）");
  cmd->add_option("--prior", opts->prior, "上年度的部门决算公开表 .xlsx（用于同比增减）")->type_name("文件");
  cmd->add_flag("--lenient", opts->lenient, "模板中数据里没有的路径留空并警告（默认报错）");
  cmd->callback([opts, &global, &exit_code] { exit_code = run_render(*opts, global); });
}

void add_templates_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("templates", "列出自带的模板及各自需要的数据；--export 导出一份供在 Word/WPS/Excel 中修改");
  auto exported = std::make_shared<std::vector<std::string>>();
  cmd->add_option("--export", *exported, "名称 目录：把名为“名称”的自带模板复制到“目录”（不覆盖已有文件），修改后用 render/fill/convert --template 使用")
      ->expected(2)
      ->type_name("名称 目录");
  cmd->callback([exported, &global, &exit_code] {
    app::Resources resources(global.settings());
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

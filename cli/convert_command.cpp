#include "cli/convert_command.h"

#include <cstdio>
#include <memory>

#include "app/convert.h"

namespace jixiao::cli {

namespace {

int run_convert(const app::ConvertOptions& o, const GlobalOptions& g) {
  app::Resources& resources = g.resources();
  auto result = app::convert(resources, o);
  int code = finish(result, g);
  if (const auto& c = result.conversion) {
    std::printf("“%s”按 %s 换算为 %s：\n", c->sheet.c_str(), c->from.c_str(), c->to.c_str());
    for (const auto& line : c->changes) std::printf("  %s\n", line.c_str());
  }
  if (!result.summary_sheet.empty())
    std::printf("汇总取自“%s”（%s）\n", result.summary_sheet.c_str(), result.summary_file.c_str());
  else if (result.summary_projects > 0)
    std::printf("汇总 %zu 个项目的自评表\n", result.summary_projects);
  if (!result.written.empty()) std::printf("已写入 %s\n", result.written.c_str());
  return code;
}

}  // namespace

void add_convert_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto opts = std::make_shared<app::ConvertOptions>();
  CLI::App* cmd = app.add_subcommand("convert", "把识别出的表按标准格式另存：全国通用自评表、部门整体自评表、汇总表、公开九表");
  cmd->add_option("FILE", opts->files, "输入工作簿（.xlsx 或 .xls；可多个：例如九张公开表分成九个文件）")->required();
  cmd->add_option("--to", opts->to, "目标格式")
      ->required()
      ->check(CLI::IsMember({"national-project", "national-dept", "final-accounts", "summary"}));
  cmd->add_option("-o,--output", opts->output, "输出 .xlsx 文件（不能是输入文件）")->type_name("文件")->required();
  cmd->add_option("--sheet", opts->sheet, "输入中有多张同类表时，要转换的工作表名")->type_name("名称");
  cmd->add_option("--profile", opts->profile,
                  "换算到的评分规则（national-project 默认 national；national-dept 默认保留原规则）")
      ->type_name("规则名");
  cmd->add_option("--template", opts->templ, "用这个模板代替自带的模板（{{路径}} 标签，见 README）")->type_name("文件");
  cmd->add_flag("--lenient", opts->lenient, "模板中数据里没有的路径留空并警告（默认报错）");
  cmd->callback([opts, &global, &exit_code] { exit_code = run_convert(*opts, global); });
}

}  // namespace jixiao::cli

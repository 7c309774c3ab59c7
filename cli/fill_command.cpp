#include "cli/fill_command.h"

#include <cstdio>
#include <memory>

#include "app/fill.h"

namespace jixiao::cli {

void add_fill_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto opts = std::make_shared<app::FillOptions>();
  CLI::App* cmd = app.add_subcommand("fill", "用 JSON 数据填写 .xlsx 模板（{{路径}}、{{#列表}}…{{/列表}} 按行重复），写出新工作簿");
  cmd->add_option("TEMPLATE", opts->templ, "带 {{标签}} 的 .xlsx 模板")->required();
  cmd->add_option("DATA", opts->data, "JSON 数据文件")->required();
  cmd->add_option("-o,--output", opts->output, "输出的 .xlsx（不能是模板本身）")->type_name("文件")->required();
  cmd->add_flag("--lenient", opts->lenient, "数据中没有的路径留空并警告，而不是报错");
  cmd->callback([opts, &global, &exit_code] {
    app::Resources& resources = global.resources();
    auto result = app::fill(resources, *opts);
    exit_code = finish(result, global);
    if (!result.written.empty() && !global.quiet) std::fprintf(stderr, "jixiao: 已写出 %s\n", result.written.c_str());
  });
}

}  // namespace jixiao::cli

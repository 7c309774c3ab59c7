#include "cli/fill_command.h"

#include <cstdio>
#include <fstream>
#include <memory>

#include "writers/xlsx_template.h"

namespace jixiao::cli {

namespace {

struct FillOptions {
  std::string template_path, data_path, out_path;
  bool lenient = false;
};

int run_fill(const FillOptions& o, const GlobalOptions& g) {
  std::ifstream in(o.data_path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "jixiao: 错误：%s：无法打开数据文件 — 请检查路径\n", o.data_path.c_str());
    return kUnreadable;
  }
  // One read into a string of the file's size: a 100,000-row list is tens of megabytes of JSON.
  std::string text;
  in.seekg(0, std::ios::end);
  if (auto size = in.tellg(); size > 0) text.resize(static_cast<size_t>(size));
  in.seekg(0, std::ios::beg);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  nlohmann::ordered_json data;
  try {
    data = nlohmann::ordered_json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    std::fprintf(stderr, "jixiao: 错误：%s @%zu：数据文件不是有效的 JSON — 请检查该位置附近的语法\n",
                 o.data_path.c_str(), e.byte > 0 ? e.byte - 1 : 0);  // nlohmann counts from 1
    return kUnreadable;
  }
  std::string().swap(text);
  Diagnostics warnings;
  XlsxFillOptions opt;
  opt.lenient = o.lenient;
  auto r = fill_xlsx_template(o.template_path, data, o.out_path, warnings, opt);
  print_warnings(warnings, g);
  if (!r) {
    print_diagnostic(r.error());
    return r.error().code == "template.unreadable" ? kUnreadable : kFindings;
  }
  if (!g.quiet) std::fprintf(stderr, "jixiao: 已写出 %s\n", o.out_path.c_str());
  return kOk;
}

}  // namespace

void add_fill_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto opts = std::make_shared<FillOptions>();
  CLI::App* cmd = app.add_subcommand("fill", "用 JSON 数据填写 .xlsx 模板（{{路径}}、{{#列表}}…{{/列表}} 按行重复），写出新工作簿");
  cmd->add_option("TEMPLATE", opts->template_path, "带 {{标签}} 的 .xlsx 模板")->required();
  cmd->add_option("DATA", opts->data_path, "JSON 数据文件")->required();
  cmd->add_option("-o,--output", opts->out_path, "输出的 .xlsx（不能是模板本身）")->required();
  cmd->add_flag("--lenient", opts->lenient, "数据中没有的路径留空并警告，而不是报错");
  cmd->callback([opts, &global, &exit_code] { exit_code = run_fill(*opts, global); });
}

}  // namespace jixiao::cli

#include "cli/dump_command.h"

#include <iostream>
#include <memory>

#include "app/dump.h"

namespace jixiao::cli {

namespace {

struct DumpCliOptions {
  app::DumpOptions job;
  std::string format = "csv";
};

int run_dump(DumpCliOptions& o, const GlobalOptions& g) {
  o.job.format = o.format == "json" ? app::DumpOptions::Format::Json
                 : o.format == "tsv" ? app::DumpOptions::Format::Tsv
                                     : app::DumpOptions::Format::Csv;
  app::Resources& resources = g.resources();
  std::ios::sync_with_stdio(false);
  auto result = app::dump(resources, o.job, std::cout);
  std::cout.flush();
  return finish(result, g);
}

}  // namespace

void add_dump_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto opts = std::make_shared<DumpCliOptions>();
  CLI::App* cmd = app.add_subcommand("dump", "按显示效果导出工作表的单元格（CSV/TSV/JSON）");
  cmd->add_option("FILE", opts->job.file, "要读取的工作簿（.xlsx、.xlsm 或 .xls）")->required();
  cmd->add_option("--sheet", opts->job.sheet, "只导出这张工作表：名称，或从 1 起的序号（默认导出全部，每张前有一行 # sheet: 名称）")
      ->type_name("名称或序号");
  cmd->add_option("--format", opts->format, "输出格式：csv（默认）、tsv 或 json")
      ->check(CLI::IsMember({"csv", "tsv", "json"}));
  cmd->add_flag("--raw", opts->job.raw, "输出存储值而非显示值（例如 0.999 而不是 99.9%）；对 json 无影响，json 两者都给");
  cmd->callback([opts, &global, &exit_code] { exit_code = run_dump(*opts, global); });
}

}  // namespace jixiao::cli

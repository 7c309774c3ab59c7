#include "cli/check_command.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "app/check.h"

namespace jixiao::cli {

namespace {

struct CheckCliOptions {
  app::CheckOptions job;
  bool json = false;
};

void print_text(const app::CheckResult& result) {
  std::string file, sheet;
  for (const Finding& f : result.findings) {
    if (f.file != file) {
      file = f.file;
      sheet.clear();
      std::printf("%s\n", file.empty() ? "（跨文件）" : file.c_str());
    }
    if (f.sheet != sheet) {
      sheet = f.sheet;
      std::printf("  “%s”\n", sheet.c_str());
    }
    std::printf("    %s %s %s：%s\n", severity_word(f.severity), f.cell.c_str(), f.rule.c_str(), f.message.c_str());
  }
  std::printf("共 %zu 个文件、%zu 张表（识别 %zu 张），%zu 组部门年度；%zu 个错误、%zu 个警告、%zu 个提示\n",
              result.files.size(), result.sheets, result.recognised, result.groups.size(), result.counts.error,
              result.counts.warning, result.counts.info);
  for (const auto& [in, copy] : result.annotated)
    std::printf("已写出%s批注副本：%s%s\n", result.fixed ? "改正后的" : "", copy.c_str(),
                result.from_xls.count(in) ? "（输入是 .xls，副本按单元格的值与格式写为 .xlsx，不含公式）" : "");
}

int run_check(CheckCliOptions& o, const GlobalOptions& g) {
  // Progress on a terminal, for batches long enough to wait for.
  if (!g.quiet && o.job.files.size() >= 20 && isatty(STDERR_FILENO))
    o.job.progress = [](size_t done, size_t total) {
      if (done % 10 == 0 || done == total)
        std::fprintf(stderr, "\r已读取 %zu/%zu 个文件%s", done, total, done == total ? "\n" : "");
    };
  app::Resources resources(g.settings());
  auto result = app::check(resources, o.job);
  if (std::getenv("JIXIAO_TIMING"))
    for (const app::Phase& p : result.phases) std::fprintf(stderr, "%s: %.3f s\n", p.name.c_str(), p.seconds);
  int code = finish(result, g);
  if (result.status == app::Status::Refused) return code;
  if (o.json)
    std::cout << app::check_json(result).dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  else
    print_text(result);
  return code;
}

}  // namespace

void add_check_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto opts = std::make_shared<CheckCliOptions>();
  CLI::App* cmd = app.add_subcommand("check", "识别、重算并按审核规则核对多个工作簿：表内、表间、跨年度、跨文档");
  cmd->add_option("FILE", opts->job.files, "要核对的工作簿（.xlsx 或 .xls；可多个；同一部门同一年度的表会放在一起核对）")->required();
  cmd->add_option("--rules", opts->job.rules, "另外加载的审核规则文件（.rules），可多次给出")->check(CLI::ExistingFile);
  cmd->add_option("--profile", opts->job.profile, "评分规则，覆盖版式自带的（见 recompute）")
      ->type_name("规则名");
  cmd->add_flag("--json", opts->json, "输出 JSON：{\"findings\":[…],\"summary\":{\"error\",\"warning\",\"info\"},\"groups\":[…]}");
  cmd->add_option("-o,--output", opts->job.output_dir,
                  "把每个有问题的文件的批注副本写入此目录（同名；不存在则创建；不会覆盖输入文件）")
      ->type_name("目录");
  cmd->add_flag("--fix", opts->job.fix, "在副本中把有误的值改为重算值（须与 -o 同用）");
  cmd->callback([opts, &global, &exit_code] { exit_code = run_check(*opts, global); });
}

}  // namespace jixiao::cli

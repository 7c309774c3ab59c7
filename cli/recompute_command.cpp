#include "cli/recompute_command.h"

#include <cstdio>
#include <iostream>
#include <memory>

#include "app/recompute.h"

namespace jixiao::cli {

namespace {

struct RecomputeCliOptions {
  app::RecomputeOptions job;
  bool json = false;
};

void print_text(const app::RecomputeResult& result) {
  for (const app::RecomputedFile& file : result.files) {
    if (!file.readable) continue;
    std::printf("%s\n", file.file.c_str());
    for (const app::RecomputedSheet& s : file.sheets) {
      std::string where = "“" + s.sheet + "”" + (s.region ? " " + range_name(*s.region) : "");
      if (!s.record) {
        std::printf("  %s：未识别，不核算\n", where.c_str());
        continue;
      }
      if (!s.profile) {
        std::printf("  %s：%s，无评分可重算；表内、表间核对请用 jixiao check\n", where.c_str(), s.layout->name.c_str());
        continue;
      }
      std::printf("  %s：%s，按 %s 核算", where.c_str(), s.layout->name.c_str(), s.profile->name.c_str());
      for (auto [key, word] : {std::pair{"funds.score", "资金得分"}, {"total_score", "总分"}, {"grade", "等级"}})
        if (auto it = s.record->computed.find(key); it != s.record->computed.end())
          std::printf("，%s %s", word, it->second.text.c_str());
      std::printf(s.findings.empty() ? "，全部相符\n" : "\n");
      for (const Finding& f : s.findings)
        std::printf("    %s %s %s：%s\n", severity_word(f.severity), f.cell.c_str(), f.rule.c_str(), f.message.c_str());
    }
    if (!file.across.empty()) std::printf("  工作表之间：\n");
    for (const Finding& f : file.across)
      std::printf("    %s “%s”!%s %s：%s\n", severity_word(f.severity), f.sheet.c_str(), f.cell.c_str(), f.rule.c_str(),
                  f.message.c_str());
  }
  int errors = 0, warnings = 0;
  for (const Finding& f : result.findings) (f.severity == Severity::Error ? errors : warnings) += f.severity != Severity::Info;
  std::printf("共 %d 个错误、%d 个警告\n", errors, warnings);
  if (!result.annotated.empty())
    std::printf("已写出%s批注副本：%s%s\n", result.fixed ? "改正后的" : "", result.annotated.c_str(),
                result.from_xls ? "（输入是 .xls，副本按单元格的值与格式写为 .xlsx，不含公式）" : "");
}

int run_recompute(const RecomputeCliOptions& o, const GlobalOptions& g) {
  app::Resources& resources = g.resources();
  auto result = app::recompute(resources, o.job);
  int code = finish(result, g);
  if (result.status == app::Status::Refused) return code;
  if (o.json)
    std::cout << app::recompute_json(result).dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  else
    print_text(result);
  return code;
}

}  // namespace

void add_recompute_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto opts = std::make_shared<RecomputeCliOptions>();
  CLI::App* cmd = app.add_subcommand("recompute", "重算执行率、得分、合计和等级，报告每个与重算不符的填报值");
  cmd->add_option("FILE", opts->job.files, "要核算的工作簿（.xlsx 或 .xls；可多个）")->required();
  cmd->add_option("--profile", opts->job.profile,
                  "评分规则：national、hubei-2019、sichuan-dept、framework（默认用版式自带的规则）")
      ->type_name("规则名");
  cmd->add_flag("--json", opts->json, "输出 JSON：{\"files\":[…],\"findings\":[…],\"summary\":{…}}");
  cmd->add_option("-o,--output", opts->job.output,
                  "写出批注副本：每个有问题的单元格填浅红色并加批注，首张工作表“核查结果”列出全部问题（只限一个 FILE）")
      ->type_name("文件");
  cmd->add_flag("--fix", opts->job.fix, "在副本中把有误的值改为重算值（须与 -o 同用）");
  cmd->callback([opts, &global, &exit_code] { exit_code = run_recompute(*opts, global); });
}

}  // namespace jixiao::cli

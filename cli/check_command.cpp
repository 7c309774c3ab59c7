#include "cli/check_command.h"

#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
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
  size_t reports = 0;
  for (const app::CheckedFile& f : result.checked) reports += f.report;
  std::string audited = reports ? "、" + std::to_string(reports) + " 份报告" : std::string();
  std::printf("共 %zu 个文件%s、%zu 张表（识别 %zu 张），%zu 组部门年度；%zu 个错误、%zu 个警告、%zu 个提示\n",
              result.files.size(), audited.c_str(), result.sheets, result.recognised, result.groups.size(),
              result.counts.error, result.counts.warning, result.counts.info);
  if (!result.summary.empty()) std::printf("已写出汇总表：%s\n", result.summary.c_str());
  for (const auto& [in, copy] : result.annotated)
    std::printf("已写出%s批注副本：%s%s\n", result.fixed ? "改正后的" : "", copy.c_str(),
                result.from_xls.count(in) ? "（输入是 .xls，副本按单元格的值与格式写为 .xlsx，不含公式）" : "");
}

constexpr size_t kProgressFrom = 20;

// Progress on stderr: a bar redrawn in place on a terminal (files done / total, rate, time left),
// one plain line per tenth of the batch otherwise (a log keeps it readable); nothing with -q.
class ProgressPrinter {
 public:
  explicit ProgressPrinter(bool terminal) : terminal_(terminal), start_(std::chrono::steady_clock::now()) {}

  void operator()(const app::CheckProgress& p) {
    const char* what = p.phase == app::CheckProgress::Index ? "索引" : "核对";
    if (p.phase != phase_) {
      if (terminal_ && drawn_) std::fputc('\n', stderr);
      phase_ = p.phase;
      start_ = std::chrono::steady_clock::now();
      last_step_ = SIZE_MAX;
      drawn_ = false;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    // A rate over less than half a second says nothing yet.
    const double rate = seconds >= 0.5 ? p.done / seconds : 0;
    const double left = rate > 0 ? (p.total - p.done) / rate : 0;
    if (terminal_) {
      // Redrawn at most ten times a second, and at the end.
      if (p.done != p.total && seconds - last_draw_ < 0.1 && drawn_) return;
      last_draw_ = seconds;
      constexpr int kWidth = 30;
      const int filled = p.total ? static_cast<int>(kWidth * p.done / p.total) : kWidth;
      std::string bar;
      for (int i = 0; i < kWidth; ++i) bar += i < filled ? "█" : "░";
      std::fprintf(stderr, "\r%s %s %zu/%zu 个文件  %s ", what, bar.c_str(), p.done, p.total, pace(rate, left).c_str());
      drawn_ = true;
      if (p.done == p.total) {
        std::fputc('\n', stderr);
        drawn_ = false;
      }
    } else {
      const size_t step = p.total ? p.done * 10 / p.total : 10;
      if (step == last_step_ && p.done != p.total) return;
      last_step_ = step;
      std::fprintf(stderr, "jixiao: %s %zu/%zu 个文件%s%s\n", what, p.done, p.total, rate > 0 ? "，" : "",
                   pace(rate, left).c_str());
    }
    std::fflush(stderr);
  }

 private:
  // "318 个/秒，剩余约 0:02", or "" before there is a rate.
  static std::string pace(double rate, double left) {
    if (rate <= 0) return {};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f 个/秒，剩余约 ", rate);
    return buf + clock_text(left);
  }
  static std::string clock_text(double seconds) {
    const long s = static_cast<long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
  }

  bool terminal_;
  std::chrono::steady_clock::time_point start_;
  int phase_ = -1;
  size_t last_step_ = SIZE_MAX;
  double last_draw_ = -1;
  bool drawn_ = false;
};

int run_check(CheckCliOptions& o, const GlobalOptions& g) {
  // A batch short enough to be done before anyone waits gets no progress lines (they are noise there).
  if (!g.quiet) {
    auto printer = std::make_shared<ProgressPrinter>(isatty(STDERR_FILENO));
    o.job.progress = [printer](const app::CheckProgress& p) {
      if (p.total >= kProgressFrom) (*printer)(p);
    };
  }
  // For bench/check_bench.sh: how large a batch is read once and held (app::CheckOptions::in_memory).
  if (const char* n = std::getenv("JIXIAO_IN_MEMORY")) o.job.in_memory = std::strtoull(n, nullptr, 10);
  // The assembled 决算 records are only shown in JSON; a large batch need not keep them.
  o.job.keep_final_accounts = o.json;
  app::Resources& resources = g.resources();
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
  cmd->add_option("FILE", opts->job.files,
                  "要核对的工作簿（.xlsx、.xlsm 或 .xls）、报告（.docx、.pdf，与同一文件夹中同年度的公开表对照）或文件夹（读取其中的工作簿和报告）；"
                  "可多个；同一部门的表会放在一起核对")
      ->required()
      ->type_name("文件或文件夹");
  cmd->add_flag("-r,--recursive", opts->job.recursive, "文件夹连同其子文件夹一起读取");
  cmd->add_option("--summary", opts->job.summary,
                  "写出汇总表（.xlsx）：每个部门每个年度一行（文件数、识别的表、错误、警告、主要问题、批注副本链接），另附问题清单与文件清单")
      ->type_name("汇总表.xlsx");
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

#include "cli/layout_command.h"

#include <cmath>
#include <cstdio>
#include <memory>

#include "app/layout_draft.h"

namespace jixiao::cli {

namespace {

int run_draft(const app::LayoutDraftOptions& o, const GlobalOptions& g) {
  app::Resources& resources = g.resources();
  app::LayoutDraftResult r = app::draft_layout(resources, o);
  if (!r.draft) return finish(r, g);
  const LayoutDraft& d = *r.draft;
  if (o.output.empty()) std::fputs(d.xml.c_str(), stdout);
  // The account goes to stderr, so that the layout alone can be redirected to a file.
  if (!g.quiet) {
    if (!r.shipped_layout.empty())
      std::fprintf(stderr, "注意：自带版式 %s 已能识别这张表；草稿只在它读得不对时才需要。\n", r.shipped_layout.c_str());
    std::fprintf(stderr, "起草的版式（%s）：\n", d.kind.c_str());
    for (const auto& c : d.placed) std::fprintf(stderr, "  %-6s “%s” → %s\n", c.cell.c_str(), c.text.c_str(), c.note.c_str());
    if (!d.unplaced.empty()) {
      std::fprintf(stderr, "未能归入字段的表头（在 vocabulary*.xml 中添词，或在列上写 label=\"…\"）：\n");
      for (const auto& c : d.unplaced) std::fprintf(stderr, "  %-6s “%s”：%s\n", c.cell.c_str(), c.text.c_str(), c.note.c_str());
    }
    std::fprintf(stderr, "草稿载入后识别这张表的把握：%.0f%%", std::round(r.confidence * 100));
    for (size_t i = 0; i < r.still_missing.size(); ++i) std::fprintf(stderr, "%s%s", i ? "；" : "（", r.still_missing[i].c_str());
    std::fprintf(stderr, "%s\n", r.still_missing.empty() ? "" : "）");
    if (!o.output.empty())
      std::fprintf(stderr, "已写出 %s；放进一个目录，用 --layouts 目录 读取。\n", o.output.c_str());
  }
  return finish(r, g);
}

}  // namespace

void add_layout_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("layout", "地区版式：为自带版式不认得的表起草一份版式文件");
  cmd->require_subcommand(1);
  auto opts = std::make_shared<app::LayoutDraftOptions>();
  CLI::App* draft = cmd->add_subcommand(
      "draft", "按词表为一张工作表起草版式（XML），列出未能归入字段的表头；改好后放进目录，用 --layouts 目录 读取");
  draft->add_option("FILE", opts->file, "工作簿（.xlsx 或 .xls）")->required();
  draft->add_option("--sheet", opts->sheet, "工作表：名称或从 1 起的序号")->required();
  draft->add_option("--id", opts->id, "版式的 id（默认 draft-序号）");
  draft->add_option("-o,--output", opts->output, "写到此文件（默认打印到标准输出；说明总是打印到标准错误）");
  draft->callback([opts, &global, &exit_code] { exit_code = run_draft(*opts, global); });
}

}  // namespace jixiao::cli

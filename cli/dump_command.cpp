#include "cli/dump_command.h"

#include <cstdio>
#include <iostream>
#include <memory>

#include "readers/grid_export.h"

namespace jixiao::cli {

namespace {

struct DumpOptions {
  std::string file;
  std::string sheet;
  std::string format = "csv";
  bool raw = false;
};

// A sheet named exactly as given wins; otherwise digits are a 1-based position.
int find_sheet(const Workbook& wb, const std::string& wanted) {
  if (const Sheet* s = wb.sheet(wanted)) return static_cast<int>(s - wb.sheets.data());
  if (!wanted.empty() && wanted.find_first_not_of("0123456789") == std::string::npos && wanted.size() < 6) {
    int n = std::stoi(wanted);
    if (n >= 1 && static_cast<size_t>(n) <= wb.sheets.size()) return n - 1;
  }
  return -1;
}

int run_dump(const DumpOptions& o, const GlobalOptions& g) {
  Diagnostics diags;
  auto wb = read_xlsx_file(o.file, diags, g.xlsx());
  print_warnings(diags, g);
  if (!wb) {
    print_diagnostic(wb.error());
    return kUnreadable;
  }
  int only = -1;
  if (!o.sheet.empty()) {
    only = find_sheet(*wb, o.sheet);
    if (only < 0) {
      std::string names;
      for (size_t i = 0; i < wb->sheets.size(); ++i)
        names += (i ? "、" : "") + std::to_string(i + 1) + " " + wb->sheets[i].name;
      std::fprintf(stderr, "jixiao: 错误：%s 中没有工作表“%s”；现有工作表：%s\n", o.file.c_str(), o.sheet.c_str(),
                   names.c_str());
      return kUsage;
    }
  }
  std::ios::sync_with_stdio(false);
  if (o.format == "json") {
    write_json(*wb, only, std::cout);
  } else {
    TextFormat tf = o.format == "tsv" ? TextFormat::Tsv : TextFormat::Csv;
    // Checked before anything is written: no partial output.
    const uint64_t limit = g.xlsx().limits.max_part_bytes;
    for (size_t i = 0; i < wb->sheets.size(); ++i) {
      if (only >= 0 && static_cast<size_t>(only) != i) continue;
      const uint64_t size = delimited_size(*wb, wb->sheets[i]);
      if (size <= limit) continue;
      std::fprintf(stderr,
                   "jixiao: 错误：%s 的工作表“%s”导出为 %s 至少有 %llu MiB（内容一直延伸到 %s，其中大部分是空单元格），"
                   "超过上限 %llu MiB；请改用 --format json（只列出有内容的单元格），或用 --max-part-mb 调高上限\n",
                   o.file.c_str(), wb->sheets[i].name.c_str(), o.format.c_str(),
                   static_cast<unsigned long long>(size >> 20),
                   wb->sheets[i].value_extent() ? cell_name(wb->sheets[i].value_extent()->last).c_str() : "A1",
                   static_cast<unsigned long long>(limit >> 20));
      return kUnreadable;
    }
    for (size_t i = 0; i < wb->sheets.size(); ++i) {
      if (only >= 0 && static_cast<size_t>(only) != i) continue;
      if (only < 0) std::cout << "# sheet: " << wb->sheets[i].name << '\n';
      write_delimited(*wb, wb->sheets[i], tf, o.raw, std::cout);
    }
  }
  std::cout.flush();
  return kOk;
}

}  // namespace

void add_dump_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto opts = std::make_shared<DumpOptions>();
  CLI::App* cmd = app.add_subcommand("dump", "按显示效果导出工作表的单元格（CSV/TSV/JSON）");
  cmd->add_option("FILE", opts->file, "要读取的工作簿（.xlsx、.xlsm 或 .xls）")->required();
  cmd->add_option("--sheet", opts->sheet, "只导出这张工作表：名称，或从 1 起的序号（默认导出全部，每张前有一行 # sheet: 名称）");
  cmd->add_option("--format", opts->format, "输出格式：csv（默认）、tsv 或 json")
      ->check(CLI::IsMember({"csv", "tsv", "json"}));
  cmd->add_flag("--raw", opts->raw, "输出存储值而非显示值（例如 0.999 而不是 99.9%）；对 json 无影响，json 两者都给");
  cmd->callback([opts, &global, &exit_code] { exit_code = run_dump(*opts, global); });
}

}  // namespace jixiao::cli

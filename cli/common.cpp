#include "cli/common.h"

#include <cstdio>

#include "core/data_dir.h"
#include "mapping/engine.h"

#include <filesystem>

namespace jixiao::cli {

void print_diagnostic(const Diagnostic& d) {
  const char* label = d.severity == Severity::Error ? "错误" : d.severity == Severity::Warning ? "警告" : "提示";
  std::fprintf(stderr, "jixiao: %s：%s\n", label, d.to_text().c_str());
}

void print_warnings(const Diagnostics& diags, const GlobalOptions& g) {
  if (g.quiet) return;
  for (const Diagnostic& d : diags.items()) print_diagnostic(d);
}

Expected<std::vector<LayoutSpec>> load_cli_layouts(const GlobalOptions& g) {
  auto data = data_dir();
  if (data.empty() || !std::filesystem::is_directory(data / "mapping" / "layouts")) {
    Diagnostic d;
    d.code = "data.missing";
    d.message = "找不到版式数据目录（应在程序旁的 ../share/jixiao/mapping/layouts）；请重新安装，或用环境变量 JIXIAO_DATA_DIR 指定";
    return d;
  }
  std::vector<std::string> dirs{(data / "mapping" / "layouts").string()};
  dirs.insert(dirs.end(), g.layout_dirs.begin(), g.layout_dirs.end());
  auto specs = load_layouts(dirs);
  if (!specs) return specs.error();
  return std::move(specs).value();
}

int read_records(const std::vector<std::string>& files, const GlobalOptions& g, const std::vector<LayoutSpec>& layouts,
                 std::vector<FoundRecord>& out) {
  for (const std::string& file : files) {
    Diagnostics diags;
    auto wb = read_xlsx_file(file, diags, g.xlsx());
    print_warnings(diags, g);
    if (!wb) {
      print_diagnostic(wb.error());
      return kUnreadable;
    }
    Diagnostics mdiags;
    for (MappedSheet& m : map_workbook(*wb, file, layouts, mdiags))
      if (m.record) out.push_back({file, m.sheet, std::move(*m.record)});
    print_warnings(mdiags, g);
  }
  return kOk;
}

std::string input_named_by(const std::string& out, const std::vector<std::string>& inputs) {
  std::error_code ec;
  if (out.empty() || !std::filesystem::exists(out, ec)) return {};
  for (const std::string& in : inputs)
    if (std::filesystem::equivalent(out, in, ec)) return in;
  return {};
}

}  // namespace jixiao::cli

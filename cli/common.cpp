#include "cli/common.h"

#include <cstdio>

#include "core/data_dir.h"

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
  std::vector<LayoutSpec> all;
  auto data = data_dir();
  if (data.empty() || !std::filesystem::is_directory(data / "mapping" / "layouts")) {
    Diagnostic d;
    d.code = "data.missing";
    d.message = "找不到版式数据目录（应在程序旁的 ../share/jixiao/mapping/layouts）；请重新安装，或用环境变量 JIXIAO_DATA_DIR 指定";
    return d;
  }
  std::vector<std::string> dirs{(data / "mapping" / "layouts").string()};
  dirs.insert(dirs.end(), g.layout_dirs.begin(), g.layout_dirs.end());
  for (const auto& dir : dirs) {
    auto specs = load_layouts(dir);
    if (!specs) return specs.error();
    for (auto& s : *specs) all.push_back(std::move(s));
  }
  return all;
}

}  // namespace jixiao::cli

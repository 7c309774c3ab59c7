#include "cli/common.h"

#include <cstdio>

namespace jixiao::cli {

void print_diagnostic(const Diagnostic& d) {
  const char* label = d.severity == Severity::Error ? "错误" : d.severity == Severity::Warning ? "警告" : "提示";
  std::fprintf(stderr, "jixiao: %s：%s\n", label, d.to_text().c_str());
}

void print_warnings(const Diagnostics& diags, const GlobalOptions& g) {
  if (g.quiet) return;
  for (const Diagnostic& d : diags.items()) print_diagnostic(d);
}

}  // namespace jixiao::cli

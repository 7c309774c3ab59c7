#include "cli/common.h"

#include <cstdio>

namespace jixiao::cli {

int exit_code(app::Status s) {
  switch (s) {
    case app::Status::Ok: return kOk;
    case app::Status::Findings: return kFindings;
    case app::Status::Refused: return kUsage;
    case app::Status::Unreadable: return kUnreadable;
  }
  return kUsage;
}

const char* severity_word(Severity s) {
  return s == Severity::Error ? "错误" : s == Severity::Warning ? "警告" : "提示";
}

void print_diagnostic(const Diagnostic& d, const GlobalOptions& g) {
  if (g.quiet && d.severity != Severity::Error) return;
  std::fprintf(stderr, "jixiao: %s：%s\n", severity_word(d.severity), d.to_text().c_str());
}

void print_diagnostics(const std::vector<Diagnostic>& diags, const GlobalOptions& g) {
  for (const Diagnostic& d : diags) print_diagnostic(d, g);
}

void print_diagnostics(const Diagnostics& diags, const GlobalOptions& g) { print_diagnostics(diags.items(), g); }

int finish(const app::Outcome& outcome, const GlobalOptions& g) {
  print_diagnostics(outcome.diagnostics, g);
  return exit_code(outcome.status);
}

app::Resources& GlobalOptions::resources() const {
  static app::Resources* const kept = new app::Resources(settings());  // never freed: see common.h
  return *kept;
}

}  // namespace jixiao::cli

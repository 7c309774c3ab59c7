// Audits a report N times in one process (the job `jixiao audit` runs: read the .docx, read its claims,
// check them; with TABLES also read and recognise the workbooks each time) and prints the rate.
// Usage: jixiao_audit_bench DATA_DIR REPORT.docx N [TABLES.xlsx...]
#include <chrono>
#include <cstdio>
#include <string>

#include "app/audit.h"
#include "mapping/engine.h"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s DATA_DIR REPORT.docx N [TABLES.xlsx...]\n", argv[0]);
    return 2;
  }
  jixiao::app::AuditRequest rq;
  rq.data_dir = argv[1];
  rq.reports = {argv[2]};
  int n = std::stoi(argv[3]);
  for (int i = 4; i < argc; ++i) rq.tables.push_back(argv[i]);
  if (!rq.tables.empty()) {
    auto layouts = jixiao::load_layouts((rq.data_dir / "mapping" / "layouts").string());
    if (!layouts) return 1;
    rq.layouts = std::move(*layouts);
  }
  size_t findings = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) {
    auto r = jixiao::app::run_audit(rq);
    if (r.error) {
      std::fprintf(stderr, "%s\n", r.error->to_text().c_str());
      return 1;
    }
    findings += r.reports[0].findings.size();
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%d %.3f %zu\n", n, s, findings);
  return 0;
}

// `jixiao audit`: the job of checking published reports' text against their own numbers and, when given,
// the department's 决算 tables. cli/ parses the arguments and prints; everything else is here.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "mapping/layout_spec.h"
#include "model/narrative_audit.h"
#include "readers/xlsx_reader.h"

namespace jixiao::app {

struct AuditRequest {
  std::vector<std::string> reports;  // .docx / .pdf
  std::vector<std::string> tables;   // this year's 决算 tables (.xlsx), any number of files
  std::vector<std::string> prior;    // last year's
  std::string annotated;             // -o: a copy of the (one) .docx report with a comment on each wrong number
  XlsxOptions xlsx;
  std::vector<LayoutSpec> layouts;   // to recognise the tables
  std::filesystem::path data_dir;    // <data dir>: model/narrative/*.tsv
};

struct ReportAudit {
  std::string file;
  std::string format;  // docx | pdf
  int year = 0;        // the year the report is about
  size_t paragraphs = 0, figures = 0;
  std::vector<narrative::NarrativeFinding> findings;
};

struct AuditResult {
  std::vector<ReportAudit> reports;
  Diagnostics warnings;
  std::optional<Diagnostic> error;  // an input that could not be read, or a usage mistake
  int exit_code = 0;                // 0 clean, 1 an error finding, 2 usage, 3 unreadable input
  std::string annotated;            // the copy written, if any
};

AuditResult run_audit(const AuditRequest& request);

// {"reports":[{"file","format","year","paragraphs","figures"}],"findings":[{"rule","severity","file",
//  "paragraph","table","row","cell","page","message","text","expected","found"}],"summary":{...}}
// — DOMAIN.md §5's finding with the paragraph (and table cell, page) instead of a sheet cell.
nlohmann::ordered_json audit_json(const AuditResult& result);

}  // namespace jixiao::app

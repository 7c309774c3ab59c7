// audit: published reports' text (.docx, .pdf) checked against their own numbers and, when given,
// the department's 决算 tables — shares, changes and direction words, 完成预算, 其中 sums, counts,
// repeated figures, years, units, 功能分类 names; optionally a commented copy of the one .docx report.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "app/outcome.h"
#include "app/resources.h"
#include "model/narrative_audit.h"

namespace jixiao::app {

struct AuditOptions {
  // The reports (.docx/.docm/.pdf) and this year's 决算 tables (.xlsx/.xlsm/.xls, any number of
  // files), told apart by their extension.
  std::vector<std::string> files;
  std::vector<std::string> prior;  // last year's 决算 tables
  std::string output;              // a copy of the (one) .docx report with a comment on each wrong number
};

struct ReportAudit {
  std::string file;
  std::string format;  // docx | pdf
  int year = 0;        // the year the report is about
  size_t paragraphs = 0, figures = 0;
  std::vector<narrative::NarrativeFinding> findings;
};

struct AuditResult : Outcome {
  std::vector<ReportAudit> reports;  // in the order given
  std::string annotated;             // the copy written, if any
};

// Status Findings when an error-level finding was made; Refused when no report is given, -o is not
// for one .docx report or names an input, or the narrative vocabulary cannot be loaded; Unreadable
// when a report or a table cannot be read (the job stops there).
AuditResult audit(Resources& resources, const AuditOptions& options);

// {"reports":[{"file","format","year","paragraphs","figures"}],"findings":[{"rule","severity","file",
//  "paragraph","table","row","cell","page","message","text","expected","found"}],"summary":{...}}
// — DOMAIN.md §5's finding with the paragraph (and table cell, page) instead of a sheet cell.
nlohmann::ordered_json audit_json(const AuditResult& result);

}  // namespace jixiao::app

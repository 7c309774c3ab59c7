// A batch's summary for the reviewer: one row per department and year (files, tables recognised,
// errors, warnings, the first findings, the annotated copies), every finding with its department,
// and every file — what `check --summary` writes as a workbook and the local page shows as a table.
#pragma once

#include <string>
#include <vector>

#include "app/check.h"

namespace jixiao::app {

struct SummaryRow {
  std::string department, year;  // as the first file wrote them; "" when no table named one
  std::vector<size_t> files;     // indexes into CheckResult::checked, in the order given
  size_t recognised = 0, unrecognised = 0, unreadable = 0;
  size_t errors = 0, warnings = 0, infos = 0;
  std::vector<size_t> findings;  // indexes into CheckResult::findings: errors, then warnings, then notes
};

// The rows in the order their departments first appear; a file naming no department is in the row
// of its year with an empty department.
std::vector<SummaryRow> summary_rows(const CheckResult& result);

// "（未识别部门）" for an empty department.
std::string department_shown(const std::string& department);

// Writes the summary workbook (sheets 汇总, 问题清单, 文件清单; filters on every header; links to the
// annotated copies relative to the workbook). Refused when `path` is one of the inputs.
Expected<bool> write_check_summary(const CheckResult& result, const std::string& path);

}  // namespace jixiao::app

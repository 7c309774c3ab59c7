// The published reports (.docx, .pdf) a batch's folders hold, each audited as `jixiao audit` does it,
// against the 公开 tables beside it: those of the same folder and the report's year (last year's as
// the prior), of one department. Their findings join the batch's, at the paragraph ("第12段") where
// a workbook's are at a cell.
#pragma once

#include <string>
#include <vector>

#include "app/check.h"

namespace jixiao::app {

// Appends each report to result.checked (with the department and year of its tables) and its
// findings to result.findings; with output_dir, a commented copy of each .docx report with findings.
void audit_reports(Resources& resources, const std::vector<std::string>& reports, const std::string& output_dir,
                   CheckResult& result);

}  // namespace jixiao::app

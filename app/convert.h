// convert: recognised sheets saved in a standard form — the national 项目支出绩效自评表 (scores
// converted between profiles), the 部门整体支出绩效自评表, the 自评结果汇总表, the nine 公开 tables —
// by filling a shipped (or given) XLSX template.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/outcome.h"
#include "app/resources.h"

namespace jixiao::app {

struct ConvertOptions {
  std::vector<std::string> files;
  std::string to;        // national-project | national-dept | summary | final-accounts
  std::string output;    // the .xlsx written (never an input)
  std::string sheet;     // which sheet, when the input has several of the kind
  std::string profile;   // the profile to convert scores to (national-project: national by default)
  std::string templ;     // a template instead of the shipped one
  bool lenient = false;  // a path the data lacks is left empty with a warning
};

struct ConvertResult : Outcome {
  // A self-evaluation converted from one profile to another, and each change made.
  struct Conversion {
    std::string sheet, from, to;  // the profiles' names
    std::vector<std::string> changes;
  };
  std::optional<Conversion> conversion;
  // summary: the sheet it was taken from, or how many projects' self-evaluations it sums.
  std::string summary_sheet, summary_file;
  size_t summary_projects = 0;
  std::string written;  // the output, once written
};

ConvertResult convert(Resources& resources, const ConvertOptions& options);

}  // namespace jixiao::app

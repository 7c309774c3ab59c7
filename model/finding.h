// A finding: one submitted value that disagrees with what it should be, DOMAIN.md §5:
// {"rule", "severity", "file", "sheet", "cell", "message", "expected", "found"}.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace jixiao {

struct Finding {
  std::string rule;      // e.g. "project.total_score"
  Severity severity = Severity::Error;
  std::string file;
  std::string sheet;
  std::string cell;
  std::string message;   // Chinese, with the arithmetic: "自评得分 91.98 ≠ 19.98 + 18 + 53 = 90.98"
  std::string expected;  // decimal text, e.g. "90.98"
  std::string found;     // as submitted, e.g. "91.98"
};

using Findings = std::vector<Finding>;

}  // namespace jixiao

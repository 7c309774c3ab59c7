// Checks across the sheets of one workbook: a third party's overview of the 决策/过程/产出/效益 scores
// (项目整体得分情况表) against the detail sheet of each group (项目产出得分情况表 … 合计). Records of other
// workbooks never meet here; across files and years, model/check's rules do that work.
#pragma once

#include <vector>

#include "model/finding.h"
#include "model/record.h"

namespace jixiao {

// records: the records read from one workbook, recomputed (Record::computed filled). A group is
// compared only with the one detail sheet that names it and carries the same weight, so a workbook
// holding two projects' tables, or a detail sheet of another shape, yields nothing rather than a guess.
Findings check_workbook(const std::vector<const Record*>& records);

}  // namespace jixiao

// The data trees the shipped XLSX templates (templates/xlsx/*.xlsx) read: a record's JSON
// (writers/record_json.h, DOMAIN.md §5) with every path a template names present (null where the
// sheet had no such value, so a strict fill never fails on a value the department left blank), plus
// views made for the printed tables.
//
//   national-project  project_selfeval: year, name, department, implementer, funds.{initial_budget,
//                     budget, executed, weight, rate, score}, funds.sources[label, initial_budget, budget,
//                     executed, rate], goals.{planned, achieved}, indicators[level1, level2, name, target,
//                     actual, weight, score, note], total_score
//   national-dept     dept_selfeval: year, department, tasks[planned, achieved], funds.{budget, executed,
//                     weight, rate, score}, funds.sources[label, budget, executed, rate], goals.{planned,
//                     achieved}, indicators[level1, level2, name, target, actual, note, score,
//                     review_score], total_score
//   summary           project_summary: year, department, rows[no, name, budget, executed, score, grade]
//                     (the 合计 row is a SUM in the template)
//   final-accounts    {t01 … t09}: each table's record, and
//                       t01.rows[income_label, income_line, income_amount, class_label, class_line,
//                                class_amount]   the eight income items beside the 26 功能分类 类
//                       t04.rows[income_label, income_line, income_amount, class_label, class_line, total,
//                                general_budget, gov_fund, state_capital]
//                       t06.rows[code1, name1, amount1, code2, name2, amount2, code3, name3, amount3]
//                                the 人员经费 (301, 303), 商品和服务 (302) and other 公用经费 (307, 310,
//                                399 …) panels side by side
//                       tNN.items[…, label] (label: the name, indented by level in 公开03)
//                       tNN.note   the table's 注 line, or its "本表无数据" note when it has one
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/record.h"

namespace jixiao {

// national-project / national-dept (by the record's kind).
nlohmann::ordered_json selfeval_tree(const Record& rec);
// summary, from a project_summary record.
nlohmann::ordered_json summary_tree(const Record& rec);
// summary, from project self-evaluations: one row per project (its 全年预算数, 全年执行数, 总分 and
// 等级 as submitted; the recomputed ones where the sheet left them blank).
nlohmann::ordered_json summary_tree(const std::vector<const Record*>& projects);
// final-accounts, from the nine tables of one department and year (tables[i]: field table = "01" …).
// Classes that are not among the 26 类 of the printed tables are added after them, with a warning.
nlohmann::ordered_json final_accounts_tree(const std::vector<const Record*>& tables, Diagnostics& warnings);

}  // namespace jixiao

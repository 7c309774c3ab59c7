// A record extracted from one sheet: the domain model the checks and the writers work on.
// Fields are named by the JSON contract of DOMAIN.md §5 with dotted paths ("funds.budget",
// "total_score"); lists ("indicators", "funds.sources", "items", "groups", "rows", "tasks") hold
// rows of fields. The names per kind:
//
//  project_selfeval  year, name, department, implementer, evaluated_at, total_score, grade,
//                    funds.{weight, initial_budget, budget, executed, rate, score},
//                    goals.{weight, planned, achieved, score};
//                    lists funds.sources[label, initial_budget, budget, executed, rate],
//                    indicators[level1, level2, name, nature, unit, target, actual, weight, score, note]
//  dept_selfeval     as project_selfeval (department = 部门（单位）名称), plus list tasks[planned, achieved];
//                    indicators also carry review_score (财政复评得分)
//  score_table       name, total_weight, total_score, total_score_rate, grade;
//                    lists items[level1, level2, level3, standard, actual, rule, weight, score, note],
//                    groups[level1, weight, score, score_rate]
//  project_summary   year, department, total.{budget, executed, score, grade};
//                    list rows[no, name, budget, executed, score, grade]
//  final_accounts_table   one of the nine 部门决算公开 tables; field table = "01" … "09", plus
//                    department, year, unit, empty_note (the "故本表无数据" line), and per table:
//    01 收入支出决算总表  income.{general_budget, gov_fund, state_capital, superior_subsidy, business,
//                    operating, affiliated, other, total, non_fiscal_surplus_used, carryover_begin,
//                    grand_total}, expenditure.{total, surplus_distribution, carryover_end, grand_total};
//                    list classes[name, amount] (the 功能分类 类 rows of the expenditure side)
//    02 收入决算表      items[code, name, total, fiscal, superior_subsidy, business, operating, affiliated,
//                    other]; total.{the same columns} (the 合计 row)
//    03 支出决算表      items[code, name, total, basic, project, to_superior, operating, to_affiliated]; total.{…}
//    04 财政拨款收支总表 income.{general_budget, gov_fund, state_capital, total, carryover_begin,
//                    carryover_begin_general_budget, carryover_begin_gov_fund, carryover_begin_state_capital,
//                    grand_total}; classes[name, total, general_budget, gov_fund, state_capital];
//                    expenditure.{total, carryover_end, grand_total}.{total, general_budget, gov_fund,
//                    state_capital}
//    05 一般公共预算支出 items[code, name, total, basic, project]; total.{total, basic, project}
//    06 基本支出表      items[code, name, amount] (every panel: 301…, 302…, 303…, 310…); personnel
//                    (人员经费合计), public_use (公用经费合计)
//    07 三公经费表      budget.{total, abroad, vehicle_total, vehicle_purchase, vehicle_operation, reception},
//                    actual.{the same}, reception_batches, reception_people
//    08 / 09          items[code, name, carryover_begin, income, total, basic, project, carryover_end];
//                    total.{the same columns}
//  Codes (功能分类 类/款/项 = 3/5/7 digits, 经济分类 3/5 digits) are kept as text, whether the sheet
//  typed them as numbers or as text.
//
// Every value remembers the cell it came from and the text it was written as, so
// a finding can name the cell and quote what the department typed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/decimal.h"
#include "model/record_schema.h"

namespace jixiao {

struct SourceCell {
  std::string file;
  std::string sheet;
  std::string cell;  // "C9"; empty when the value was computed, not read
  bool empty() const { return cell.empty(); }
};

// How a value was read, where it was not read as it stands (flags of Field::read).
enum class ReadAs : uint8_t {
  TextNumber = 1,     // a number typed as text ("40.00" in a text cell): 文本数字
  FromYuan = 2,       // an amount read in 元 and converted to 万元: its sums must be exact
  FromLabel = 4,      // a weight taken from a label ("产出指标（50分）"): a mismatch is a warning
  PercentNumber = 8,  // 99.9 typed in a 执行率 column, read as 99.9%
  Converted = 16,     // changed by `convert` to another profile's scale
};

// One value as read: its text as shown, and its number when it is one ("40.00", "99.9%" -> 0.999,
// "1,259,100.00", a numeric cell). Amounts are already converted to the record's unit (万元).
struct Field {
  std::string text;
  std::optional<Decimal> number;
  SourceCell source;
  std::string note;  // for a computed value: the arithmetic ("19.98 + 18 + 53")
  uint8_t read = 0;  // ReadAs flags
  FieldType type = FieldType::Text;  // from the record schema (model/record_schema.h)

  bool has_number() const { return number.has_value(); }
  bool read_as(ReadAs f) const { return (read & static_cast<uint8_t>(f)) != 0; }
  void mark(ReadAs f) { read |= static_cast<uint8_t>(f); }
};

// The ReadAs flags in words, for inspect and the record JSON: "文本数字，元→万元"; empty when none.
std::string read_note(const Field& f);

using FieldMap = std::map<std::string, Field>;

struct Record {
  std::string kind;    // project_selfeval | dept_selfeval | score_table | project_summary | final_accounts
  std::string layout;  // the layout spec that extracted it
  std::string profile; // the scoring profile the layout names (recompute may override)
  std::string unit = "万元";
  FieldMap fields;
  std::map<std::string, std::vector<FieldMap>> lists;
  // What recompute derived, by path: "funds.rate", "funds.score", "total_score", "grade",
  // "indicators.3.score" (list name, index, field), "groups.0.score_rate", "total.budget".
  FieldMap computed;
  // Columns the layout knows but this sheet does not have, by the path their values would take
  // ("indicators.score", "funds.score"): a check that needs one is switched off with a warning
  // instead of reading the blank as 0. A blank cell under a column the sheet has is not listed.
  std::vector<std::string> absent;
  // Header cells of the tables read that no column took ("自评分（权重×系数）"), for --explain and
  // for naming what was not understood.
  std::vector<std::pair<std::string, SourceCell>> unmapped_headers;

  bool column_absent(const std::string& path) const {
    for (const auto& a : absent)
      if (a == path) return true;
    return false;
  }

  const Field* field(const std::string& path) const {
    auto it = fields.find(path);
    return it == fields.end() ? nullptr : &it->second;
  }
  std::optional<Decimal> number(const std::string& path) const {
    const Field* f = field(path);
    return f ? f->number : std::nullopt;
  }
  std::string text(const std::string& path) const {
    const Field* f = field(path);
    return f ? f->text : std::string{};
  }
  const std::vector<FieldMap>& list(const std::string& name) const {
    static const std::vector<FieldMap> kEmpty;
    auto it = lists.find(name);
    return it == lists.end() ? kEmpty : it->second;
  }
};

inline const Field* field_of(const FieldMap& row, const std::string& name) {
  auto it = row.find(name);
  return it == row.end() ? nullptr : &it->second;
}

}  // namespace jixiao

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
//
// Every value remembers the cell it came from and the text it was written as, so
// a finding can name the cell and quote what the department typed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/decimal.h"

namespace jixiao {

struct SourceCell {
  std::string file;
  std::string sheet;
  std::string cell;  // "C9"; empty when the value was computed, not read
  bool empty() const { return cell.empty(); }
};

// One value as read: its text as shown, and its number when it is one ("40.00", "99.9%" -> 0.999,
// "1,259,100.00", a numeric cell). Amounts are already converted to the record's unit (万元).
struct Field {
  std::string text;
  std::optional<Decimal> number;
  SourceCell source;
  std::string note;  // how the value was read, e.g. "元 → 万元" or "文本数字"

  bool has_number() const { return number.has_value(); }
};

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

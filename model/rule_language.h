// Reconciliation rules as data (what 决算 software calls 审核公式, DOMAIN.md §3): a small expression
// language over the fields of the records of one department-year, rule files that name, grade and
// word each identity, and the evaluator that turns every broken identity into a Finding.
//
// ==== The language ==============================================================================
//
//   check := expr
//   expr  := expr or expr | expr and expr | not expr | sum == sum | sum != sum | sum < sum | …
//   sum   := sum + term | sum - term | term;   term := term * unary | term / unary | unary
//   unary := - unary | primary
//   primary := number | "string" | path | name(args…) | ( expr ) | for VAR in list: expr
//   list  := path [where expr]        (only as the list of a for, sum or count)
//   path  := name(.name)*             (a name may be a parameter: $col)
//
// Precedence, loosest first: or, and, not, comparisons (== != < <= > >=, also ≠ ≤ ≥; no chains),
// + -, * /, unary -. Keywords: and or not for in where. Strings in "…", '…' or “…”. Full-width
// （），：are read as ( ) , :.
//
// Names. A path starts with a record the caller supplies (RuleScope):
//   t01 … t09            this year's 部门决算公开 tables (final_accounts_table, model/record.h)
//   prior.t01 …          last year's tables, when given
//   selfeval             the dept_selfeval record of the same department and year
//   summary, projects    a project_summary and the list of its project_selfeval records
// and continues with a field or list name of that record, dots included: t01.income.total,
// t05.total.basic, selfeval.funds.executed; t05.items, selfeval.funds.sources, summary.rows and
// projects are lists. A `for` variable names one row (c.total, c.code; for a record in projects,
// p.funds.budget). Inside a `where` condition and in sum's field argument, a bare name is the
// current row's field: `t05.items where len(code) == 3`, `sum(…, total)`.
//
// Functions: sum(list [where cond], expr) adds expr over the rows; count(list [where cond]);
// len(text) in characters; startswith(text, prefix), endswith, contains; abs(x); min(a, b, …),
// max(…); round(x, decimals); exists(path) is true when the record is supplied and the field is
// filled (or the list has rows).
//
// Values. A field is its number when it has one (the cell's value, or its text when that reads as a
// number: a code "208"), else its text. Arithmetic is exact Decimal (6 places; / rounds half up).
// A blank value (a missing field, an empty cell, a text that is not a number such as "—") counts as
// 0 in sums and comparisons, because 决算 tables leave zero cells blank. == and != compare texts
// (after NFKC and white-space removal) when one side is a string literal or neither side is a
// number (code == "301", name == r.name); otherwise numbers (code == c.code when both read as
// numbers). len, startswith, endswith and contains work on the same normalized text.
//
// Examples (each is one `check`):
//   t05.total.total == t05.total.basic + t05.total.project
//   for item in t05.items: item.total == item.basic + item.project
//   sum(t05.items where len(code) == 3, total) == t05.total.total
//   for c in t05.items where len(code) == 3:
//       c.total == sum(t05.items where len(code) == 5 and startswith(code, c.code), total)
//   t01.expenditure.total == t03.total.total
//   t06.personnel == sum(t06.items where code == "301" or code == "303", amount)
//   t07.actual.total == t07.actual.abroad + t07.actual.vehicle_total + t07.actual.reception
//   t08.total.carryover_end == t08.total.carryover_begin + t08.total.income - t08.total.total
//   selfeval.funds.executed == t01.expenditure.total
//   for r in summary.rows where count(projects where name == r.name) == 1:
//       r.budget == sum(projects where name == r.name, funds.budget)
//
// ==== What a check asserts ======================================================================
//
// Every comparison at the top of a check (through and / or / not and the body of a for) is an
// assertion; a for makes one per row; the two sides of a top-level `and` are separate assertions.
// An assertion is skipped, never an error, when
//   - it reads a record the caller did not supply (t03 absent: "t01.expenditure.total ==
//     t03.total.total" is skipped; a for over an absent record has no rows), or
//   - every field it reads is blank (an empty 公开09 "本表无数据" table), or
//   - it divides by zero.
// Top-level comparisons of numbers allow a tolerance (below); comparisons inside where, sum, count
// and the rule's `when` are exact.
//
// Tolerance (DOMAIN.md §3): 0.01 万元 per addend of the side with more addends (an addend is a
// filled field; a sum contributes one per filled row), so "a == b + c" allows 0.02 and "a == b"
// 0.01; none when every filled field was read in 元 (ReadAs::FromYuan). A rule may say
// `tolerance: 0` (exact), `tolerance: 0.05` (fixed) or `tolerance: 0.02 per addend`.
//
// ==== Rule files (*.rules, UTF-8 text) ==========================================================
//
//   # 公开01 收入支出决算总表
//   label t01 = 公开01
//   label t01.income.grand_total = 收入总计
//   label t01.expenditure.grand_total = 支出总计
//   label t05.items.total = 合计
//   disable fa07.vehicle
//
//   rule fa01.balance
//     title: 公开01 收入总计 = 支出总计
//     severity: error
//     tolerance: auto
//     check: t01.income.grand_total ==
//              t01.expenditure.grand_total
//     message: {check}
//
// Lines starting (after blanks) with # are comments; there are no comments at the end of a line.
// Flush-left lines are `rule ID`, `label NAME = 文字` (how a record, a field or a list's column is
// named in messages; a later label replaces an earlier one) and `disable ID` (drops the rules of
// that id loaded before: how a region replaces a shipped rule). A rule's attributes are indented
// `key: value` lines (also `key：value`); any other indented line continues the value above it.
//   title      required, Chinese: what the identity is
//   severity   error (default) | warning | info (also 错误 / 警告 / 提示)
//   tolerance  auto (default) | 0 | a fixed amount such as 0.05 | "0.02 per addend"
//   each       optional, repeatable: "$col in total, basic, project" runs the rule once per value,
//              $col standing for it anywhere in a path (c.$col, t07.$col.total, sum(…, $col))
//   when       optional: the rule runs only when this is true (exact comparisons)
//   check      one or more assertions
//   message    optional template, {check} by default
// Ids are letters, digits and . _ -; an id may repeat, so one identity is checked in several tables
// under one id (fa.class_sum in 公开02, 03, 05, 06, 08 and 09). An expression has at most 200
// levels of nesting and 2000 operands and operators.
//
// A message template is text with {…} fields: {check} the broken assertion with its arithmetic
// ("收入总计 3565.82 ≠ 支出总计 3555.82"; "210 卫生健康支出 合计 2681.86 ≠ 21011 14.10 + 21013 2299.53 +
// 21015 368.05 = 2681.68"), {lhs}, {rhs} its two sides, {found}, {expected}, {diff} (found −
// expected), {tolerance}, {title}, or any expression ({c.name}); {{ and }} are braces.
//
// {check} names every value it shows: a record's field by its label; a row's field by the row
// ("210 卫生健康支出": code and name) and the column's label, the row left out on the right-hand side
// when it is the left-hand side's row; each row of a sum by its code (else its name) and value; and,
// when the assertion reads more than one record, each value by its record's label first ("公开01
// 本年支出合计 3555.28 ≠ 公开03 合计 3555.82"). A label not defined is the field's path.
//
// A finding names the cell of the left-hand (checked) side (Field::source); found is that side's
// value, expected the right-hand side's (decimal text). Findings come in the order of the rules.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/finding.h"
#include "model/record.h"
#include "model/rule_ast.h"

namespace jixiao {

// The records rules may name; the caller owns them and keeps them alive while rules run.
struct RuleScope {
  std::map<std::string, const Record*> records;             // "t01" … "t09", "prior.t01", "selfeval", "summary"
  std::map<std::string, std::vector<const Record*>> lists;  // "projects"

  void set(const std::string& name, const Record& r) { records[name] = &r; }
  // Files a final_accounts_table record under t01…t09 (prior.t01… when `prior`) by its field
  // `table` ("01" … "09", also "1" or "公开01表"); false when the field names no table.
  bool add_final_accounts_table(const Record& r, bool prior = false);
  void add_project(const Record& r) { lists["projects"].push_back(&r); }
};

struct RuleTolerance {
  enum class Kind { Auto, Fixed, PerAddend } kind = Kind::Auto;
  Decimal amount;  // Fixed: the tolerance; PerAddend: per addend (Auto: 0.01 per addend)
};

// One piece of a message template: literal text, or a {field}.
struct MessagePart {
  std::string text;        // literal text, or the field's name when it is a reserved one (check, lhs…)
  rules::NodePtr expr;     // an expression field ({c.name}); null otherwise
  bool field = false;
};

struct Rule {
  std::string id;
  std::string title;
  Severity severity = Severity::Error;
  RuleTolerance tolerance;
  std::vector<std::pair<std::string, std::vector<std::string>>> each;  // $name -> values
  rules::NodePtr when;                  // null: always
  std::vector<rules::NodePtr> checks;
  std::vector<MessagePart> message;
  std::string file;  // where it was defined, for messages about the rule itself
  int line = 0;
};

struct RuleSet {
  std::vector<Rule> rules;
  std::map<std::string, std::string> labels;  // "t01" -> "公开01", "t05.items.total" -> "合计"
  std::vector<std::string> disabled;          // ids this set drops from the sets merged before it

  // Adds a set loaded after this one: its `disable` lines drop our rules of those ids, its rules
  // come after ours, its labels replace ours.
  void merge(RuleSet later);
};

// Whether each path a rule reads must be a field of the record schema (model/record_schema.h): on for
// every rule that is loaded ("rules.unknown_field" names the line, the column and the names the record
// has); the evaluator's own tests, which write rules over made-up records, turn it off.
enum class SchemaCheck { On, Off };

// Parses rules text; `file` names it in errors ("rules.syntax": "审核规则 x.rules 第 3 行第 15 列：…").
Expected<RuleSet> parse_rules(std::string_view text, const std::string& file, SchemaCheck schema = SchemaCheck::On);
// One file (errors also "rules.unreadable").
Expected<RuleSet> load_rules(const std::filesystem::path& file);
// Every *.rules file of a directory, in file-name order, merged (errors also "rules.not_found").
// The shipped rules are <data_dir>/model/rules/.
Expected<RuleSet> load_rule_dir(const std::filesystem::path& dir);

// Runs every rule and returns one finding per broken assertion, in rule order.
Findings run_rules(const RuleSet& rules, const RuleScope& scope);

}  // namespace jixiao

// The data tree of the 部门决算情况说明 template (templates/docx/final-accounts-report.docx): the
// department's nine tables, last year's when given, and the facts and reasons the tables do not hold,
// turned into the figures the document states — shares, changes on last year with their direction,
// 完成预算 — computed exactly (model/decimal.h), so that the document can only print what the tables say.
//
//   department, year, prior_year
//   total            {amount, prior, change, rate}   收、支总计 (公开01 总计); rate = change / prior
//   income           {total, items[label, amount, share]}   the eight income sources of 公开01
//   expenditure      {total, items[label, amount, share]}   基本 / 项目 / 上缴上级 / 经营 / 对附属单位补助 (公开03)
//   fiscal           {amount, prior, change, rate}   财政拨款收、支总计 (公开04 总计)
//   general_budget   {amount, share, prior, change, rate, basic, project,
//                     classes[code, name, amount, share], items[no, class, kuan, name, code, amount]}
//                    share: of 本年支出合计; classes: the 类 of 公开05; items: its 项, with their 类 and 款
//   basic            {amount, personnel, public_use}   公开05 基本支出 and its 公开06 split
//   three_public     {amount, budget, completion, prior, change, rate, abroad, vehicle, vehicle_purchase,
//                     vehicle_operation, reception, abroad_share, vehicle_share, reception_share,
//                     reception_batches, reception_people}
//   gov_fund         {amount}, state_capital {amount, empty_note}
//   reasons          {total, fiscal, general_budget, three_public}   from the facts; null when missing
//   facts            every fact given, by its label ("机关运行经费": "46.60")
//   glossary[term, text]   the fixed terms, then each 项 present ("社会保障和就业支出（类）…（项）"),
//                    its text from the facts when given there
//   figures          {fig1 … fig7}   the charts of 第二部分 in the data format of writers/docx_chart.h
//                    ({title, format "0.00", categories, series[name "2021年", values]}), amounts in 万元:
//                    fig1 收入总计 / 支出总计 (total), fig4 the same of fiscal, fig5 general_budget: one series
//                    per year, the prior year's only when known; fig2 income, fig3 expenditure, fig6
//                    general_budget.classes: the parts not zero, this year; fig7 三公: abroad / vehicle /
//                    reception, zeros kept
// Every element of income.items, expenditure.items, general_budget.classes and .items carries sep: "；",
// or "。" on the last, for lists read as one sentence. Amounts are in 万元; a value the tables do not give is null. Numbers print through the filters.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/record.h"

namespace jixiao {

struct ReportInput {
  std::map<std::string, const Record*> tables;        // "01" … "09": this year's tables
  std::map<std::string, const Record*> prior_tables;  // last year's (may be empty)
  std::map<std::string, std::string> facts;           // label -> text, e.g. "收支总计变动原因" -> "…"
};

nlohmann::ordered_json final_accounts_report_tree(const ReportInput& in);

// The facts of a 补充信息 sheet (a report_facts record: 事项 | 内容 rows) added to `facts`; other
// records add nothing.
void add_facts(const Record& rec, std::map<std::string, std::string>& facts);

// The tree of the 部门整体支出绩效自评报告 (templates/docx/dept-report.docx, the structure of seed 002):
// the 决算说明 tree of the same tables (above), plus
//   dept        the department's 整体支出绩效自评表 record tree (writers/template_data.h), when given; null otherwise
//   carryover_end   年末结转和结余 (公开01)
//   basic_share, project_share   基本支出 and 项目支出 of 一般公共预算财政拨款支出, as fractions
nlohmann::ordered_json dept_report_tree(const ReportInput& in, const Record* dept);

// The tree of the 项目支出绩效自评报告 (templates/docx/project-report.docx):
//   department, year, count, facts
//   summary   {rows[no, name, budget, executed, score, grade], total{budget, executed}}
//   projects[]  each project's record tree (writers/template_data.h selfeval_tree), plus
//             funds_rows[label, initial_budget, budget, executed, weight, rate, score] (年度资金总额, then
//             each fund source that has an amount), total_weight (the 分值 of every block and indicator),
//             background and problems (from the facts "<项目名称>项目基本情况", "<项目名称>主要问题和改进措施")
nlohmann::ordered_json project_report_tree(const std::vector<const Record*>& projects,
                                           const std::map<std::string, std::string>& facts);

}  // namespace jixiao

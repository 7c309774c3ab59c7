// Recompute: every score, rate, sum and grade of a record, from the values the department submitted,
// and one finding per submitted value that differs beyond rounding (DOMAIN.md §2).
//
// Each computed value is what its cell should read given the other cells as submitted: a total is
// the sum of the submitted parts (so a wrong fund score is reported once, at the fund score, and the
// total that agrees with it is not flagged), a grade follows the submitted total, a fund score
// follows 全年预算数 and 全年执行数 (never the submitted 执行率).
//
// "Beyond rounding": scores and rates are compared at the precision the department wrote — the
// computed value rounded to the decimals the submitted text shows must equal the submitted value so
// rounded ("99.9%" agrees with 0.999, "20.00" does not agree with 19.98); sums of amounts allow the
// profile's tolerance per addend (0.01 万元; none when every amount was read in 元).
//
// Rule ids (prefix project. for project_selfeval, dept. for dept_selfeval) and messages:
//   .execution_rate            执行率 99.90% ≠ 27.34 / 27.56 = 99.20%   ("区级预算资金 执行率 …" per source)
//   .execution_rate_over_100   执行率 102.50% 超过 100%：全年执行数 41.00 > 全年预算数 40.00  (warning)
//   .fund_score                项目资金得分 20.00 ≠ 20 × 39.96 / 40.00 = 19.98
//   .fund_score_range          项目资金得分 22 > 分值 20           (no budget to recompute from)
//   .fund_sources              全年预算数 40.00 ≠ 区级预算资金 30.00 + 其他资金 9.00 = 39.00 (also 年初预算数,
//                              全年执行数; 0.01 万元 per addend)
//   .goals_score_range         绩效目标得分 22 > 分值 20
//   .indicator_score_range     政策宣传活动次数 得分 12 > 分值 10  |  … 得分 -1 < 0
//   .indicator_score           政策宣传活动次数 得分 8 ≠ 满分 10（实际 3 达到目标 ≥2次）   (profile severity)
//                              工作考核等级 得分 10 不在 [12, 15]（定性：实际“优”为达成）
//   .indicator_weights         绩效指标分值之和 55 ≠ 60  |  产出指标 分值之和 45 ≠ 50   (warning; against the
//                              sheet's label "绩效指标（60分）", else the profile where the sheet follows it)
//   .total_score               自评得分 91.98 ≠ 19.98 + 18 + 53 = 90.98   (the profile's <total label>; parts per
//                              level-1 group when its indicators block lists groups: 总分 99.25 ≠ 10 + 49.25 + 29 + 10 = 98.25)
//   .weight_total              总分 分值 90 ≠ 10 + 50 + 30 + 10 = 100   (the 总分 row's 分值, indicators_total.weight)
//   .grade                     等级 优 与总分 88.57 不符：80 ≤ 88.57 < 90 为 良
// score_table:
//   score_table.item_range / .item_score      as the indicator rules above, named by 三级指标
//   score_table.group_label_weight (warning)  项目决策 标注 22 分 ≠ 分值之和 18  (a weight read from a label:
//                                             a group's weight noted 标签中的分值, or an item's level1_weight)
//   score_table.group_weight                  决策指标 分值 23 ≠ 4 + 4 + … = 22
//   score_table.group_score                   决策指标 得分 17.30 ≠ 4 + 3 + … = 17.03
//   score_table.group_range                   决策指标 得分 24 > 分值 23
//   score_table.score_rate                    得分率 74.40% ≠ 17.03 / 23 = 74.04%
//   score_table.total_weight / .total         合计分值 … / 合计 88.67 ≠ 17.03 + 16.00 + 36.80 + 18.74 = 88.57
//                                             (over the groups when each appears once, else over the items;
//                                             the 合计 row as total_weight/total_score)
//   score_table.grade                         等级 优 与总分 88.57 不符：80 ≤ 88.57 < 90 为 良
// project_summary:
//   summary.total                             合计 67.66 ≠ 40.00 + 27.56 = 67.56
//   summary.grade                             等级 良 与得分 90.98 不符：90.98 ≥ 90 为 优
//   summary.text_total                        正文所述资金 17815.56 万元 ≠ 表中 9 个项目的资金之和 17851.56 万元
//
// Read beyond the field list of model/record.h, as mapping/layouts/ produce them: indicators_weight
// (the weight in the label "绩效指标（60分）"), indicators_total.weight (the 总分 row's 分值), items'
// level1_weight (the weight in a "项目决策(18分)" label), total_weight / total_score (a table's 合计 or
// 小计 row); and two of Field's ReadAs flags: FromLabel (a weight read from a label: a mismatch is a
// warning) and FromYuan (an amount read in 元: its sums must be exact).
//
// Computed paths (Record::computed): funds.rate (a fraction rounded to 4 places: 2 places of %),
// funds.score, funds.sources.N.rate, indicators.N.score (a rule decided the score exactly) or
// indicators.N.score_range ("[12, 15]", a 定性 band), indicator_groups.N.{level1, weight, score}
// (level-1 sums of the submitted weights and scores), total_score, grade; score_table:
// items.N.score|score_range, groups.N.{weight, score, score_rate} (and groups.N.level1 when the
// record has no groups and they come from the items), total_weight, total_score, total_score_rate,
// grade; project_summary: total.budget, total.executed, rows.N.grade. Each computed Field's note
// holds the arithmetic.
#pragma once

#include "model/finding.h"
#include "model/profile.h"
#include "model/record.h"

namespace jixiao {

// Fills rec.computed and returns the findings, in sheet order (funds, goals, indicators, totals,
// grade). Records of other kinds (final_accounts) get nothing.
Findings recompute(Record& rec, const Profile& profile);

}  // namespace jixiao

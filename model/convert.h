// A self-evaluation scored under another profile: what `jixiao convert` does when a Hubei 2019 sheet
// (项目资金 20 / 项目绩效目标 20 / 绩效指标 60) becomes the national table (预算执行率 10 / 绩效指标 90,
// 产出 50 / 效益 30 / 满意度 10), and every change it makes, said in Chinese.
//
// Rules (a conversion, not a new evaluation: the department's judgement of each indicator stays, only
// its scale changes):
// - 预算执行率: the target's fund weight; the score is recomputed from 全年预算数 and 全年执行数 with the
//   target's fund rule (scaled when the sheet has no amounts).
// - 绩效目标 block: dropped when the target has none (its texts stay); when the target has one and the
//   sheet did not, its weight is set and its score left blank for the evaluator to fill.
// - Indicators: when the sheet has every level-1 group the target weighs (产出 / 效益 / 满意度), each
//   group is scaled to its target weight; otherwise all indicators are scaled together to the target's
//   indicator weight. Weights and scores are multiplied by the same factor and rounded to 0.01; the
//   last indicator of a group absorbs the rounding so that the weights add up exactly.
// - 总分 = the parts, 等级 from the target's grade bands.
// Converted values lose their source cell (they are no longer what the sheet says).
#pragma once

#include <string>
#include <vector>

#include "model/profile.h"
#include "model/record.h"

namespace jixiao {

struct Converted {
  Record record;
  std::vector<std::string> changes;  // "预算执行率 分值 20 → 10，得分 19.98 → 9.99（10 × 39.96 / 40.00）"
};

// rec: a project_selfeval or dept_selfeval; from: the profile it was scored under.
Converted convert_profile(const Record& rec, const Profile& from, const Profile& to);

}  // namespace jixiao

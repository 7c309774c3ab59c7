// Indicator rules (DOMAIN.md §2): what an indicator's score should be, from its target (年度指标值),
// its actual (实际完成值), its nature (指标性质), its unit (度量单位) and its 评分标准 text, all as
// people type them ("≥2 次", "≥52万人", "100%", "2022-12-31", "及时", "成效明显").
//
// Conservative by design: where no rule can decide (blank actual, free text, units that differ, a
// 评分标准 that does not parse, a direction nobody stated) the result is Undecided, and the caller
// keeps the submitted score and only checks 0 ≤ score ≤ weight.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/decimal.h"
#include "model/profile.h"
#include "model/value_text.h"

namespace jixiao {

enum class Achievement { Achieved, Partial, NotAchieved };
// 定性: the actual equal to the target; a word of achievement (完成, 及时, 达标, 成效明显, 不断增强 …),
// of partial achievement (基本完成 …) or of failure (未完成 …); a grade compared on its scale
// (优/良/中/差, 优秀/良好/合格/不合格, 好/较好/一般/差) when the target is on the same scale.
std::optional<Achievement> qualitative_achievement(std::string_view target, std::string_view actual);

// ---- 评分标准 text ------------------------------------------------------------------------------
// "满分:≥90% 合格:≥80% 零分:≤50% 其他:合格之上:60+40*(实际值-80%)/10%合格之下:60-60*(80%-实际值)/30%":
// thresholds (满分 / 合格 / 零分, each optionally with its points "合格（1分）:") and linear formulas
// in 百分制 (percent of the weight) above and below 合格.
struct ScoringStandard {
  struct Level {
    Quantity condition;
    std::optional<Decimal> points;  // "合格（1分）"
  };
  std::optional<Level> full, pass, zero;
  std::string formula_above, formula_below;  // normalized expression text over 实际值, "" when none

  // The score for an actual value, or nullopt when the standard does not say (a unit that differs,
  // a range without a formula).
  std::optional<Decimal> score(const Quantity& actual, Decimal weight, int decimals, std::string* how = nullptr) const;
};
std::optional<ScoringStandard> parse_scoring_standard(std::string_view text);

// Evaluates a 评分标准 formula ("60+40*(实际值-80%)/10%") at x; nullopt if it does not parse.
// Exposed for tests.
std::optional<Decimal> evaluate_formula(std::string_view formula, Decimal x, int decimals);

// ---- the rule for one indicator ----------------------------------------------------------------
struct IndicatorInput {
  std::string name;
  std::string target;      // 年度指标值 / 标准值 / 预期指标值
  std::string actual;      // 实际完成值
  std::string nature;      // 指标性质 (Yunnan), may be empty
  std::string unit;        // 度量单位 (Yunnan), may be empty
  std::string standard;    // 评分标准 text, may be empty
  std::optional<Decimal> weight;
};

struct RuleResult {
  enum class Kind { Undecided, Exact, Band };
  Kind kind = Kind::Undecided;
  Decimal score;                 // Exact
  Decimal low, high;             // Band: [low, high] or [low, high)
  bool high_inclusive = true;
  std::string method;            // 正向 | 反向 | 等于 | 时效 | 定性 | 评分标准
  std::string how;               // the arithmetic, for messages: "10 × 1 / 2 = 5.00"

  bool decided() const { return kind != Kind::Undecided; }
  // "[12, 15]" or "[9, 12)"
  std::string band_text() const;
};

RuleResult apply_indicator_rule(const IndicatorInput& in, const Profile& profile);

}  // namespace jixiao

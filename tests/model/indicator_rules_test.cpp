#include "model/indicator_rules.h"

#include <gtest/gtest.h>

#include "test_paths.h"

namespace jixiao {
namespace {

Decimal D(const char* s) { return *Decimal::parse(s); }

const Profile& hubei() {
  static Profile p = load_profile_file(test::source_dir() / "model/profiles/hubei-2019.xml").value();
  return p;
}

RuleResult rule(const char* target, const char* actual, const char* weight, const char* nature = "",
                const char* unit = "", const char* standard = "") {
  IndicatorInput in{"指标", target, actual, nature, unit, standard, Decimal::parse(weight)};
  return apply_indicator_rule(in, hubei());
}

std::string score(const RuleResult& r) {
  if (r.kind == RuleResult::Kind::Exact) return r.score.to_string();
  if (r.kind == RuleResult::Kind::Band) return r.band_text();
  return "undecided";
}

// ---- exact arithmetic ------------------------------------------------------------------------

TEST(ExactArithmetic, RoundsOnceFromTheExactValue) {
  EXPECT_EQ(mul_div_rounded(D("20"), D("27.34"), D("27.56"), 2)->to_string(), "19.84");
  EXPECT_EQ(mul_div_rounded(D("20"), D("39.96"), D("40"), 2)->to_string(), "19.98");
  // 49.999996 / 10000 = 0.0049999996: 0.00, while rounding to 6 places first would give 0.01
  EXPECT_EQ(ratio_rounded(D("49.999996"), D("10000"), 2)->to_string(2), "0.00");
  EXPECT_EQ(Decimal::divide(D("49.999996"), D("10000"))->round(2).to_string(2), "0.01");
  EXPECT_FALSE(ratio_rounded(D("1"), D("0"), 2));
  EXPECT_EQ(ratio_rounded(D("17.03"), D("23"), 4)->to_string(), "0.7404");
}

TEST(ValueText, NormalizesWidthAndSpaces) {
  EXPECT_EQ(normalize_text("≧ ２ 次", TextPurpose::Value), "≥2次");
  EXPECT_EQ(normalize_text("１００％\n", TextPurpose::Value), "100%");
  EXPECT_EQ(normalize_text("＜95%", TextPurpose::Value), "<95%");
}

// ---- quantities ------------------------------------------------------------------------------

TEST(Quantity, OperatorsNumbersAndUnits) {
  auto q = parse_quantity("≥2 次");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->op, Direction::AtLeast);
  EXPECT_EQ(q->value, D("2"));
  EXPECT_EQ(q->unit, "次");
  EXPECT_EQ(q->shown, "2次");

  q = parse_quantity("≥52万人");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->value, D("520000"));
  EXPECT_EQ(q->unit, "人");

  q = parse_quantity("100%");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->op, Direction::None);
  EXPECT_EQ(q->value, D("1"));
  EXPECT_EQ(q->unit, "%");

  q = parse_quantity("＞95％");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->op, Direction::AtLeast);
  EXPECT_TRUE(q->strict);
  EXPECT_EQ(q->value, D("0.95"));

  EXPECT_EQ(parse_quantity("不低于95%")->op, Direction::AtLeast);
  EXPECT_EQ(parse_quantity("100%以上")->op, Direction::AtLeast);
  EXPECT_EQ(parse_quantity("30天以内")->op, Direction::AtMost);
  EXPECT_EQ(parse_quantity("5个工作日内")->unit, "个工作日");
  EXPECT_EQ(parse_quantity("小于等于5%")->op, Direction::AtMost);
  EXPECT_EQ(parse_quantity("≤60分钟")->unit, "分钟");
  EXPECT_EQ(parse_quantity("1小时")->value, D("60"));
  EXPECT_EQ(parse_quantity("1小时")->unit, "分钟");
  EXPECT_EQ(parse_quantity("3日")->unit, "天");
  EXPECT_EQ(parse_quantity("1,259,100.00元")->value, D("1259100"));
  EXPECT_EQ(parse_quantity("3")->unit, "");
  EXPECT_EQ(parse_quantity("2亿元")->value, D("200000000"));
}

TEST(Quantity, RejectsWordsAndSentences) {
  EXPECT_FALSE(parse_quantity(""));
  EXPECT_FALSE(parse_quantity("优"));
  EXPECT_FALSE(parse_quantity("及时"));
  EXPECT_FALSE(parse_quantity("医保信息系统验收合格率99%，达到设定目标。"));
  EXPECT_FALSE(parse_quantity("2022-12-31"));
  EXPECT_FALSE(parse_quantity("≥5天以下"));  // two directions
  EXPECT_FALSE(parse_quantity("3次，其中2次集中宣传"));
  EXPECT_FALSE(parse_quantity("≥"));
}

TEST(Dates, WhatPeopleType) {
  auto d = parse_date("2022-12-31");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year, 2022);
  EXPECT_EQ(d->month, 12);
  EXPECT_EQ(d->day, 31);
  EXPECT_EQ(parse_date("2022/6/30")->month, 6);
  EXPECT_EQ(parse_date("2022.06.30")->day, 30);
  EXPECT_EQ(parse_date("2022年12月31日前")->day, 31);
  EXPECT_EQ(parse_date("2022年12月")->day, 0);
  EXPECT_EQ(parse_date("2022年底")->day, 31);
  EXPECT_FALSE(parse_date("2022-13-01"));
  EXPECT_FALSE(parse_date("12月底"));
  EXPECT_FALSE(parse_date("及时"));
}

TEST(Nature, YunnanColumn) {
  bool q = false;
  EXPECT_EQ(parse_nature("≥"), Direction::AtLeast);
  EXPECT_EQ(parse_nature("＞"), Direction::AtLeast);
  EXPECT_EQ(parse_nature("≤"), Direction::AtMost);
  EXPECT_EQ(parse_nature("＝"), Direction::Equal);
  EXPECT_EQ(parse_nature("正向指标"), Direction::AtLeast);
  EXPECT_EQ(parse_nature("反向指标"), Direction::AtMost);
  EXPECT_EQ(parse_nature("定性", &q), Direction::None);
  EXPECT_TRUE(q);
  EXPECT_EQ(parse_nature(""), Direction::None);
}

TEST(Qualitative, WordsAndScales) {
  EXPECT_EQ(qualitative_achievement("优", "优"), Achievement::Achieved);
  EXPECT_EQ(qualitative_achievement("优", "良"), Achievement::Partial);
  EXPECT_EQ(qualitative_achievement("优", "中"), Achievement::NotAchieved);
  EXPECT_EQ(qualitative_achievement("良", "优"), Achievement::Achieved);
  EXPECT_EQ(qualitative_achievement("良好", "优秀"), Achievement::Achieved);
  EXPECT_EQ(qualitative_achievement("及时", "及时"), Achievement::Achieved);
  EXPECT_EQ(qualitative_achievement("成效明显", "成效明显。"), Achievement::Achieved);
  EXPECT_EQ(qualitative_achievement("", "成效明显"), Achievement::Achieved);
  EXPECT_EQ(qualitative_achievement("及时", "基本及时"), Achievement::Partial);
  EXPECT_EQ(qualitative_achievement("100%", "已完成"), Achievement::Achieved);
  EXPECT_EQ(qualitative_achievement("完成", "未完成"), Achievement::NotAchieved);
  // a different promise kept in other words is not for a rule to judge
  EXPECT_FALSE(qualitative_achievement("显著提升", "有所提升"));
  EXPECT_FALSE(qualitative_achievement("优", ""));
  EXPECT_FALSE(qualitative_achievement("优", "95%"));
  EXPECT_FALSE(qualitative_achievement("医保政府信息", "我局全年主动公开所有“主动公开”文件。"));
  EXPECT_FALSE(qualitative_achievement("优", "A"));
}

// ---- the rule for one indicator ----------------------------------------------------------------

TEST(IndicatorRule, ForwardMetAndPartial) {
  EXPECT_EQ(score(rule("≥2次", "3", "10")), "10");
  EXPECT_EQ(rule("≥2次", "3", "10").method, "正向");
  EXPECT_EQ(rule("≥2次", "3", "10").how, "满分 10（实际 3 达到目标 ≥2次）");
  EXPECT_EQ(score(rule("≥2次", "2次", "10")), "10");
  EXPECT_EQ(score(rule("≥2次", "1次", "10")), "5");
  EXPECT_EQ(rule("≥2次", "1次", "10").how, "10 × 1 / 2 = 5.00");
  EXPECT_EQ(score(rule("≥95%", "90%", "15")), "14.21");  // 15 × 90 / 95 = 14.2105
  EXPECT_EQ(score(rule("≥52万人", "530000人", "10")), "10");
  EXPECT_EQ(score(rule("≥52万人", "51万人", "10")), "9.81");
  EXPECT_EQ(score(rule("≥2次", "0次", "10")), "0");
  EXPECT_EQ(score(rule("＞95%", "95%", "10")), "10");  // ＞ scored as ≥: the formula gives full marks there
}

TEST(IndicatorRule, Reverse) {
  EXPECT_EQ(score(rule("≤10天", "8天", "10")), "10");
  EXPECT_EQ(score(rule("≤10天", "12天", "10")), "8");
  EXPECT_EQ(rule("≤10天", "12天", "10").how, "10 × (1 − (12 − 10) / 10) = 8.00");
  EXPECT_EQ(score(rule("≤10天", "20天", "10")), "0");  // 0 at twice the target
  EXPECT_EQ(score(rule("≤10天", "35天", "10")), "0");
  EXPECT_EQ(score(rule("≤1小时", "90分钟", "4")), "2");
  EXPECT_EQ(score(rule("≤0次", "1次", "4")), "undecided");  // nothing to divide by
}

TEST(IndicatorRule, EqualityAndNoDirection) {
  EXPECT_EQ(score(rule("100%", "100%", "15")), "15");
  EXPECT_EQ(score(rule("100%", "99%", "15")), "undecided");  // nobody said ≥ or ≤
  EXPECT_EQ(score(rule("=100%", "99%", "15")), "undecided");
  EXPECT_EQ(score(rule("100", "99", "15", "≥", "%")), "14.85");  // Yunnan: the direction in 指标性质
}

TEST(IndicatorRule, UnitsMustMatch) {
  EXPECT_EQ(score(rule("≥2次", "3人次", "10")), "undecided");
  EXPECT_EQ(score(rule("≥95%", "96", "10")), "undecided");  // a bare number against a percentage
  EXPECT_EQ(score(rule("≥2", "3次", "10")), "10");           // a unit on one side only is adopted
  EXPECT_EQ(score(rule("2", "3", "10", "≥", "次")), "10");   // Yunnan 度量单位
}

TEST(IndicatorRule, BoundsAsActuals) {
  // seed 001 整体表: the actual repeats the target, "≥10天"
  EXPECT_EQ(score(rule("≥10天", "≥10天", "10")), "10");
  EXPECT_EQ(score(rule("≥10天", "≥8天", "10")), "undecided");
  EXPECT_EQ(score(rule("≤5%", "≤3%", "10")), "10");
}

TEST(IndicatorRule, Dates) {
  EXPECT_EQ(score(rule("2022-12-31", "2022-12-31", "5")), "5");
  EXPECT_EQ(rule("2022-12-31", "2022年11月20日", "5").method, "时效");
  EXPECT_EQ(score(rule("2022年12月", "2022-12-20", "5")), "5");
  EXPECT_EQ(score(rule("2022-12-31", "2023-01-15", "5")), "undecided");  // late: by how much is not a rule
  EXPECT_EQ(score(rule("2022-06-30", "2022年6月", "5")), "undecided");
  EXPECT_EQ(score(rule("2022-12-31", "按时完成", "5")), "[4, 5]");
}

TEST(IndicatorRule, QualitativeBands) {
  EXPECT_EQ(score(rule("优", "优", "15")), "[12, 15]");
  EXPECT_EQ(score(rule("优", "良", "15")), "[9, 12)");
  EXPECT_EQ(score(rule("优", "差", "15")), "[0, 9)");
  EXPECT_EQ(score(rule("及时", "及时", "10", "定性")), "[8, 10]");
  EXPECT_EQ(score(rule("100%", "完成", "10")), "[8, 10]");
}

TEST(IndicatorRule, UndecidedWhereNoRuleCan) {
  EXPECT_EQ(score(rule("100%", "", "15")), "undecided");  // seed 003 群众对部门工作的满意度
  EXPECT_EQ(score(rule("≥90%", "", "20")), "undecided");
  EXPECT_EQ(score(rule("", "", "4")), "undecided");        // seed 004: no targets at all
  EXPECT_EQ(score(rule("≥2次", "3", "")), "undecided");    // no weight
  EXPECT_EQ(score(rule("有所提高", "我局紧紧围绕法治建设工作要求……", "4")), "undecided");
  EXPECT_EQ(score(rule("优", "95%", "4")), "undecided");
}

// ---- 评分标准 ------------------------------------------------------------------------------------

constexpr const char* kA2Standard =
    "满分:≥90%\n合格:≥80%\n零分:≤50%其他:合格之上:60+40*(实际值-80%)/10%合格之下: 60-60*(80%-实际值)/30%";

TEST(Formula, EvaluatesInExactArithmetic) {
  EXPECT_EQ(evaluate_formula("60+40*(实际值-80%)/10%", D("0.85"), 6)->to_string(), "80");
  EXPECT_EQ(evaluate_formula("60+40*(实际值-80%)/10%", D("0.8"), 6)->to_string(), "60");
  EXPECT_EQ(evaluate_formula("60-60*(80%-实际值)/30%", D("0.65"), 6)->to_string(), "30");
  EXPECT_EQ(evaluate_formula("60+40*(实际值-95%)/5%", D("0.97"), 6)->to_string(), "76");
  EXPECT_EQ(evaluate_formula("100*实际值/3", D("1"), 2)->to_string(2), "33.33");
  EXPECT_EQ(evaluate_formula("６０＋４０×（实际值－８０％）÷１０％", D("0.9"), 6)->to_string(), "100");
  EXPECT_FALSE(evaluate_formula("60+40", D("0.9"), 2));         // no 实际值
  EXPECT_FALSE(evaluate_formula("60+(实际值", D("0.9"), 2));
  EXPECT_FALSE(evaluate_formula("60/(实际值-90%)", D("0.9"), 2));  // division by zero
  EXPECT_FALSE(evaluate_formula("60+分值*实际值", D("0.9"), 2));
}

TEST(ScoringStandard, ParsesThresholdsAndFormulas) {
  auto st = parse_scoring_standard(kA2Standard);
  ASSERT_TRUE(st);
  ASSERT_TRUE(st->full && st->pass && st->zero);
  EXPECT_EQ(st->full->condition.op, Direction::AtLeast);
  EXPECT_EQ(st->full->condition.value, D("0.9"));
  EXPECT_EQ(st->pass->condition.value, D("0.8"));
  EXPECT_EQ(st->zero->condition.op, Direction::AtMost);
  EXPECT_EQ(st->zero->condition.value, D("0.5"));
  EXPECT_EQ(st->formula_above, "60+40*(实际值-80%)/10%");
  EXPECT_EQ(st->formula_below, "60-60*(80%-实际值)/30%");

  auto at = [&](const char* actual) {
    auto s = st->score(*parse_quantity(actual), D("2"), 2);
    return s ? s->to_string() : "undecided";
  };
  EXPECT_EQ(at("99%"), "2");
  EXPECT_EQ(at("90%"), "2");
  EXPECT_EQ(at("85%"), "1.6");   // 2 × 80%
  EXPECT_EQ(at("80%"), "1.2");   // 2 × 60%
  EXPECT_EQ(at("70%"), "0.8");   // 2 × 40%
  EXPECT_EQ(at("50%"), "0");
  EXPECT_EQ(at("3次"), "undecided");
  EXPECT_EQ(at("0.85"), "undecided");  // a bare number against percentages
  std::string how;
  st->score(*parse_quantity("85%"), D("2"), 2, &how);
  EXPECT_EQ(how, "2 × 80% = 1.60（评分标准合格之上 60+40*(实际值-80%)/10%，实际值 85%）");
}

TEST(ScoringStandard, VariantsOfSeed001) {
  auto st = parse_scoring_standard("满分:≥2次\n合格:1次\n零分:0次");
  ASSERT_TRUE(st);
  EXPECT_EQ(st->score(*parse_quantity("3次"), D("2"), 2)->to_string(), "2");
  EXPECT_EQ(st->score(*parse_quantity("0次"), D("2"), 2)->to_string(), "0");
  EXPECT_FALSE(st->score(*parse_quantity("1次"), D("2"), 2));  // 合格 without a score or a formula

  st = parse_scoring_standard("满分:大于85%\n合格:等于85%\n零分:小于85%");
  ASSERT_TRUE(st);
  EXPECT_EQ(st->score(*parse_quantity("99%"), D("10"), 2)->to_string(), "10");
  EXPECT_EQ(st->score(*parse_quantity("80%"), D("10"), 2)->to_string(), "0");

  st = parse_scoring_standard("满分:100%\n合格:95%\n零分:<95%\n其他:合格之上:60+40*(实际值-95%)/5%");
  ASSERT_TRUE(st);
  EXPECT_EQ(st->score(*parse_quantity("100%"), D("2"), 2)->to_string(), "2");
  EXPECT_EQ(st->score(*parse_quantity("94%"), D("2"), 2)->to_string(), "0");

  st = parse_scoring_standard("满分:≥90%\n合格（1分）:≥80%\n零分:<80%");
  ASSERT_TRUE(st);
  EXPECT_EQ(st->score(*parse_quantity("85%"), D("2"), 2)->to_string(), "1");
  EXPECT_EQ(parse_scoring_standard("满分:≤30分钟\n合格:系统建设有设定\n零分:无设定"), std::nullopt);
}

TEST(ScoringStandard, WhatDoesNotParse) {
  EXPECT_FALSE(parse_scoring_standard(""));
  EXPECT_FALSE(parse_scoring_standard("满分：全覆盖\n发现1项不合格扣为0分"));
  EXPECT_FALSE(parse_scoring_standard("全年执行数/全年预算数*10分(执行率≥90%,按10分计算)"));
  EXPECT_FALSE(parse_scoring_standard(
      "满分（2分）:医保综合监管能力较上年提高5%及以上\n合格（1）:医保综合监管能力较上年提高5%以内\n零分:医保综合监管能力较上年下降"));
  EXPECT_FALSE(parse_scoring_standard("满分:较往年提高（2分）\n合格:较往年持平（1分）\n零分:较往年降低（0分）"));
  EXPECT_FALSE(parse_scoring_standard("满分:≥90%"));                   // nothing else
  EXPECT_FALSE(parse_scoring_standard("满分:≥90%\n满分:≥80%\n零分:0%"));  // a key twice
  EXPECT_FALSE(parse_scoring_standard("满分:≥90%\n零分:≤50%\n其他:合格之上:60+40*(实际值-80%)/10%"));  // no 合格
}

TEST(IndicatorRule, ScoringStandardDecidesOrNothingDoes) {
  EXPECT_EQ(score(rule("≥90%", "85%", "2", "", "", kA2Standard)), "1.6");
  EXPECT_EQ(rule("≥90%", "85%", "2", "", "", kA2Standard).method, "评分标准");
  // seed 001: the actual is a sentence
  EXPECT_EQ(score(rule("≥90%", "医保信息系统验收合格率99%，达到设定目标。", "2", "", "", kA2Standard)), "undecided");
  // a standard that does not parse: no generic rule steps in
  EXPECT_EQ(score(rule("≥90%", "95%", "10", "", "", "全年执行数/全年预算数*10分(执行率≥90%,按10分计算)")), "undecided");
}

}  // namespace
}  // namespace jixiao

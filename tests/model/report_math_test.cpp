// The share and change arithmetic of a report, on the figures seed 001 第二部分 and seed 002 print.
#include "model/report_math.h"

#include <gtest/gtest.h>

namespace jixiao {
namespace {

Decimal d(const char* s) { return *Decimal::parse(s); }

TEST(ReportMath, SharesAreWhatSeed001Prints) {
  // 一般公共预算财政拨款收入3429.91万元，占96.46%；政府性基金预算财政拨款收入125.91万元，占3.54%
  EXPECT_EQ(percent_text(*share_of(d("3429.91"), d("3555.82"))), "96.46%");
  EXPECT_EQ(percent_text(*share_of(d("125.91"), d("3555.82"))), "3.54%");
  // 基本支出392.51万元，占11.04%；项目支出3163.31万元，占88.96%
  EXPECT_EQ(percent_text(*share_of(d("392.51"), d("3555.82"))), "11.04%");
  EXPECT_EQ(percent_text(*share_of(d("3163.31"), d("3555.82"))), "88.96%");
  // 卫生健康支出2681.68万元，占78.19%；农林水支出689.57万元，占20.10%；社会保障和就业支出37.51万元，占1.09%
  EXPECT_EQ(percent_text(*share_of(d("2681.68"), d("3429.91"))), "78.19%");
  EXPECT_EQ(percent_text(*share_of(d("689.57"), d("3429.91"))), "20.10%");
  EXPECT_EQ(percent_text(*share_of(d("37.51"), d("3429.91"))), "1.09%");
}

TEST(ReportMath, ShareOfZeroWholeIsUnknown) {
  EXPECT_FALSE(share_of(d("0"), d("0")).has_value());
  EXPECT_FALSE(share_of(d("1"), std::nullopt).has_value());
  EXPECT_EQ(*share_of(std::nullopt, d("5")), d("0"));  // a part the tables lack is 0
}

TEST(ReportMath, YearChangeDividesByLastYear) {
  // 与2021年4024.76万元相比，收、支总计各减少468.94万元，下降11.65%
  auto c = year_change(d("3555.82"), d("4024.76"));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->change, d("-468.94"));
  EXPECT_EQ(percent_text(c->rate->abs()), "11.65%");
  EXPECT_EQ(trend_of(c->change), Trend::Down);
  EXPECT_STREQ(trend_word(trend_of(c->change), false), "减少");
  EXPECT_STREQ(trend_word(trend_of(c->change), true), "下降");
  // 较上年2.85万元相比减少1.35万元，下降47.37%
  EXPECT_EQ(percent_text(year_change(d("1.50"), d("2.85"))->rate->abs()), "47.37%");
  // seed 002: 三公 0.55 → 1 is +81.82%, not the 45% printed
  EXPECT_EQ(percent_text(*year_change(d("1"), d("0.55"))->rate), "81.82%");
  EXPECT_FALSE(year_change(d("3"), d("0"))->rate.has_value());
  EXPECT_FALSE(year_change(d("3"), std::nullopt).has_value());
}

TEST(ReportMath, CompletionIsActualOverBudget) {
  // seed 002: 预算数为 24.22 万元，决算数为 13.85 万元，仅完成预算的 57.18%
  EXPECT_EQ(percent_text(*completion_of(d("13.85"), d("24.22"))), "57.18%");
  EXPECT_FALSE(completion_of(d("0"), d("0")).has_value());
}

TEST(ReportMath, TrendWords) {
  EXPECT_EQ(trend_of_word("增长"), Trend::Up);
  EXPECT_EQ(trend_of_word("减少了"), Trend::Down);
  EXPECT_EQ(trend_of_word("降低"), Trend::Down);
  EXPECT_EQ(trend_of_word("持平"), Trend::Flat);
  EXPECT_FALSE(trend_of_word("相比").has_value());
}

TEST(ReportMath, StatedFiguresStandForTheirRoundingRange) {
  Interval a = Interval::stated(d("3429.91"), 2);
  EXPECT_EQ(a.lo, d("3429.905"));
  EXPECT_EQ(a.hi, d("3429.915"));
  Interval p = stated_percent(d("11.65"), 2);
  EXPECT_TRUE(p.contains(d("0.1165")));
  EXPECT_TRUE(p.contains(d("0.11645")));
  EXPECT_FALSE(p.contains(d("0.1166")));
}

TEST(ReportMath, RoundedInputsExplainRoundedShares) {
  // 农林水支出 3.8 of 383.43 is 0.99%, printed "1%": within the range of an integer percentage
  auto q = divide(Interval::stated(d("3.8"), 2), Interval::stated(d("383.43"), 2));
  ASSERT_TRUE(q);
  EXPECT_TRUE(q->overlaps(stated_percent(d("1"), 0)));
  EXPECT_FALSE(q->overlaps(stated_percent(d("1"), 2)));
}

TEST(ReportMath, ATinyBaseWidensTheRange) {
  // 0.01 万元 printed with 2 decimals may be anything in [0.005, 0.015]: a rate on it is very loose
  Interval base = Interval::stated(d("0.01"), 2);
  Interval now = Interval::stated(d("0.02"), 2);
  auto rate = divide(now - base, base);
  ASSERT_TRUE(rate);
  EXPECT_TRUE(rate->contains(d("0.5")));
  EXPECT_TRUE(rate->contains(d("2")));
  EXPECT_FALSE(divide(now, Interval::stated(d("0"), 2)).has_value());  // a base that may be 0
}

TEST(ReportMath, TrendsAChangeRangeAllows) {
  Interval down = Interval::point(d("1.50")) - Interval::point(d("2.85"));
  EXPECT_TRUE(allows(down, Trend::Down));
  EXPECT_FALSE(allows(down, Trend::Up));
  EXPECT_FALSE(allows(down, Trend::Flat));
  Interval tiny = Interval::stated(d("0.01"), 2) - Interval::stated(d("0.01"), 2);
  EXPECT_TRUE(allows(tiny, Trend::Up));
  EXPECT_TRUE(allows(tiny, Trend::Flat));
}

}  // namespace
}  // namespace jixiao

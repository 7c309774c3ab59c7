#include "writers/filters.h"

#include <gtest/gtest.h>

namespace jixiao {
namespace {

using Json = nlohmann::ordered_json;

std::string F(const Json& v, const char* chain) {
  auto r = apply_filters(v, chain);
  return r ? *r : "ERROR: " + r.error().message;
}

// Seed 001 第二部分 一: 2022 收、支总计 3555.82 万元 against 4024.76 in 2021: 减少 468.94 万元, 下降 11.65%.
TEST(Filters, SeedSentenceOfTheYearOnYearChange) {
  Json change = 3555.82 - 4024.76;  // a double, as a JSON tree carries it
  EXPECT_EQ(F(change, "abs | fixed:2"), "468.94");
  EXPECT_EQ(F(change, "dir:增加,减少"), "减少");
  EXPECT_EQ(F(468.94 / 4024.76, "pct:2"), "11.65%");
  EXPECT_EQ(F(3429.91 / 3555.82, "pct:2"), "96.46%");  // 一般公共预算财政拨款收入 share
  EXPECT_EQ(F(125.91 / 3555.82, "pct:2"), "3.54%");
}

TEST(Filters, MoneyAndUnits) {
  EXPECT_EQ(F(1259100, "money"), "1,259,100.00");
  EXPECT_EQ(F(35558200, "wan | fixed:2"), "3555.82");
  EXPECT_EQ(F(35558200, "wan | money"), "3,555.82");
  EXPECT_EQ(F(19.98, ""), "19.98");
  EXPECT_EQ(F(0.1 + 0.2, "fixed:2"), "0.30");
  EXPECT_EQ(F(2.675, "fixed:2"), "2.68");  // half up on the decimal 2.675, not the double below it
  EXPECT_EQ(F(-3.5, "abs"), "3.5");
  EXPECT_EQ(F("1,259,100.00", "money"), "1,259,100.00");  // a number typed as text
}

// 人民币大写 as cheques and 决算 forms write it.
TEST(Filters, ChineseUpperCaseMoney) {
  EXPECT_EQ(F(1234.56, "cnupper"), "壹仟贰佰叁拾肆元伍角陆分");
  EXPECT_EQ(F(100, "cnupper"), "壹佰元整");
  EXPECT_EQ(F(10, "cnupper"), "壹拾元整");
  EXPECT_EQ(F(1004.05, "cnupper"), "壹仟零肆元零伍分");
  EXPECT_EQ(F(0.5, "cnupper"), "伍角");
  EXPECT_EQ(F(35558200, "cnupper"), "叁仟伍佰伍拾伍万捌仟贰佰元整");
}

TEST(Filters, ChineseNumeralsAndDates) {
  EXPECT_EQ(F(1, "cnnum"), "一");
  EXPECT_EQ(F(11, "cnnum"), "十一");
  EXPECT_EQ(F(21, "cnnum"), "二十一");
  EXPECT_EQ(F("2022-12-31", "date:yyyy年M月d日"), "2022年12月31日");
  EXPECT_EQ(F("2021-03-05", "date:yyyy年MM月dd日"), "2021年03月05日");
}

TEST(Filters, DirectionWordsAndDefaults) {
  EXPECT_EQ(F(12.5, "dir:增加,减少"), "增加");
  EXPECT_EQ(F(0, "dir:增加,减少"), "持平");
  EXPECT_EQ(F(0, "dir:上升,下降,持平"), "持平");
  EXPECT_EQ(F(nullptr, "default:（待补充）"), "（待补充）");
  EXPECT_EQ(F("", "default:无"), "无");
  EXPECT_EQ(F(nullptr, "fixed:2 | default:—"), "—");
  EXPECT_EQ(F(nullptr, ""), "");
}

TEST(Filters, MistakesAreNamed) {
  auto r = apply_filters(Json("四十万"), "money");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("money"), std::string::npos);
  EXPECT_NE(r.error().message.find("四十万"), std::string::npos);
  r = apply_filters(Json(1), "upper");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("upper"), std::string::npos);
  EXPECT_FALSE(apply_filters(Json(1.5), "cnnum").ok());
  EXPECT_FALSE(apply_filters(Json("31/12/2022"), "date:yyyy年M月d日").ok());
}

// The engines take their own steps out by name, never by searching the text: a default text that
// mentions "placeholder" is still a default.
TEST(Filters, StepsAreTakenByName) {
  auto steps = parse_filters(" wan | fixed:2 | default:无 placeholder | placeholder:【待补充】 ");
  ASSERT_EQ(steps.size(), 4u);
  auto holder = take_filter(steps, "placeholder");
  ASSERT_TRUE(holder.has_value());
  EXPECT_EQ(holder->arg, "【待补充】");
  EXPECT_FALSE(take_filter(steps, "vmerge").has_value());
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[2].arg, "无 placeholder");
  EXPECT_EQ(apply_filters(Json(nullptr), steps).value(), "无 placeholder");
  EXPECT_EQ(apply_filters(Json(35558200), steps).value(), "3555.82");
}

}  // namespace
}  // namespace jixiao

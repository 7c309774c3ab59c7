// Numbers as reports write them: full-width digits, thousands separators, units, numbering and
// references that are not figures, approximations.
#include "model/narrative_text.h"

#include <gtest/gtest.h>

namespace jixiao::narrative {
namespace {

Decimal d(const char* s) { return *Decimal::parse(s); }

TEST(NarrativeText, FoldsFullWidthAndDropsSpacesKeepingWhereEachCharacterWas) {
  std::string original = "收入 ３４２９．９１ 万元，占９６．４６％";
  FoldedText f = fold(original);
  EXPECT_EQ(f.text, "收入3429.91万元，占96.46%");
  size_t at = f.text.find("3429.91");
  EXPECT_EQ(original.substr(f.original_begin(at), f.original_end(at + 7) - f.original_begin(at)), "３４２９．９１");
  EXPECT_EQ(f.text.find("，"), f.text.find("万元") + 6);  // the Chinese comma stays as it is
}

TEST(NarrativeText, ReadsAmountsWithTheirUnits) {
  auto t = scan_numbers(fold("剑阁县医疗保障局2022年收入预算65,601,382.24元，其中：一般公共预算3429.91万元，约1.2亿元").text);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].unit, NumberUnit::Year);
  EXPECT_EQ(t[1].value, d("65601382.24"));
  EXPECT_EQ(t[1].unit, NumberUnit::Yuan);
  EXPECT_EQ(t[1].decimals, 2);
  EXPECT_EQ(t[2].unit, NumberUnit::Wan);
  EXPECT_EQ(t[3].unit, NumberUnit::Yi);
  EXPECT_TRUE(t[3].approximate);
}

TEST(NarrativeText, AThousandsSeparatorOnlyBetweenDigitGroups) {
  auto t = scan_numbers(fold("分别为3，500人和12,5个").text);
  ASSERT_GE(t.size(), 3u);
  EXPECT_EQ(t[0].value, d("3"));    // "，" is a Chinese comma: two numbers
  EXPECT_EQ(t[1].value, d("500"));
  EXPECT_EQ(t[2].value, d("12"));   // "12,5" is not a grouped number
}

TEST(NarrativeText, NumberingReferencesAndDatesAreNotFigures) {
  std::string s = fold("1、单位职工增加2人；（剑委〔2019〕22号）；图4；第3次；10.住房保障支出").text;
  auto t = scan_numbers(s);
  ASSERT_EQ(t.size(), 7u);
  EXPECT_TRUE(t[0].list_marker);   // 1、
  EXPECT_FALSE(t[1].list_marker);  // 2人
  EXPECT_EQ(t[1].unit, NumberUnit::Count);
  EXPECT_TRUE(t[2].reference);     // 〔2019〕
  EXPECT_TRUE(t[3].reference);     // 22号
  EXPECT_TRUE(t[4].reference);     // 图4
  EXPECT_TRUE(t[5].reference);     // 第3
  EXPECT_TRUE(t[6].list_marker);   // 10.
}

TEST(NarrativeText, ApproximateFiguresAreMarked) {
  auto t = scan_numbers(fold("发放宣传资料1000余份次，参保率达95%以上，约20万元").text);
  ASSERT_EQ(t.size(), 3u);
  for (const auto& n : t) EXPECT_TRUE(n.approximate);
}

TEST(NarrativeText, YearsAndDates) {
  auto t = scan_numbers(fold("截至2022年12月31日，2021年度").text);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].unit, NumberUnit::Year);
  EXPECT_EQ(t[1].unit, NumberUnit::Other);  // 12月
  EXPECT_EQ(t[3].unit, NumberUnit::Year);
  EXPECT_EQ(t[3].unit_text, "年度");
}

}  // namespace
}  // namespace jixiao::narrative

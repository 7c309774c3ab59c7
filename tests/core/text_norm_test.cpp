#include "core/text_norm.h"

#include <gtest/gtest.h>

namespace jixiao {
namespace {

TEST(TextNorm, LabelRemovesSpacesAndLineBreaksInsideWords) {
  EXPECT_EQ(normalize_text("项 目 名 称", TextPurpose::Label), "项目名称");
  EXPECT_EQ(normalize_text("一级\n指标", TextPurpose::Label), "一级指标");
  EXPECT_EQ(normalize_text("全年\u3000预算数", TextPurpose::Label), "全年预算数");  // ideographic space
  EXPECT_EQ(normalize_text("得\u200B分", TextPurpose::Label), "得分");              // zero-width space
}

TEST(TextNorm, LabelFoldsFullWidthPunctuationAndDigits) {
  EXPECT_EQ(normalize_text("项目资金（２０分）", TextPurpose::Label), "项目资金(20分)");
  EXPECT_EQ(normalize_text("执行率（Ｂ／Ａ）", TextPurpose::Label), "执行率(B/A)");
  EXPECT_EQ(normalize_text("９９．９％", TextPurpose::Label), "99.9%");
}

TEST(TextNorm, IdentityMakesFullAndHalfWidthBracketsOneDepartment) {
  // check groups records by department: the same department written two ways is one group.
  EXPECT_EQ(normalize_text("剑阁县医疗保障局（本级）", TextPurpose::Identity),
            normalize_text("剑阁县医疗保障局(本级)", TextPurpose::Identity));
  EXPECT_EQ(normalize_text("剑阁县医疗保障局 【本级】", TextPurpose::Identity),
            normalize_text("剑阁县医疗保障局(本级)", TextPurpose::Identity));
  EXPECT_NE(normalize_text("剑阁县医疗保障局", TextPurpose::Identity),
            normalize_text("剑阁县医疗保障局(本级)", TextPurpose::Identity));
}

TEST(TextNorm, IdentityIgnoresLetterCase) {
  EXPECT_EQ(normalize_text("XX县ＰＰＰ中心", TextPurpose::Identity), normalize_text("xx县ppp中心", TextPurpose::Identity));
}

TEST(TextNorm, ValueReadsOperatorsWrittenWithCompatibilityForms) {
  EXPECT_EQ(normalize_text("≧ 95％", TextPurpose::Value), "≥95%");
  EXPECT_EQ(normalize_text("≦３０天", TextPurpose::Value), "≤30天");
  EXPECT_EQ(normalize_text("＜ 5", TextPurpose::Value), "<5");
}

TEST(TextNorm, NfkcKeepsSpacing) { EXPECT_EQ(nfkc("自评 （本级）"), "自评 (本级)"); }

TEST(TextNorm, YearsWrittenInChineseNumeralsBecomeDigits) {
  EXPECT_EQ(ascii_year_digits("二〇二二年度"), "2022年度");
  EXPECT_EQ(ascii_year_digits("二零二三年"), "2023年");
  // Ordinary numerals stay words: "一级指标", "第二十三条".
  EXPECT_EQ(ascii_year_digits("一级指标"), "一级指标");
  EXPECT_EQ(ascii_year_digits("二十三"), "二十三");
}

TEST(TextRegex, ClassesAndQuantifiersWorkOnCharactersNotBytes) {
  // With std::regex on UTF-8 bytes, "年度?" makes only the last byte of 度 optional and [日号]
  // matches single bytes; on characters both mean what they say.
  auto re = TextRegex::compile("([0-9]{4})\\s*年度?");
  ASSERT_TRUE(re);
  auto m = re->search("剑阁县2022年部门决算");
  ASSERT_TRUE(m);
  EXPECT_EQ((*m)[1], "2022");
  EXPECT_EQ((*m)[0], "2022年");
  auto day = TextRegex::compile("([0-9]{1,2})[日号]");
  ASSERT_TRUE(day);
  EXPECT_TRUE(day->match("31号"));
  EXPECT_TRUE(day->match("31日"));
  EXPECT_FALSE(day->match("31\xE5"));  // a lone lead byte of 号 is not 号
}

TEST(TextRegex, ReportsWhyAPatternDoesNotCompile) {
  std::string why;
  EXPECT_FALSE(TextRegex::compile("([0-9]", &why));
  EXPECT_FALSE(why.empty());
}

TEST(TextRegex, ABadPatternIsRefusedEachTimeAndAGoodOneSharedSafely) {
  // Compiled patterns are kept per process: a refused one must not be, and two compiles of one
  // pattern behave alike.
  EXPECT_FALSE(TextRegex::compile("(\\d{4}"));
  std::string why;
  EXPECT_FALSE(TextRegex::compile("(\\d{4}", &why));
  EXPECT_FALSE(why.empty());
  auto a = TextRegex::compile(R"((\d{4})\s*年度?)");
  auto b = TextRegex::compile(R"((\d{4})\s*年度?)");
  ASSERT_TRUE(a && b);
  EXPECT_EQ((*a->search("2023 年度项目"))[1], "2023");
  EXPECT_EQ((*b->search("（2024年）"))[1], "2024");
}

TEST(TextNorm, BytesThatAreNotUtf8AreReplacedNotPassedThrough) {
  // E4 38 80 looks like one CJK character to a check that reads only the lead byte.
  EXPECT_EQ(normalize_text("\xE4" "8" "\x80", TextPurpose::Label), "\uFFFD8\uFFFD");
  EXPECT_EQ(nfkc("\xE4" "8" "\x80"), "\uFFFD8\uFFFD");
}

TEST(TextRegex, ReplaceAllRemovesATrailingBracket) {
  auto re = TextRegex::compile(R"(\([^()]*\)$)");
  ASSERT_TRUE(re);
  EXPECT_EQ(re->replace_all("项目决策(18分)", ""), "项目决策");
}

}  // namespace
}  // namespace jixiao

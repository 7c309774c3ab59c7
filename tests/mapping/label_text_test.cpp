#include "mapping/label_text.h"

#include <gtest/gtest.h>

namespace jixiao {

TEST(LabelText, SpacesLineBreaksAndFullWidthDisappear) {
  EXPECT_EQ(normalize_text("项 目 名 称", TextPurpose::Label), "项目名称");
  EXPECT_EQ(normalize_text("一级\n指标", TextPurpose::Label), "一级指标");
  EXPECT_EQ(normalize_text("项目资金（万元）", TextPurpose::Label), "项目资金(万元)");
  EXPECT_EQ(normalize_text("执行率％", TextPurpose::Label), "执行率%");
  EXPECT_EQ(normalize_text("\u3000全年预算数（Ａ）", TextPurpose::Label), "全年预算数(A)");
}

}  // namespace jixiao

namespace jixiao {

TEST(LabelText, CanonicalDropsBracketsAndColons) {
  EXPECT_EQ(canonical_label("项目资金\n（20分）"), "项目资金");
  EXPECT_EQ(canonical_label("全年预算数（A）"), "全年预算数");
  EXPECT_EQ(canonical_label("年度资金总额："), "年度资金总额");
  EXPECT_EQ(canonical_label("执行率（B/A)"), "执行率");
  EXPECT_EQ(canonical_label("项目\n决策\n(18分)"), "项目决策");
  EXPECT_NE(canonical_label("得分率"), canonical_label("得分"));
}

TEST(LabelText, BracketPartsCarryUnitsAndWeights) {
  EXPECT_EQ(bracket_parts("项目资金\n（元）\n（20分）"), (std::vector<std::string>{"元", "20分"}));
  EXPECT_TRUE(bracket_parts("项目名称").empty());
}

TEST(LabelText, InlineValuesAfterAColon) {
  auto syn = split_synonyms("项目名称|名称");
  EXPECT_EQ(inline_value("项目名称：岚山区城乡居民基本医疗保险财政补助项目（2022年度）", syn),
            "岚山区城乡居民基本医疗保险财政补助项目（2022年度）");
  EXPECT_EQ(inline_value("自评时间:2020年5月", split_synonyms("自评时间")), "2020年5月");
  EXPECT_FALSE(inline_value("评价机构：某事务所", syn));
  EXPECT_FALSE(inline_value("项目名称", syn));
}

}  // namespace jixiao

namespace jixiao {

TEST(LabelText, ALabelWithAColonAndNothingAfterItHasNoInlineValue) {
  EXPECT_FALSE(inline_value("自评得分：", split_synonyms("自评得分")));
}

}  // namespace jixiao

namespace jixiao {

TEST(LabelText, ListOrdinalsAreNotPartOfTheLabel) {
  EXPECT_EQ(canonical_label("一、一般公共预算财政拨款收入"), "一般公共预算财政拨款收入");
  EXPECT_EQ(canonical_label("二十三、其他支出"), "其他支出");
  EXPECT_EQ(canonical_label("（一）部门职责"), "部门职责");
  EXPECT_EQ(canonical_label("1.项目概况"), "项目概况");
  EXPECT_EQ(canonical_label("208"), "208");       // a code stays a code
  EXPECT_EQ(canonical_label("1.5"), "1.5");       // an amount stays an amount
  EXPECT_EQ(canonical_label("一级指标"), "一级指标");  // not an ordinal without 、
}

}  // namespace jixiao

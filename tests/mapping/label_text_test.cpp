#include "mapping/label_text.h"

#include <gtest/gtest.h>

namespace jixiao {

TEST(LabelText, SpacesLineBreaksAndFullWidthDisappear) {
  EXPECT_EQ(normalize_label("项 目 名 称"), "项目名称");
  EXPECT_EQ(normalize_label("一级\n指标"), "一级指标");
  EXPECT_EQ(normalize_label("项目资金（万元）"), "项目资金(万元)");
  EXPECT_EQ(normalize_label("执行率％"), "执行率%");
  EXPECT_EQ(normalize_label("\u3000全年预算数（Ａ）"), "全年预算数(A)");
}

}  // namespace jixiao

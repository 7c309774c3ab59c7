#include "model/check.h"

#include <gtest/gtest.h>

namespace jixiao {
namespace {

// check groups records by department and year: one department written with full-width brackets in
// one file and half-width in another, or with a space, is one group, not two.
TEST(CheckGrouping, OneDepartmentWrittenTwoWaysIsOneGroup) {
  EXPECT_EQ(department_key("剑阁县医疗保障局（本级）"), department_key("剑阁县医疗保障局(本级)"));
  EXPECT_EQ(department_key("剑阁县医疗保障局 （本级）"), department_key("剑阁县医疗保障局（本级）"));
  EXPECT_EQ(department_key("剑阁县\u3000医疗保障局"), department_key("剑阁县医疗保障局"));
  EXPECT_NE(department_key("剑阁县医疗保障局"), department_key("剑阁县医疗保障局（本级）"));
}

TEST(CheckGrouping, YearWrittenInFullWidthOrInChineseNumeralsIsTheSameYear) {
  EXPECT_EQ(year_key("２０２２年度"), "2022");
  EXPECT_EQ(year_key("二〇二二年度"), "2022");
  EXPECT_EQ(year_key("2022年"), "2022");
}

}  // namespace
}  // namespace jixiao

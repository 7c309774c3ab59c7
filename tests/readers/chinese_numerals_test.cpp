// [DBNumN] number formats (readers/chinese_numerals.h): digits as Chinese numerals.
#include <gtest/gtest.h>

#include <string>

#include "readers/show_number.h"

namespace jixiao {
namespace {

using numfmt_test::show;

// [DBNumN] as LibreOffice 7.4 shows it (lo-csv.sh on a workbook openpyxl wrote with these codes),
// which is how Excel writes Chinese numerals: units in groups of four, one 〇/零 for a run of zeros.
TEST(NumberFormatChineseNumerals, LowerCaseWithUnits) {
  const char* code = "[DBNum1][$-804]General";
  EXPECT_EQ(show(code, 0), "〇");
  EXPECT_EQ(show(code, 10), "一十");
  EXPECT_EQ(show(code, 15), "一十五");
  EXPECT_EQ(show(code, 20), "二十");
  EXPECT_EQ(show(code, 101), "一百〇一");
  EXPECT_EQ(show(code, 110), "一百一十");
  EXPECT_EQ(show(code, 1010), "一千〇一十");
  EXPECT_EQ(show(code, 10001), "一万〇一");
  EXPECT_EQ(show(code, 12323), "一万二千三百二十三");
  EXPECT_EQ(show(code, 100000), "一十万");
  EXPECT_EQ(show(code, 100010), "一十万〇一十");
  EXPECT_EQ(show(code, 100000001), "一亿〇一");
  EXPECT_EQ(show(code, 123.45), "一百二十三．四五");
  EXPECT_EQ(show(code, 0.5), "〇．五");
  EXPECT_EQ(show(code, -5), "-五");
  EXPECT_EQ(show("[DBNum1][$-804]0", 123.45), "一百二十三");
  EXPECT_EQ(show("[DBNum1][$-804]#,##0", 12323), "一万二千三百二十三");  // grouping commas dropped
}

TEST(NumberFormatChineseNumerals, FinancialUpperCase) {
  const char* code = "[DBNum2][$-804]General";
  EXPECT_EQ(show(code, 0), "零");
  EXPECT_EQ(show(code, 10), "壹拾");
  EXPECT_EQ(show(code, 101), "壹佰零壹");
  EXPECT_EQ(show(code, 10001), "壹万零壹");
  EXPECT_EQ(show(code, 12323), "壹万贰仟叁佰贰拾叁");
  EXPECT_EQ(show(code, 123.45), "壹佰贰拾叁点肆伍");
  EXPECT_EQ(show(code, 0.5), "零点伍");
  EXPECT_EQ(show("[DBNum2][$-804]0.00", 10), "壹拾点零零");
  EXPECT_EQ(show("[DBNum2][$-804]0.00", 123.45), "壹佰贰拾叁点肆伍");
}

TEST(NumberFormatChineseNumerals, FullWidthDigits) {
  EXPECT_EQ(show("[DBNum3][$-804]General", 12323), "１２３２３");
  EXPECT_EQ(show("[DBNum3][$-804]General", 123.45), "１２３．４５");
  EXPECT_EQ(show("[DBNum3][$-804]General", 0), "０");
}

}  // namespace
}  // namespace jixiao

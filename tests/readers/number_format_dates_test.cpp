// Date and time formats (readers/number_format_dates.h): Excel's 1900 calendar with its 1900-02-29,
// the 1904 system, what Excel shows as ####, fractions of a second, Japanese eras. What LibreOffice
// shows for the common codes is in number_format_test.cpp's recorded cases.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "readers/number_format.h"
#include "readers/show_number.h"

namespace jixiao {
namespace {

using numfmt_test::show;

// Before 1900-03-01 LibreOffice's calendar and Excel's differ; Excel (and jixiao) count 1900-02-29.
TEST(NumberFormatDates, Excel1900System) {
  EXPECT_EQ(show("yyyy-mm-dd", 1), "1900-01-01");
  EXPECT_EQ(show("yyyy-mm-dd", 59), "1900-02-28");
  EXPECT_EQ(show("yyyy-mm-dd", 60), "1900-02-29");
  EXPECT_EQ(show("yyyy-mm-dd", 61), "1900-03-01");
  EXPECT_EQ(show("dddd", 1), "Sunday");
  EXPECT_EQ(show("dddd", 61), "Thursday");
  EXPECT_EQ(show("yyyy-mm-dd h:mm", 45366.75), "2024-03-15 18:00");
}

// Serials of the 1904 system computed here from the calendar, not from jixiao's helpers.
TEST(NumberFormatDates, The1904System) {
  using namespace std::chrono;
  auto serial = [](year_month_day d) {
    return static_cast<double>((sys_days{d} - sys_days{year{1904} / January / 1}).count());
  };
  EXPECT_EQ(show("yyyy-mm-dd", serial(2024y / March / 15), true), "2024-03-15");
  EXPECT_EQ(show("yyyy\"年\"m\"月\"d\"日\" dddd", serial(2000y / February / 29), true), "2000年2月29日 Tuesday");
  EXPECT_EQ(show("yyyy-mm-dd", serial(1904y / January / 1), true), "1904-01-01");
  EXPECT_EQ(show("yyyy-mm-dd hh:mm", serial(1999y / December / 31) + 0.5, true), "1999-12-31 12:00");
  EXPECT_EQ(show("dddd", serial(1904y / January / 1), true), "Friday");
  // the same day in both systems is 1462 serials apart
  EXPECT_EQ(show("yyyy-mm-dd", serial(2024y / March / 15) + 1462, false), "2024-03-15");
}

// Excel: "Dates and times that are negative or too large display as #####" (1900 date system).
TEST(NumberFormatDates, NegativeAndOutOfRangeDatesAreHashes) {
  EXPECT_EQ(show("yyyy-mm-dd", -1), "####");
  EXPECT_EQ(show("m/d/yy h:mm AM/PM;@", -1.2), "####");  // sheetjs number_format.xlsm 2011!C38
  EXPECT_EQ(show("[h]:mm", -0.25), "####");
  EXPECT_EQ(show("yyyy-mm-dd", 2958466), "####");        // 10000-01-01
  EXPECT_EQ(show("yyyy-mm-dd", 2958465), "9999-12-31");
  EXPECT_EQ(show("[h]:mm", -0.25, true), "-6:00");       // the 1904 system has negative times
}

// What the fuzzer found: 28 digits of a second overflowed the conversion to an integer.
TEST(NumberFormatDates, ManyDigitsOfASecondAreZerosPastFifteen) {
  EXPECT_EQ(show("ss.0000000000000000000000000000", 0.5), "00.0000000000000000000000000000");
}

// Japanese eras under [$-411] (calamine date_quoted_format.xlsx A4, LibreOffice: 令和3年1月1日).
TEST(NumberFormatDates, JapaneseEras) {
  const double jan1_2021 = 44197;
  EXPECT_EQ(show("[$-411]ggge\"年\"m\"月\"d\"日\";@", jan1_2021), "令和3年1月1日");
  EXPECT_EQ(show("[$-411]ge.m.d", jan1_2021), "R3.1.1");
  EXPECT_EQ(show("[$-411]ggge\"年\"", 32516), "平成1年");  // 1989-01-08, Heisei's first day
  EXPECT_EQ(show("[$-411]ggge\"年\"", 32515), "昭和64年");
}

}  // namespace
}  // namespace jixiao

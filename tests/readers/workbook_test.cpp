#include "readers/workbook.h"

#include <gtest/gtest.h>

namespace jixiao {

// Serial numbers as Excel documents them: 1900-01-01 is 1, the fictitious 1900-02-29 is 60,
// 1900-03-01 is 61; in the 1904 system 1904-01-01 is 0.
TEST(DateSerial, Excel1900SystemWithItsLeapYearBug) {
  EXPECT_EQ(date_to_serial({1900, 1, 1}, false), 1);
  EXPECT_EQ(date_to_serial({1900, 2, 28}, false), 59);
  EXPECT_EQ(date_to_serial({1900, 3, 1}, false), 61);
  EXPECT_EQ(date_to_serial({2022, 12, 31}, false), 44926);
  auto d = serial_to_date(60, false);
  EXPECT_EQ(d.month, 2);
  EXPECT_EQ(d.day, 29);
  d = serial_to_date(44926.75, false);
  EXPECT_EQ(d.year, 2022);
  EXPECT_EQ(d.month, 12);
  EXPECT_EQ(d.day, 31);
}

TEST(DateSerial, The1904System) {
  EXPECT_EQ(date_to_serial({1904, 1, 1}, true), 0);
  EXPECT_EQ(date_to_serial({2022, 12, 31}, true), 44926 - 1462);
  auto d = serial_to_date(44926 - 1462, true);
  EXPECT_EQ(d.year, 2022);
  EXPECT_EQ(d.day, 31);
}

TEST(StringPool, KeepsStringsWithTheirBytes) {
  StringPool p;
  auto a = p.add("项目名称");
  auto b = p.add("");
  auto c = p.add(std::string(1000, 'x'));
  EXPECT_EQ(p.get(a), "项目名称");
  EXPECT_EQ(p.get(b), "");
  EXPECT_EQ(p.get(c).size(), 1000u);
}

TEST(Sheet, FindsCellsByPosition) {
  Sheet s;
  for (uint32_t r = 0; r < 3; ++r)
    for (uint32_t c = 0; c < 3; c += 2) {
      Cell cell;
      cell.row = r;
      cell.col = c;
      cell.type = CellType::Number;
      cell.number = r * 10 + c;
      s.cells.push_back(cell);
    }
  ASSERT_NE(s.find({1, 2}), nullptr);
  EXPECT_EQ(s.find({1, 2})->number, 12);
  EXPECT_EQ(s.find({1, 1}), nullptr);
  auto ext = s.value_extent();
  ASSERT_TRUE(ext);
  EXPECT_EQ(range_name(*ext), "A1:C3");
}

}  // namespace jixiao

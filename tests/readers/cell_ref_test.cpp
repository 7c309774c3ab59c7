#include "readers/cell_ref.h"

#include <gtest/gtest.h>

namespace jixiao {

TEST(CellRef, ColumnNamesRoundTrip) {
  EXPECT_EQ(column_name(0), "A");
  EXPECT_EQ(column_name(25), "Z");
  EXPECT_EQ(column_name(26), "AA");
  EXPECT_EQ(column_name(16383), "XFD");
  for (uint32_t c : {0u, 25u, 26u, 701u, 702u, 16383u}) EXPECT_EQ(parse_column(column_name(c)), c);
}

TEST(CellRef, ParsesAbsoluteAndLowerCase) {
  EXPECT_EQ(parse_cell("C9"), (CellPos{8, 2}));
  EXPECT_EQ(parse_cell("$C$9"), (CellPos{8, 2}));
  EXPECT_EQ(parse_cell("c9"), (CellPos{8, 2}));
  EXPECT_EQ(cell_name({8, 2}), "C9");
}

TEST(CellRef, RejectsOutOfRangeAndGarbage) {
  EXPECT_FALSE(parse_cell("XFE1"));
  EXPECT_FALSE(parse_cell("A0"));
  EXPECT_FALSE(parse_cell("A1048577"));
  EXPECT_FALSE(parse_cell("1A"));
  EXPECT_FALSE(parse_cell(""));
  EXPECT_FALSE(parse_cell("A"));
}

TEST(CellRef, RangesAreNormalised) {
  auto r = parse_range("C3:A1");
  ASSERT_TRUE(r);
  EXPECT_EQ(range_name(*r), "A1:C3");
  EXPECT_EQ(range_name(*parse_range("B2")), "B2");
  EXPECT_TRUE(r->contains({1, 1}));
  EXPECT_FALSE(r->contains({3, 0}));
}

}  // namespace jixiao

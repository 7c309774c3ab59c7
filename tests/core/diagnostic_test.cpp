#include "core/diagnostic.h"

#include <gtest/gtest.h>

namespace jixiao {

TEST(Diagnostic, TextNamesFilePartOffsetSheetAndCell) {
  Diagnostic d;
  d.file = "自评表.xlsx";
  d.part = "xl/worksheets/sheet1.xml";
  d.offset = 1234;
  d.sheet = "Sheet1";
  d.cell = "C9";
  d.message = "应为数字";
  EXPECT_EQ(d.to_text(), "自评表.xlsx [xl/worksheets/sheet1.xml 偏移 1234] 'Sheet1'!C9: 应为数字");
}

TEST(Expected, CarriesValueOrError) {
  Expected<int> a = 3;
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(*a, 3);
  Diagnostic d;
  d.message = "坏";
  Expected<int> b = d;
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().message, "坏");
}

TEST(LineIndex, NamesTheLineABytesOffsetIsOn) {
  const LineIndex lines("<a/>\n<b/>\n\n<c/>");
  EXPECT_EQ(lines.line_of(0), 1);
  EXPECT_EQ(lines.line_of(4), 1);   // the line break ends line 1
  EXPECT_EQ(lines.line_of(5), 2);
  EXPECT_EQ(lines.line_of(11), 4);  // past an empty line
  EXPECT_EQ(lines.line_of(999), 4);  // past the end: the last line
  EXPECT_EQ(lines.line_of(-1), 0);  // unknown
}

}  // namespace jixiao

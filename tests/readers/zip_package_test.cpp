#include "readers/zip_package.h"

#include <gtest/gtest.h>

namespace jixiao {

TEST(PartNames, TargetsResolveAgainstTheSourcePart) {
  EXPECT_EQ(resolve_part_target("xl/workbook.xml", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(resolve_part_target("xl/workbook.xml", "/xl/styles.xml"), "xl/styles.xml");
  EXPECT_EQ(resolve_part_target("xl/workbook.xml", "worksheets\\sheet2.xml"), "xl/worksheets/sheet2.xml");
  EXPECT_EQ(resolve_part_target("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml"), "xl/drawings/drawing1.xml");
  EXPECT_EQ(resolve_part_target("", "xl/workbook.xml"), "xl/workbook.xml");
  EXPECT_EQ(resolve_part_target("xl/workbook.xml", "./sharedStrings.xml"), "xl/sharedStrings.xml");
}

TEST(PartNames, NormalisedForCaseInsensitiveLookup) {
  EXPECT_EQ(normalize_part_name("/XL\\Worksheets/Sheet1.XML"), "xl/worksheets/sheet1.xml");
}

TEST(ZipPackage, GarbageIsNotAZip) {
  const char bytes[] = "this is plain text, not a zip archive";
  auto pkg = ZipPackage::open_memory(bytes, sizeof bytes - 1, "x.xlsx");
  ASSERT_FALSE(pkg);
  EXPECT_EQ(pkg.error().code, "xlsx.not_zip");
  EXPECT_EQ(pkg.error().file, "x.xlsx");
}

}  // namespace jixiao

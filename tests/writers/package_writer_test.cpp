#include "writers/package_writer.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "readers/xlsx_reader.h"
#include "readers/zip_package.h"
#include "test_paths.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = test::fixture("xlsx/libreoffice-jixiao-finance.xlsx");

TEST(PackageWriter, CarriesUnchangedPartsOverByteForByte) {
  auto w = PackageWriter::from_file(kSource.string());
  ASSERT_TRUE(w.ok()) << w.error().to_text();
  fs::path out = test::scratch_dir() / "copy.xlsx";
  ASSERT_TRUE(w->write(out.string()).ok());
  auto a = ZipPackage::open_file(kSource.string());
  auto b = ZipPackage::open_file(out.string());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->part_names(), b->part_names());
  for (const auto& name : a->part_names()) EXPECT_EQ(a->read(name).value(), b->read(name).value()) << name;
}

TEST(PackageWriter, ReplacesAndAddsPartsAndTheResultReadsAsAWorkbook) {
  auto w = PackageWriter::from_file(kSource.string());
  ASSERT_TRUE(w.ok());
  w->put("docProps/custom-note.xml", "<note>核查</note>");
  w->put("/XL/Styles.xml", ZipPackage::open_file(kSource.string())->read("xl/styles.xml").value());
  EXPECT_TRUE(w->has("xl/styles.xml"));
  EXPECT_NE(w->replaced("xl/styles.xml"), nullptr);
  EXPECT_EQ(w->replaced("xl/workbook.xml"), nullptr);
  fs::path out = test::scratch_dir() / "added.xlsx";
  ASSERT_TRUE(w->write(out.string()).ok());
  auto b = ZipPackage::open_file(out.string());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->read("docProps/custom-note.xml").value(), "<note>核查</note>");
  EXPECT_EQ(b->part_names().back(), "docProps/custom-note.xml");  // new parts follow the source's
  Diagnostics diags;
  EXPECT_TRUE(read_xlsx_file(out.string(), diags).ok());
}

TEST(PackageWriter, WritesToMemoryTheSameBytesAsToAFile) {
  auto w = PackageWriter::from_file(kSource.string());
  ASSERT_TRUE(w.ok());
  w->put("docProps/custom-note.xml", "<note>核查</note>");
  fs::path out = test::scratch_dir() / "memory.xlsx";
  ASSERT_TRUE(w->write(out.string()).ok());
  auto bytes = w->write_memory();
  ASSERT_TRUE(bytes.ok()) << bytes.error().to_text();
  EXPECT_EQ(*bytes, test::read_file(out));
  auto pkg = ZipPackage::open_memory(bytes->data(), bytes->size(), "memory.xlsx");
  ASSERT_TRUE(pkg.ok());
  EXPECT_EQ(pkg->read("docProps/custom-note.xml").value(), "<note>核查</note>");

  PackageWriter fresh;  // no source: every part put here
  fresh.put("a.txt", "一");
  fresh.put("b/c.xml", "<c/>");
  auto small = fresh.write_memory();
  ASSERT_TRUE(small.ok());
  auto p2 = ZipPackage::open_memory(small->data(), small->size(), "fresh.zip");
  ASSERT_TRUE(p2.ok());
  EXPECT_EQ(p2->part_names(), (std::vector<std::string>{"a.txt", "b/c.xml"}));
  EXPECT_EQ(p2->read("a.txt").value(), "一");
}

TEST(PackageWriter, SameInputSameBytes) {
  fs::path dir = test::scratch_dir();
  for (const char* name : {"a.xlsx", "b.xlsx"}) {
    auto w = PackageWriter::from_file(kSource.string());
    w->put("xl/new.xml", "<x/>");
    ASSERT_TRUE(w->write((dir / name).string()).ok());
  }
  std::string a = test::read_file(dir / "a.xlsx");
  EXPECT_EQ(a, test::read_file(dir / "b.xlsx"));
  // every local header carries the fixed time, 1980-01-02 00:00 (DOS date 0x0022, time 0), not the
  // clock's: two runs a minute apart give the same bytes too
  size_t headers = 0;
  for (size_t p = a.find("PK\x03\x04"); p != std::string::npos; p = a.find("PK\x03\x04", p + 4), ++headers) {
    ASSERT_LT(p + 14, a.size());
    EXPECT_EQ(static_cast<unsigned char>(a[p + 10]) | static_cast<unsigned char>(a[p + 11]) << 8, 0);
    EXPECT_EQ(static_cast<unsigned char>(a[p + 12]) | static_cast<unsigned char>(a[p + 13]) << 8, 0x22);
  }
  EXPECT_GT(headers, 3u);
}

TEST(PackageWriter, NeverWritesOverItsSourceAndLeavesNoTemporaryFile) {
  fs::path dir = test::scratch_dir();
  fs::path src = dir / "in.xlsx";
  fs::copy_file(kSource, src);
  std::string before = test::read_file(src);
  auto w = PackageWriter::from_file(src.string());
  w->put("xl/new.xml", "<x/>");
  auto r = w->write(src.string());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("覆盖输入"), std::string::npos);
  EXPECT_EQ(test::read_file(src), before);
  auto bad = w->write((dir / "no-such-dir" / "out.xlsx").string());
  EXPECT_FALSE(bad.ok());
  size_t files = 0;
  for (auto& e : fs::directory_iterator(dir)) files += e.is_regular_file();
  EXPECT_EQ(files, 1u);
}

}  // namespace
}  // namespace jixiao

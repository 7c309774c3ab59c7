#include "writers/package_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>

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

// A part streamed in pieces of `piece` bytes, `total` bytes in all: "<r>" rows of digits.
PackageWriter::PartProducer rows_of(size_t total, size_t piece, std::string* whole) {
  for (size_t i = 0; whole->size() < total; ++i) *whole += "<r>" + std::to_string(i) + "</r>\n";
  auto pos = std::make_shared<size_t>(0);
  return [whole, piece, pos](std::string& out) -> Expected<bool> {
    out.append(*whole, *pos, piece);
    *pos = std::min(whole->size(), *pos + piece);
    return *pos < whole->size();
  };
}

TEST(PackageWriter, AStreamedPartReadsBackAsProducedAndASmallOneIsStoredAsPutStoresIt) {
  fs::path dir = test::scratch_dir();
  std::string small, large;
  auto streamed = PackageWriter::from_file(kSource.string());
  streamed->put_stream("xl/small.xml", rows_of(100000, 4096, &small));
  streamed->put_stream("xl/large.xml", rows_of(6000000, 65536, &large));  // past the size libzip is told
  EXPECT_EQ(streamed->replaced("xl/small.xml"), nullptr);
  ASSERT_TRUE(streamed->write((dir / "streamed.xlsx").string()).ok());
  auto pkg = ZipPackage::open_file((dir / "streamed.xlsx").string());
  ASSERT_TRUE(pkg.ok());
  EXPECT_EQ(pkg->read("xl/small.xml").value(), small);
  EXPECT_EQ(pkg->read("xl/large.xml").value(), large);

  // a part that ends within 4 MB is stored byte for byte as put() stores the same text
  auto a = PackageWriter::from_file(kSource.string());
  auto b = PackageWriter::from_file(kSource.string());
  std::string text;
  a->put_stream("xl/small.xml", rows_of(100000, 4096, &text));
  b->put("xl/small.xml", text);
  EXPECT_EQ(a->write_memory().value(), b->write_memory().value());
}

TEST(PackageWriter, AStreamedPartThatFailsMidwayLeavesNoFileAndItsErrorIsReturned) {
  fs::path dir = test::scratch_dir();
  auto w = PackageWriter::from_file(kSource.string());
  auto calls = std::make_shared<int>(0);
  w->put_stream("xl/rows.xml", [calls](std::string& out) -> Expected<bool> {
    if (++*calls > 100) return Diagnostic::error("template.tag", "第 101 块出错", "模板.xlsx", "xl/rows.xml");
    out.append(size_t{100000}, 'x');  // 10 MB before the error: libzip is already writing
    return true;
  });
  auto r = w->write((dir / "out.xlsx").string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "template.tag");
  EXPECT_EQ(r.error().message, "第 101 块出错");
  EXPECT_GT(*calls, 100);
  EXPECT_TRUE(fs::is_empty(dir));  // neither the output nor a temporary file
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

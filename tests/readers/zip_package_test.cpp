#include "readers/zip_package.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <cstring>
#include <random>
#include <string>

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

// A zip written by libzip in memory: one part, deflated or stored.
std::string zip_of(const std::string& name, const std::string& content, bool deflate) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* mem = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(mem);
  zip_t* z = zip_open_from_source(mem, ZIP_TRUNCATE, &err);
  zip_source_t* part = zip_source_buffer(z, content.data(), content.size(), 0);
  const zip_int64_t i = zip_file_add(z, name.c_str(), part, 0);
  zip_set_file_compression(z, static_cast<zip_uint64_t>(i), deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
  zip_close(z);
  zip_source_open(mem);
  std::string bytes;
  char buf[65536];
  for (zip_int64_t n; (n = zip_source_read(mem, buf, sizeof buf)) > 0;) bytes.append(buf, static_cast<size_t>(n));
  zip_source_close(mem);
  zip_source_free(mem);
  zip_error_fini(&err);
  return bytes;
}

std::string text_of(size_t n) {
  std::mt19937 rng(3);
  std::string s;
  while (s.size() < n) s += "<c r=\"A" + std::to_string(rng() % 100000) + "\"><v>" + std::to_string(rng()) + "</v></c>";
  return s;
}

Expected<std::string> read_part(const std::string& zip, const std::string& name, size_t chunk) {
  auto pkg = ZipPackage::open_memory(zip.data(), zip.size(), "x.xlsx");
  if (!pkg) return pkg.error();
  auto r = pkg->open_part(name);
  if (!r) return r.error();
  std::string out(chunk, '\0'), all;
  for (;;) {
    auto n = r->read(out.data(), chunk);
    if (!n) return n.error();
    if (*n == 0) return all;
    all.append(out, 0, *n);
  }
}

TEST(ZipPackage, DeflatedAndStoredPartsReadBackWhole) {
  const std::string content = text_of(3u << 20);
  for (bool deflate : {true, false}) {
    const std::string zip = zip_of("xl/worksheets/sheet1.xml", content, deflate);
    for (size_t chunk : {1000u, 65536u, 1u << 20}) {
      auto got = read_part(zip, "xl/worksheets/sheet1.xml", chunk);
      ASSERT_TRUE(got) << got.error().message;
      EXPECT_TRUE(*got == content) << (deflate ? "deflated" : "stored") << ", chunks of " << chunk;
    }
  }
}

TEST(ZipPackage, ADeflatedPartWithAWrongCrcOrDamagedDataIsRefused) {
  const std::string name = "xl/worksheets/sheet1.xml", content = text_of(200000);
  const std::string zip = zip_of(name, content, true);
  // The CRC in the local header (offset 14) and in the central directory entry (offset 16).
  std::string bad_crc = zip;
  bad_crc[14] = static_cast<char>(bad_crc[14] ^ 0xFF);
  const size_t central = bad_crc.rfind("PK\x01\x02");
  ASSERT_NE(central, std::string::npos);
  bad_crc[central + 16] = static_cast<char>(bad_crc[central + 16] ^ 0xFF);
  auto crc = read_part(bad_crc, name, 65536);
  ASSERT_FALSE(crc);
  EXPECT_EQ(crc.error().code, "xlsx.damaged_part");
  EXPECT_NE(crc.error().message.find("CRC error"), std::string::npos) << crc.error().message;
  // The first bytes of the deflated data (after the 30-byte header and the name) made invalid.
  std::string bad_data = zip;
  bad_data[30 + name.size()] = static_cast<char>(0xFF);
  bad_data[31 + name.size()] = static_cast<char>(0xFF);
  auto data = read_part(bad_data, name, 65536);
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().code, "xlsx.damaged_part");
  EXPECT_NE(data.error().message.find("Zlib error"), std::string::npos) << data.error().message;
}

}  // namespace jixiao

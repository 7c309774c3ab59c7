// The compound-file layer on containers built here byte by byte after MS-CFB (version 3, 512-byte
// sectors): a well-formed one gives its stream back unchanged, and each kind of damage the .xls
// corpus holds (FAT loops, directory loops, sizes past the file, truncation) is refused with a
// Diagnostic or read as far as it goes -- never a crash or a hang.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "readers/cfb.h"

namespace jixiao {
namespace {

constexpr uint32_t kEnd = 0xFFFFFFFE, kFree = 0xFFFFFFFF, kFatSect = 0xFFFFFFFD;

void put32(std::string& s, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}
void put16(std::string& s, size_t at, uint16_t v) {
  s[at] = static_cast<char>(v & 0xFF);
  s[at + 1] = static_cast<char>(v >> 8);
}
void name(std::string& s, size_t at, const std::string& ascii) {
  for (size_t i = 0; i < ascii.size(); ++i) s[at + 2 * i] = ascii[i];
  put16(s, at + 0x40, static_cast<uint16_t>(2 * ascii.size() + 2));
}

// Header, FAT in sector 0, directory in sector 1, a "Workbook" stream of `size` bytes from sector 2.
struct Builder {
  uint32_t size = 5000;
  std::string payload() const {
    std::string p(size, '\0');
    for (uint32_t i = 0; i < size; ++i) p[i] = static_cast<char>('a' + i % 26);
    return p;
  }
  std::string build() const {
    const uint32_t nsect = (size + 511) / 512;
    std::string f(512 * (3 + nsect), '\0');
    const unsigned char magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    std::memcpy(f.data(), magic, 8);
    put16(f, 0x18, 0x3E);
    put16(f, 0x1A, 3);
    put16(f, 0x1C, 0xFFFE);
    put16(f, 0x1E, 9);
    put16(f, 0x20, 6);
    put32(f, 0x2C, 1);     // one FAT sector
    put32(f, 0x30, 1);     // directory in sector 1
    put32(f, 0x38, 4096);  // mini stream cutoff
    put32(f, 0x3C, kEnd);  // no mini FAT
    put32(f, 0x44, kEnd);  // no DIFAT chain
    for (int i = 0; i < 109; ++i) put32(f, 0x4C + 4 * i, i == 0 ? 0 : kFree);
    const size_t fat = 512, dir = 1024;
    for (int i = 0; i < 128; ++i) put32(f, fat + 4 * i, kFree);
    put32(f, fat, kFatSect);
    put32(f, fat + 4, kEnd);
    for (uint32_t i = 0; i < nsect; ++i) put32(f, fat + 4 * (2 + i), i + 1 < nsect ? 3 + i : kEnd);
    for (int e = 0; e < 4; ++e) {
      put32(f, dir + 128 * e + 0x44, kFree);
      put32(f, dir + 128 * e + 0x48, kFree);
      put32(f, dir + 128 * e + 0x4C, kFree);
    }
    name(f, dir, "Root Entry");
    f[dir + 0x42] = 5;
    put32(f, dir + 0x4C, 1);
    put32(f, dir + 0x74, kEnd);
    name(f, dir + 128, "Workbook");
    f[dir + 128 + 0x42] = 2;
    put32(f, dir + 128 + 0x74, 2);
    put32(f, dir + 128 + 0x78, size);
    const std::string p = payload();
    std::memcpy(f.data() + 1536, p.data(), p.size());
    return f;
  }
};

TEST(CompoundFile, WellFormedStreamComesBackWholeAndNamesMatchCaseInsensitively) {
  Builder b;
  const std::string f = b.build();
  auto cf = CompoundFile::open(f, "t.xls");
  ASSERT_TRUE(cf.ok()) << cf.error().to_text();
  EXPECT_TRUE(cf->has("WORKBOOK"));
  EXPECT_FALSE(cf->has("Book"));
  auto s = cf->read("Workbook");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(*s, b.payload());
}

TEST(CompoundFile, LoopInTheFatChainIsRefused) {
  std::string f = Builder{}.build();
  put32(f, 512 + 4 * 6, 3);  // sector 6 points back to sector 3
  auto cf = CompoundFile::open(f, "t.xls");
  ASSERT_TRUE(cf.ok());
  auto s = cf->read("Workbook");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "cfb.damaged");
  EXPECT_NE(s.error().message.find("循环"), std::string::npos);
}

TEST(CompoundFile, LoopInTheDirectoryChainIsRefused) {
  std::string f = Builder{}.build();
  put32(f, 512 + 4 * 1, 1);  // the directory sector follows itself
  auto cf = CompoundFile::open(f, "t.xls");
  ASSERT_FALSE(cf.ok());
  EXPECT_EQ(cf.error().code, "cfb.damaged");
}

TEST(CompoundFile, StreamLargerThanTheFileIsRefused) {
  std::string f = Builder{}.build();
  put32(f, 1024 + 128 + 0x78, 0x7FFFFFFF);
  auto cf = CompoundFile::open(f, "t.xls");
  ASSERT_TRUE(cf.ok());
  auto s = cf->read("Workbook");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "cfb.damaged");
}

TEST(CompoundFile, FatSectorCountPastTheFileIsRefused) {
  std::string f = Builder{}.build();
  put32(f, 0x2C, 1000000);
  auto cf = CompoundFile::open(f, "t.xls");
  ASSERT_FALSE(cf.ok());
  EXPECT_EQ(cf.error().code, "cfb.damaged");
}

TEST(CompoundFile, TruncatedFileReadsAsFarAsItGoes) {
  Builder b;
  std::string f = b.build();
  f.resize(1536 + 2000);
  auto cf = CompoundFile::open(f, "t.xls");
  ASSERT_TRUE(cf.ok());
  auto s = cf->read("Workbook");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->substr(0, 2000), b.payload().substr(0, 2000));
}

TEST(CompoundFile, EveryTruncationOfTheHeaderIsRefusedOrReadNeverCrashes) {
  const std::string f = Builder{}.build();
  for (size_t n = 0; n < f.size(); n += 97) {
    auto cf = CompoundFile::open(std::string_view(f).substr(0, n), "t.xls");
    if (cf.ok()) (void)cf->read("Workbook");
  }
  SUCCEED();
}

TEST(CompoundFile, NotACompoundFileIsRefused) {
  auto cf = CompoundFile::open(std::string(600, 'x'), "t.xls");
  ASSERT_FALSE(cf.ok());
  EXPECT_EQ(cf.error().code, "cfb.damaged");
}

}  // namespace
}  // namespace jixiao

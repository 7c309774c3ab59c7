// The folded CRC-32 against zlib's crc32 (an independent implementation, table-driven), on every
// length around the block sizes, at every alignment, and appended piece by piece.
#include "readers/zip_crc.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <random>
#include <vector>

namespace jixiao {
namespace {

uint32_t zlib_crc(uint32_t crc, const unsigned char* p, size_t n) {
  return static_cast<uint32_t>(crc32(crc, p, static_cast<unsigned>(n)));
}

TEST(ZipCrc, EqualsZlibsCrc32ForEveryLengthAndAlignment) {
  std::mt19937 rng(42);
  std::vector<unsigned char> bytes(70000);
  for (auto& b : bytes) b = static_cast<unsigned char>(rng());
  for (size_t offset = 0; offset < 16; ++offset)
    for (size_t n = 0; n < 400; ++n)
      ASSERT_EQ(crc32_update(0, bytes.data() + offset, n), zlib_crc(0, bytes.data() + offset, n))
          << "offset " << offset << ", " << n << " bytes";
  for (size_t n : {1000u, 4095u, 4096u, 65536u, 69999u})
    EXPECT_EQ(crc32_update(0, bytes.data(), n), zlib_crc(0, bytes.data(), n)) << n;
}

TEST(ZipCrc, AppendingPiecesGivesTheWholesCrc) {
  std::mt19937 rng(7);
  std::vector<unsigned char> bytes(200000);
  for (auto& b : bytes) b = static_cast<unsigned char>(rng() % 7 == 0 ? '<' : 'a' + rng() % 26);
  const uint32_t whole = zlib_crc(0, bytes.data(), bytes.size());
  uint32_t crc = 0;
  for (size_t at = 0; at < bytes.size();) {
    const size_t n = std::min<size_t>(bytes.size() - at, 1 + rng() % 5000);
    crc = crc32_update(crc, bytes.data() + at, n);
    at += n;
  }
  EXPECT_EQ(crc, whole);
  EXPECT_EQ(crc32_update(0, "123456789", 9), 0xCBF43926u);  // the CRC-32 check value
}

}  // namespace
}  // namespace jixiao

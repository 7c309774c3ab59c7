#include "readers/sniff.h"

#include <gtest/gtest.h>

namespace jixiao {

TEST(Sniff, RecognisesEmptyZipAndUnknown) {
  EXPECT_EQ(sniff_bytes(""), FileKind::Empty);
  EXPECT_EQ(sniff_bytes(std::string_view("PK\x03\x04rest", 8)), FileKind::Zip);
  EXPECT_EQ(sniff_bytes("<html>"), FileKind::Unknown);
}

TEST(Sniff, DamagedCfbNeverReadsOutOfBounds) {
  std::string cfb("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  EXPECT_EQ(sniff_bytes(cfb), FileKind::LegacyCfb);  // too short to hold a directory
  cfb.resize(512, '\xFF');
  EXPECT_EQ(sniff_bytes(cfb), FileKind::LegacyCfb);
}

}  // namespace jixiao

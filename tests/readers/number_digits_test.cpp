// to_dec's digits are the shortest decimal that reads back as the double (then rounded). Amounts
// with few decimals take a shortcut; these tests hold it to libstdc++'s std::to_chars (the
// general search it skips) on many values of every shape.
#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <random>
#include <string>

#include "readers/number_digits.h"

namespace jixiao::numfmt {
namespace {

// The digits and decimal point of to_chars' shortest scientific form, trailing zeros dropped.
std::string reference(double a) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific);
  std::string text(buf, r.ptr);
  const size_t e = text.find('e');
  std::string digits;
  for (size_t i = 0; i < e; ++i)
    if (text[i] != '.') digits += text[i];
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int exponent = std::stoi(text.substr(e + 1));
  return digits + "@" + std::to_string(exponent + 1);
}

std::string ours(double a) {
  Dec x;
  to_dec(a, x, 17);
  return std::string(x.d, static_cast<size_t>(x.n)) + "@" + std::to_string(x.dp);
}

TEST(ToDec, ShortestDigitsAgreeWithToCharsForAmountsWithFewDecimals) {
  std::mt19937_64 rng(20261203);
  int checked = 0;
  for (int k = 0; k <= 8; ++k) {
    for (int i = 0; i < 20000; ++i) {
      // m / 10^k as a user types it: 2371044.44, 0.05, 180604.15, 45121
      const uint64_t m = rng() % 100000000000ULL + 1;
      const double a = static_cast<double>(m) / std::pow(10.0, k);
      ASSERT_EQ(ours(a), reference(a)) << a;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 180000);
}

TEST(ToDec, ShortestDigitsAgreeWithToCharsForComputedAndArbitraryDoubles) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int i = 0; i < 200000; ++i) {
    double a;
    switch (i % 4) {
      case 0: a = unit(rng) * std::pow(10.0, static_cast<int>(rng() % 30) - 10); break;  // 17 digits
      case 1: a = (static_cast<double>(rng() % 10000000) / 100) * 1.1; break;  // a computed share
      case 2: a = static_cast<double>(rng() % 1000000) / 3; break;            // a repeating decimal
      default: {  // any finite positive double
        uint64_t bits = rng() & 0x7FEFFFFFFFFFFFFFULL;
        std::memcpy(&a, &bits, sizeof a);
        if (!(a > 0)) a = 1;
      }
    }
    ASSERT_EQ(ours(a), reference(a)) << a;
  }
}

TEST(ToDec, ShortestDigitsAgreeWithToCharsAtTheShortcutsEdges) {
  const double edges[] = {1e-4, 1.0000000000000002e-4, 9.999999999999999e-5, 1e15, 999999999999999.0,
                          999999999999999.9, 99999999999999.98, 0.1 + 0.2, 1.005, 2.675, 1e14 + 0.5,
                          123456789012345.6, 0.30000000000000004, 4503599627370497.0, 1.0, 45121.0};
  for (double a : edges) EXPECT_EQ(ours(a), reference(a)) << a;
}

TEST(ToDec, RoundsToFifteenSignificantDigitsHalfAwayFromZero) {
  Dec x;
  to_dec(0.1 + 0.2, x, 15);  // 0.30000000000000004 -> 0.3
  EXPECT_EQ(std::string(x.d, static_cast<size_t>(x.n)), "3");
  EXPECT_EQ(x.dp, 0);
  to_dec(2.5, x, 1);  // half away from zero
  EXPECT_EQ(std::string(x.d, static_cast<size_t>(x.n)), "3");
  EXPECT_EQ(x.dp, 1);
}

// The reverse shortcut: a cell's text as most are written, read as from_chars reads it.
TEST(ReadPlainDecimal, GivesWhatFromCharsGivesForEveryPlainValue) {
  std::mt19937_64 rng(11);
  int read = 0;
  for (int i = 0; i < 300000; ++i) {
    std::string text = (i % 5 == 0) ? "-" : "";
    const int whole = 1 + static_cast<int>(rng() % 15);
    for (int k = 0; k < whole; ++k) text += static_cast<char>('0' + rng() % 10);
    const int decimals = static_cast<int>(rng() % 16);
    if (decimals > 0 && whole + decimals <= 15) {
      text += '.';
      for (int k = 0; k < decimals; ++k) text += static_cast<char>('0' + rng() % 10);
    }
    double want = 0, got = 0;
    auto r = std::from_chars(text.data(), text.data() + text.size(), want);
    ASSERT_EQ(r.ptr, text.data() + text.size()) << text;
    ASSERT_TRUE(read_plain_decimal(text, got)) << text;
    ASSERT_EQ(std::memcmp(&got, &want, sizeof got), 0) << text;  // the same bits, -0 included
    ++read;
  }
  EXPECT_EQ(read, 300000);
}

TEST(ReadPlainDecimal, LeavesEverythingElseToFromChars) {
  double v = 0;
  for (const char* text : {"", "-", ".5", "5.", "1e5", "1E-3", " 5", "5 ", "+5", "1,000", "0x10", "inf", "nan",
                           "1234567890123456", "0.1234567890123456", "--1", "1.2.3", "１２"})
    EXPECT_FALSE(read_plain_decimal(text, v)) << text;
  ASSERT_TRUE(read_plain_decimal("-0", v));
  EXPECT_TRUE(std::signbit(v));
  ASSERT_TRUE(read_plain_decimal("2371044.44", v));
  EXPECT_EQ(v, 2371044.44);
}

}  // namespace
}  // namespace jixiao::numfmt

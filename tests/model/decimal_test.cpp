#include "model/decimal.h"

#include <gtest/gtest.h>

namespace jixiao {

Decimal D(const char* s) { return *Decimal::parse(s); }

TEST(Decimal, ParsesWhatPeopleType) {
  EXPECT_EQ(D("1,259,100.00").to_string(2), "1259100.00");
  EXPECT_EQ(D("40").to_string(), "40");
  EXPECT_EQ(D("-3.5").to_string(), "-3.5");
  EXPECT_FALSE(Decimal::parse("四十万"));
  EXPECT_FALSE(Decimal::parse("1.2.3"));
  EXPECT_FALSE(Decimal::parse(""));
}

// Seed 003: 39.96 / 40 x 20 = 19.98 and 27.34 / 27.56 x 20 = 19.84 (rounded half up to 2 places).
TEST(Decimal, FundScoresOfSeed003) {
  auto rate1 = *Decimal::divide(D("39.96"), D("40"));
  EXPECT_EQ(rate1.to_string(), "0.999");
  EXPECT_EQ((rate1 * D("20")).round(2).to_string(2), "19.98");
  auto rate2 = *Decimal::divide(D("27.34"), D("27.56"));
  EXPECT_EQ((rate2 * D("20")).round(2).to_string(2), "19.84");
}

TEST(Decimal, RoundsHalfAwayFromZero) {
  EXPECT_EQ(D("2.675").round(2).to_string(2), "2.68");
  EXPECT_EQ(D("-2.675").round(2).to_string(2), "-2.68");
  EXPECT_EQ(D("0.125").round(2).to_string(2), "0.13");
  EXPECT_EQ(D("0.124999").round(2).to_string(2), "0.12");
}

TEST(Decimal, FromDoubleUsesTheWrittenValue) {
  EXPECT_EQ(Decimal::from_double(19.98).to_string(), "19.98");
  EXPECT_EQ(Decimal::from_double(0.1 + 0.2).round(2).to_string(2), "0.30");
  EXPECT_EQ(D("17.03") + D("16") + D("36.80") + D("18.74"), D("88.57"));
}

TEST(Decimal, DivisionByZeroIsNoValue) { EXPECT_FALSE(Decimal::divide(D("1"), D("0"))); }

}  // namespace jixiao

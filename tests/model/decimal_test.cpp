#include "model/decimal.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>
#include <vector>

#include "test_paths.h"

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
  EXPECT_EQ(Decimal::from_double(19.98)->to_string(), "19.98");
  EXPECT_EQ(Decimal::from_double(0.1 + 0.2)->round(2).to_string(2), "0.30");
  EXPECT_EQ(D("17.03") + D("16") + D("36.80") + D("18.74"), D("88.57"));
}

TEST(Decimal, DivisionByZeroIsNoValue) { EXPECT_FALSE(Decimal::divide(D("1"), D("0"))); }

// A NaN or a number past the range is no value, never 0 (a cell holding 1e300 is not 0 万元).
TEST(Decimal, NanInfinityAndOverflowAreNoValue) {
  EXPECT_FALSE(Decimal::from_double(std::numeric_limits<double>::quiet_NaN()));
  EXPECT_FALSE(Decimal::from_double(std::numeric_limits<double>::infinity()));
  EXPECT_FALSE(Decimal::from_double(9.3e12));
  EXPECT_FALSE(Decimal::from_double(-1e300));
  EXPECT_FALSE(Decimal::parse("99999999999999999999"));
  EXPECT_FALSE(Decimal::divide(D("9000000000000"), D("0.000001")));
}

TEST(Decimal, ThousandsSeparatorsOnlyInTheirPlaces) {
  EXPECT_EQ(D("1,259,100.00"), D("1259100"));
  EXPECT_EQ(D("-12,345.6"), D("-12345.6"));
  EXPECT_FALSE(Decimal::parse("12,5"));        // a decimal comma, not 125
  EXPECT_FALSE(Decimal::parse("1,2345"));
  EXPECT_FALSE(Decimal::parse("1234,567"));    // the first group has at most three digits
  EXPECT_FALSE(Decimal::parse("1,234.5,6"));   // none after the point
  EXPECT_FALSE(Decimal::parse(",123"));
}

TEST(Decimal, SumsOfAbsurdValuesSaturateInsteadOfWrapping) {
  Decimal big = Decimal::from_units(INT64_MAX - 1);
  EXPECT_GT(big + big, big);
  EXPECT_LT(-big - big, -big);
}

// Random cases against Python's decimal module (tests/fixtures/decimal/make_decimal_cases.py).
TEST(Decimal, AgreesWithPythonDecimalOnRandomCases) {
  std::ifstream in(test::fixture("decimal/cases.tsv"));
  ASSERT_TRUE(in) << "tests/fixtures/decimal/cases.tsv";
  auto shown = [](const std::optional<Decimal>& d) { return d ? d->to_string() : std::string("none"); };
  auto num = [](const std::string& s) { return *Decimal::parse(s); };
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string part; std::getline(ss, part, '\t');) f.push_back(part);
    if (line.back() == '\t') f.push_back("");
    const std::string& op = f[0];
    const std::string& expected = f.back();
    std::string got;
    if (op == "parse") got = shown(Decimal::parse(f[1]));
    else if (op == "round") got = num(f[1]).round(std::stoi(f[2])).to_string();
    else if (op == "ratio") got = shown(ratio_rounded(num(f[1]), num(f[2]), std::stoi(f[3])));
    else if (op == "muldiv") got = shown(mul_div_rounded(num(f[1]), num(f[2]), num(f[3]), std::stoi(f[4])));
    else if (op == "mul") {
      got = (num(f[1]) * num(f[2])).to_string();
      // A product past the range saturates (model/decimal.h) where Python's has no int64 bound.
      if (expected == "none") {
        EXPECT_TRUE(got == "9223372036854.775807" || got == "-9223372036854.775807") << line;
        continue;
      }
    }
    else if (op == "double") got = shown(Decimal::from_double(std::strtod(f[1].c_str(), nullptr)));
    else FAIL() << "unknown op " << op;
    EXPECT_EQ(got, expected) << line;
    ++cases;
  }
  EXPECT_GT(cases, 3000);
}

}  // namespace jixiao

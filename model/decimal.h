// Exact decimal numbers for money, scores and rates: a fixed-point value with 6 decimals in an int64
// (±9.2 trillion), rounding half away from zero ("四舍五入"). Never double in comparisons or output.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jixiao {

class Decimal {
 public:
  static constexpr int kScale = 6;
  static constexpr int64_t kOne = 1'000'000;

  constexpr Decimal() = default;
  static constexpr Decimal from_units(int64_t units) {
    Decimal d;
    d.units_ = units;
    return d;
  }
  static constexpr Decimal from_int(int64_t v) { return from_units(v * kOne); }
  // "1,259,100.00", "-3.5", "40" -> exact; more than 6 decimals round half away from zero. nullopt
  // if not a number or out of range. A thousands separator is accepted only between groups of three
  // digits before the point ("1,259,100.00"); "12,5" and "1,2345" are not numbers.
  static std::optional<Decimal> parse(std::string_view text);
  // A double as written in a file (the shortest text that reads back to it, e.g. 19.98), then exact;
  // nullopt for NaN, infinities and magnitudes past the range (about ±9.2e12).
  static std::optional<Decimal> from_double(double v);
  // num / den rounded half away from zero to `decimals` places (0…6), from the exact quotient — the
  // one rounding every computation uses. nullopt when den is 0 or the result is out of range.
  static std::optional<Decimal> from_ratio(__int128 num, __int128 den, int decimals);

  int64_t units() const { return units_; }
  double to_double() const { return static_cast<double>(units_) / kOne; }

  Decimal round(int decimals) const;   // half away from zero
  std::string to_string(int decimals) const;  // fixed decimals, e.g. "19.98"
  std::string to_string() const;              // shortest exact form, e.g. "19.98", "100", "0.999"

  // +, - and × saturate at the ends of the range instead of wrapping: no value read from a file is
  // past ±9.2e12 (parse and from_double refuse them), so only sums of absurd values get there, and a
  // saturated result then disagrees with what was submitted instead of being undefined behaviour.
  Decimal operator-() const { return from_units(-units_); }
  friend Decimal operator+(Decimal a, Decimal b) { return from_units(saturate(static_cast<__int128>(a.units_) + b.units_)); }
  friend Decimal operator-(Decimal a, Decimal b) { return from_units(saturate(static_cast<__int128>(a.units_) - b.units_)); }
  friend Decimal operator*(Decimal a, Decimal b);  // rounded half away from zero to 6 decimals
  // Rounded half away from zero to 6 decimals; nullopt on division by zero or a quotient out of range.
  static std::optional<Decimal> divide(Decimal a, Decimal b);
  Decimal& operator+=(Decimal o) { return *this = *this + o; }
  Decimal& operator-=(Decimal o) { return *this = *this - o; }
  friend auto operator<=>(Decimal, Decimal) = default;
  Decimal abs() const { return from_units(units_ < 0 ? -units_ : units_); }

 private:
  static constexpr int64_t saturate(__int128 u) {
    return u > INT64_MAX ? INT64_MAX : u < -static_cast<__int128>(INT64_MAX) ? -INT64_MAX : static_cast<int64_t>(u);
  }
  int64_t units_ = 0;
};

// round(a / b) and round(a × b / c) half away from zero to `decimals`, without an intermediate
// rounding; nullopt on division by zero or overflow.
std::optional<Decimal> ratio_rounded(Decimal a, Decimal b, int decimals);
std::optional<Decimal> mul_div_rounded(Decimal a, Decimal b, Decimal c, int decimals);

}  // namespace jixiao

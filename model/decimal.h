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
  // "1,259,100.00", "-3.5", "40" -> exact; more than 6 decimals round half up. nullopt if not a number.
  static std::optional<Decimal> parse(std::string_view text);
  // A double as written in a file (the shortest text that reads back to it, e.g. 19.98), then exact.
  static Decimal from_double(double v);

  int64_t units() const { return units_; }
  double to_double() const { return static_cast<double>(units_) / kOne; }

  Decimal round(int decimals) const;   // half away from zero
  std::string to_string(int decimals) const;  // fixed decimals, e.g. "19.98"
  std::string to_string() const;              // shortest exact form, e.g. "19.98", "100", "0.999"

  Decimal operator-() const { return from_units(-units_); }
  friend Decimal operator+(Decimal a, Decimal b) { return from_units(a.units_ + b.units_); }
  friend Decimal operator-(Decimal a, Decimal b) { return from_units(a.units_ - b.units_); }
  friend Decimal operator*(Decimal a, Decimal b);  // rounded half up to 6 decimals
  // Rounded half up to 6 decimals; nullopt on division by zero.
  static std::optional<Decimal> divide(Decimal a, Decimal b);
  Decimal& operator+=(Decimal o) { units_ += o.units_; return *this; }
  Decimal& operator-=(Decimal o) { units_ -= o.units_; return *this; }
  friend auto operator<=>(Decimal, Decimal) = default;
  Decimal abs() const { return from_units(units_ < 0 ? -units_ : units_); }

 private:
  int64_t units_ = 0;
};

}  // namespace jixiao

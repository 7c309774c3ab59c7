#include "model/report_math.h"

#include <algorithm>
#include <array>

namespace jixiao {

namespace {

Decimal zero() { return Decimal::from_int(0); }
constexpr Decimal kUlp = Decimal::from_units(1);  // Decimal's last place: divide() rounds to it

}  // namespace

std::optional<Decimal> share_of(std::optional<Decimal> part, std::optional<Decimal> whole) {
  if (!whole || *whole == zero()) return std::nullopt;
  return Decimal::divide(part.value_or(zero()), *whole);
}

std::optional<YearChange> year_change(std::optional<Decimal> amount, std::optional<Decimal> prior) {
  if (!amount || !prior) return std::nullopt;
  YearChange c{*amount, *prior, *amount - *prior, std::nullopt};
  if (*prior != zero()) c.rate = Decimal::divide(c.change, *prior);
  return c;
}

std::optional<Decimal> completion_of(std::optional<Decimal> actual, std::optional<Decimal> budget) {
  if (!actual || !budget || *budget == zero()) return std::nullopt;
  return Decimal::divide(*actual, *budget);
}

Trend trend_of(Decimal change) {
  return change > zero() ? Trend::Up : change < zero() ? Trend::Down : Trend::Flat;
}

std::optional<Trend> trend_of_word(std::string_view w) {
  // 增收/减收, 增支/减支: of revenue and spending; 增幅/降幅: of a rate
  for (const char* up : {"增加", "增长", "上升", "提高", "增加了", "增长了", "上升了", "提高了", "增收", "增支", "增幅"})
    if (w == up) return Trend::Up;
  for (const char* down : {"减少", "下降", "降低", "减少了", "下降了", "降低了", "减收", "减支", "降幅"})
    if (w == down) return Trend::Down;
  for (const char* flat : {"持平", "不变", "无变化"})
    if (w == flat) return Trend::Flat;
  return std::nullopt;
}

const char* trend_word(Trend t, bool rate) {
  switch (t) {
    case Trend::Up: return rate ? "增长" : "增加";
    case Trend::Down: return rate ? "下降" : "减少";
    case Trend::Flat: return "持平";
  }
  return "持平";
}

Interval Interval::stated(Decimal v, int decimals) {
  if (decimals >= Decimal::kScale) return {v - kUlp, v + kUlp};
  int64_t half = 5;
  for (int i = decimals + 1; i < Decimal::kScale; ++i) half *= 10;
  Decimal h = Decimal::from_units(half);
  return {v - h, v + h};
}

Decimal Interval::mid() const {
  Decimal sum = lo + hi;
  return Decimal::divide(sum, Decimal::from_int(2)).value_or(lo);
}

Interval operator+(const Interval& a, const Interval& b) { return {a.lo + b.lo, a.hi + b.hi}; }
Interval operator-(const Interval& a, const Interval& b) { return {a.lo - b.hi, a.hi - b.lo}; }

std::optional<Interval> divide(const Interval& a, const Interval& b) {
  if (b.lo <= zero() && b.hi >= zero()) return std::nullopt;
  std::array<Decimal, 4> q;
  size_t n = 0;
  for (Decimal x : {a.lo, a.hi})
    for (Decimal y : {b.lo, b.hi}) {
      auto r = Decimal::divide(x, y);
      if (!r) return std::nullopt;  // past Decimal's range: nothing to check against
      q[n++] = *r;
    }
  auto [lo, hi] = std::minmax_element(q.begin(), q.end());
  return Interval{*lo - kUlp, *hi + kUlp};
}

bool allows(const Interval& change, Trend t) {
  switch (t) {
    case Trend::Up: return change.hi > zero();
    case Trend::Down: return change.lo < zero();
    case Trend::Flat: return change.contains(zero());
  }
  return false;
}

Interval stated_percent(Decimal percent, int decimals) {
  Decimal fraction = Decimal::divide(percent, Decimal::from_int(100)).value_or(percent);
  return Interval::stated(fraction, decimals + 2);
}

std::string percent_text(Decimal fraction, int decimals) {
  return (fraction * Decimal::from_int(100)).to_string(decimals) + "%";
}

}  // namespace jixiao

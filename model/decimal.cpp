#include "model/decimal.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>

namespace jixiao {

namespace {

using i128 = __int128;

i128 pow10(int n) {
  i128 p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// num / den rounded half away from zero: the one rounding of this file.
i128 div_round(i128 num, i128 den) {
  bool neg = (num < 0) != (den < 0);
  if (num < 0) num = -num;
  if (den < 0) den = -den;
  i128 q = num / den, r = num % den;
  if (r >= den - r) ++q;  // r * 2 >= den without overflowing
  return neg ? -q : q;
}

bool in_range(i128 units) { return units <= INT64_MAX && units >= -static_cast<i128>(INT64_MAX); }

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view t) {
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  bool neg = false;
  if (!t.empty() && (t.front() == '-' || t.front() == '+')) {
    neg = t.front() == '-';
    t.remove_prefix(1);
  }
  if (t.empty()) return std::nullopt;
  i128 v = 0;
  int frac = -1;       // digits after the point, -1 before it
  int digits = 0;
  int group = -1;      // digits since the last thousands separator, -1 before the first one
  bool round_up = false;
  for (char c : t) {
    if (c == ',') {
      // Only between groups of three digits, before the point: the first group 1-3 digits.
      if (frac >= 0 || digits == 0 || (group < 0 ? digits > 3 : group != 3)) return std::nullopt;
      group = 0;
      continue;
    }
    if (c == '.') {
      if (frac >= 0 || (group >= 0 && group != 3)) return std::nullopt;
      frac = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    ++digits;
    if (frac < 0 && group >= 0) ++group;
    if (frac >= kScale) {
      if (frac == kScale) round_up = c >= '5';
      ++frac;
      continue;
    }
    v = v * 10 + (c - '0');
    if (v > static_cast<i128>(INT64_MAX)) return std::nullopt;
    if (frac >= 0) ++frac;
  }
  if (digits == 0 || (frac < 0 && group >= 0 && group != 3)) return std::nullopt;
  int have = frac < 0 ? 0 : std::min(frac, kScale);
  v *= pow10(kScale - have);
  if (round_up) v += 1;
  if (!in_range(v)) return std::nullopt;
  return from_units(static_cast<int64_t>(neg ? -v : v));
}

std::optional<Decimal> Decimal::from_double(double v) {
  if (!std::isfinite(v) || std::fabs(v) >= 9.2e12) return std::nullopt;
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  if (r.ec != std::errc{}) return std::nullopt;
  return parse(std::string_view(buf, static_cast<size_t>(r.ptr - buf)));
}

std::optional<Decimal> Decimal::from_ratio(i128 num, i128 den, int decimals) {
  if (den == 0) return std::nullopt;
  decimals = std::clamp(decimals, 0, kScale);
  // The integral part first, then the fraction from the remainder, so that num × 10^decimals never
  // has to fit in 128 bits (num may be the product of two int64 values).
  const bool neg = (num < 0) != (den < 0);
  if (num < 0) num = -num;
  if (den < 0) den = -den;
  const i128 whole = num / den, rem = num % den;
  if (whole > static_cast<i128>(INT64_MAX) / kOne + 1) return std::nullopt;  // far out of range
  const i128 scale = pow10(decimals);
  if (den > (static_cast<i128>(1) << 100)) return std::nullopt;  // rem × 10^6 must fit: never so here
  i128 q = whole * scale + div_round(rem * scale, den);
  q *= pow10(kScale - decimals);
  if (neg) q = -q;
  if (!in_range(q)) return std::nullopt;
  return from_units(static_cast<int64_t>(q));
}

Decimal Decimal::round(int decimals) const {
  if (decimals >= kScale) return *this;
  return *from_ratio(units_, kOne, std::max(decimals, 0));
}

std::string Decimal::to_string(int decimals) const {
  Decimal r = round(decimals);
  int64_t u = r.units_ < 0 ? -r.units_ : r.units_;
  std::string s = std::to_string(u / kOne);
  if (decimals > 0) {
    std::string frac = std::to_string(u % kOne);
    frac.insert(0, static_cast<size_t>(kScale) - frac.size(), '0');
    s += '.';
    s += frac.substr(0, static_cast<size_t>(std::min(decimals, kScale)));
    for (int i = kScale; i < decimals; ++i) s += '0';
  }
  if (r.units_ < 0) s.insert(0, 1, '-');
  return s;
}

std::string Decimal::to_string() const {
  std::string s = to_string(kScale);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

Decimal operator*(Decimal a, Decimal b) {
  i128 p = static_cast<i128>(a.units_) * b.units_;  // < 2^127: both factors are below 2^63
  return Decimal::from_units(Decimal::saturate(div_round(p, Decimal::kOne)));
}

std::optional<Decimal> Decimal::divide(Decimal a, Decimal b) { return from_ratio(a.units_, b.units_, kScale); }

std::optional<Decimal> ratio_rounded(Decimal a, Decimal b, int decimals) {
  return Decimal::from_ratio(a.units(), b.units(), decimals);
}

std::optional<Decimal> mul_div_rounded(Decimal a, Decimal b, Decimal c, int decimals) {
  return Decimal::from_ratio(static_cast<i128>(a.units()) * b.units(), static_cast<i128>(c.units()) * Decimal::kOne,
                             decimals);
}

}  // namespace jixiao

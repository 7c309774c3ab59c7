#include "model/decimal.h"

#include <charconv>
#include <cstdlib>

namespace jixiao {

static int64_t pow10(int n) {
  int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// Divides rounding half away from zero.
static __int128 div_round(__int128 num, __int128 den) {
  bool neg = (num < 0) != (den < 0);
  if (num < 0) num = -num;
  if (den < 0) den = -den;
  __int128 q = num / den, r = num % den;
  if (r * 2 >= den) ++q;
  return neg ? -q : q;
}

std::optional<Decimal> Decimal::parse(std::string_view t) {
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  bool neg = false;
  if (!t.empty() && (t.front() == '-' || t.front() == '+')) {
    neg = t.front() == '-';
    t.remove_prefix(1);
  }
  if (t.empty()) return std::nullopt;
  __int128 v = 0;
  int frac = -1;  // digits after the point, -1 before it
  int digits = 0;
  bool round_up = false;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == ',') {
      if (frac >= 0 || digits == 0) return std::nullopt;
      continue;
    }
    if (c == '.') {
      if (frac >= 0) return std::nullopt;
      frac = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    ++digits;
    if (frac >= kScale) {
      if (frac == kScale) round_up = c >= '5';
      ++frac;
      continue;
    }
    v = v * 10 + (c - '0');
    if (v > (__int128)INT64_MAX) return std::nullopt;
    if (frac >= 0) ++frac;
  }
  if (digits == 0) return std::nullopt;
  int have = frac < 0 ? 0 : std::min(frac, kScale);
  v *= pow10(kScale - have);
  if (round_up) v += 1;
  if (v > (__int128)INT64_MAX) return std::nullopt;
  return from_units(static_cast<int64_t>(neg ? -v : v));
}

Decimal Decimal::from_double(double v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  if (r.ec != std::errc{}) return Decimal{};
  auto d = parse(std::string_view(buf, static_cast<size_t>(r.ptr - buf)));
  return d ? *d : Decimal{};
}

Decimal Decimal::round(int decimals) const {
  if (decimals >= kScale) return *this;
  int64_t step = pow10(kScale - decimals);
  return from_units(static_cast<int64_t>(div_round(units_, step) * step));
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
  return Decimal::from_units(static_cast<int64_t>(div_round((__int128)a.units_ * b.units_, Decimal::kOne)));
}

std::optional<Decimal> Decimal::divide(Decimal a, Decimal b) {
  if (b.units_ == 0) return std::nullopt;
  return from_units(static_cast<int64_t>(div_round((__int128)a.units_ * kOne, b.units_)));
}

}  // namespace jixiao

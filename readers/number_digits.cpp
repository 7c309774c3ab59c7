// Decimal digits and LibreOffice's rounding of numbers and times (see number_digits.h).
#include "readers/number_digits.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace jixiao::numfmt {

namespace {
// 10^0 .. 10^22: every one a double exactly.
constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
}  // namespace

// ---- decimal digits ------------------------------------------------------------------------


namespace {

void strip(Dec& x) {
  while (x.n > 0 && x.d[x.n - 1] == '0') --x.n;
}

}  // namespace

// Keeps `keep` significant digits, rounding half away from zero.
void round_at(Dec& x, int keep) {
  if (keep >= x.n) return;
  if (keep < 0) {
    x.n = 0;
    return;
  }
  bool up = x.d[keep] >= '5';
  x.n = keep;
  if (up) {
    int i = keep - 1;
    while (i >= 0 && x.d[i] == '9') --i;
    if (i < 0) {
      x.d[0] = '1';
      x.n = 1;
      x.dp += 1;
      return;
    }
    x.d[i] = static_cast<char>(x.d[i] + 1);
    x.n = i + 1;
  }
  strip(x);
}

// Rounds to `decimals` places after the point.
void round_decimals(Dec& x, int decimals) {
  if (x.n) round_at(x, x.dp + decimals);
}

namespace {

// Reads "d.ddde+XX" (to_chars scientific) into x.
void parse_sci(const char* p, const char* end, Dec& x) {
  x.n = 0;
  for (; p < end && *p != 'e'; ++p)
    if (*p != '.' && x.n < 20) x.d[x.n++] = *p;
  int ex = 0;
  bool neg = p + 1 < end && p[1] == '-';
  for (p += 2; p < end; ++p) ex = ex * 10 + (*p - '0');
  x.dp = (neg ? -ex : ex) + 1;
}

}  // namespace

// The digits LibreOffice starts from, for a > 0 and finite: the shortest decimal that reads back as
// the same double ("900.305", not 900.30499999999994997...; "0.30000000000000004"), then, when
// max_sig is below 17, rounded half away from zero to that many significant digits.
//
// Most amounts have few decimals: a decimal of at most 15 significant digits reads back as a when
// m / 10^k does, m = a * 10^k rounded, k chosen so that m has exactly 15 digits (the shorter decimal
// with zeros after it). One multiplication and one division decide it, where the general search
// (to_chars) costs a fifth of formatting a sheet. Exact: m < 10^15, so the product is within a
// quarter of the true m and rounding finds it; m and 10^k are doubles exactly and the quotient is
// correctly rounded, so equality is reading back; and two 15-digit decimals at one k lie further
// apart than a double's rounding interval, so no other decimal of 15 digits or fewer reads back as
// a: the digits of m without its trailing zeros are to_chars' shortest. Longer decimals (computed
// shares, thirds) take the general search.
namespace {

void digits_of(uint64_t m, int k, Dec& x) {  // x = m / 10^k
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, m);
  x.n = static_cast<int>(r.ptr - buf);
  std::memcpy(x.d, buf, static_cast<size_t>(x.n));
  x.dp = x.n - k;
  strip(x);
}

bool short_decimal(double a, Dec& x) {
  // 10^-4 .. 10^15 as doubles: the decade thresholds
  static constexpr double kDecades[] = {1e-4, 1e-3, 1e-2, 1e-1, 1e0,  1e1,  1e2,  1e3,  1e4,  1e5,
                                        1e6,  1e7,  1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  if (!(a >= 1e-4 && a < 1e15)) return false;
  if (a == std::floor(a)) {  // a whole number: its own digits (a date, a count)
    digits_of(static_cast<uint64_t>(a), 0, x);
    return true;
  }
  // a's decade, 10^e <= a < 10^(e+1): estimated from the binary exponent, then corrected.
  uint64_t bits;
  std::memcpy(&bits, &a, sizeof bits);
  const int e2 = static_cast<int>((bits >> 52) & 0x7FF) - 1023;  // 2^e2 <= a < 2^(e2+1)
  int e = (e2 * 78913) >> 18;                                   // floor(e2 * log10(2))
  if (e < -4) e = -4;
  while (e < 14 && a >= kDecades[e + 5]) ++e;
  while (e > -4 && a < kDecades[e + 4]) --e;
  const int k = 14 - e;  // 0..18
  const double m = std::round(a * kPow10[k]);
  if (!(m >= 1e14 && m < 1e15) || m / kPow10[k] != a) return false;
  digits_of(static_cast<uint64_t>(m), k, x);
  return true;
}

}  // namespace

void to_dec(double a, Dec& x, int max_sig) {
  if (!short_decimal(a, x)) {
    char buf[48];
    auto r = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific);
    parse_sci(buf, r.ptr, x);
  }
  round_at(x, max_sig);
  strip(x);
}


// Whether the 15-digit rounding of a value near DBL_MAX went beyond the range of a double.
bool overflows(const Dec& x) {
  if (x.dp != 309) return x.dp > 309;
  static const char kMax[] = "179769313486232";
  for (int i = 0; i < 15; ++i) {
    char c = i < x.n ? x.d[i] : '0';
    if (c != kMax[i]) return c > kMax[i];
  }
  return true;
}


// A value as most are written, "45121", "-2371044.44": at most 15 digits, no exponent. Its double is
// m / 10^k for the whole number m of its digits and k decimals: both exact doubles (m < 2^53,
// 10^k for k <= 22), so one correctly rounded division gives what from_chars gives, for a
// tenth of the work. False for anything else, which from_chars reads.
bool read_plain_decimal(std::string_view s, double& out) {
  size_t i = s.size() > 0 && s[0] == '-' ? 1 : 0;
  const size_t first = i;
  uint64_t m = 0;
  int decimals = -1;  // digits after '.', -1 before it
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      m = m * 10 + static_cast<uint64_t>(c - '0');
      if (decimals >= 0) ++decimals;
    } else if (c == '.' && decimals < 0 && i > first) {
      decimals = 0;
    } else {
      return false;
    }
  }
  const size_t digits = s.size() - first - (decimals >= 0 ? 1 : 0);
  if (digits == 0 || digits > 15 || decimals == 0) return false;
  const double v = decimals > 0 ? static_cast<double>(m) / kPow10[decimals] : static_cast<double>(m);
  out = first ? -v : v;
  return true;
}

void append_uint(uint64_t v, std::string& out, int min_digits) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  for (int len = static_cast<int>(r.ptr - buf); len < min_digits; ++len) out += '0';
  out.append(buf, r.ptr);
}

// "123.45" from digits (no sign).
void append_fixed(const Dec& x, std::string& out) {
  if (x.n == 0) {
    out += '0';
    return;
  }
  if (x.dp <= 0) {
    out += '0';
  } else {
    for (int i = 0; i < x.dp; ++i) out += digit_at(x, i);
  }
  if (x.n > x.dp) {
    out += '.';
    for (int i = x.dp; i < x.n; ++i) out += digit_at(x, i);
  }
}

// "1.5E+016" style: mantissa digits, then E, the exponent's sign and at least min_exp digits.
void append_sci(const Dec& x, std::string& out, int min_exp, int fixed_decimals) {
  out += x.d[0];
  int decimals = fixed_decimals >= 0 ? fixed_decimals : x.n - 1;
  if (decimals > 0) {
    out += '.';
    for (int i = 1; i <= decimals; ++i) out += digit_at(x, i);
  }
  int e = x.dp - 1;
  out += 'E';
  out += e < 0 ? '-' : '+';
  append_uint(static_cast<uint64_t>(e < 0 ? -e : e), out, min_exp);
}

// General inside a format code ("[Red]General", "@" for a number, a missing section): LibreOffice's
// ImpGetOutputStandard. Above 1e15 scientific with 14 decimals, else at most 15 significant digits
// and 20 decimals.
void general_in_format(double v, std::string& out) {
  if (v == 0 || std::isnan(v)) {
    out += std::isnan(v) ? "NaN" : "0";
    return;
  }
  double a = std::fabs(v);
  if (std::isinf(a)) {
    out += v < 0 ? "-INF" : "INF";
    return;
  }
  Dec x;
  if (a > 1e15) {
    to_dec(a, x, 15);
    if (v < 0) out += '-';
    append_sci(x, out, 2, 14);
    return;
  }
  to_dec(a, x, 15);
  round_decimals(x, 20);
  if (x.n == 0) {
    out += '0';
    return;
  }
  if (v < 0) out += '-';
  append_fixed(x, out);
}

// ---- LibreOffice's rounding helpers (rtl::math) for times ---------------------------------

double pow10i(int n) { return n >= 0 && n <= 22 ? kPow10[n] : std::pow(10.0, n); }

// rtl::math::round(v, dec) in its "corrected" mode: half away from zero, with a tiny nudge.
double lo_round(double v, int dec) {
  if (!std::isfinite(v) || v == 0) return v;
  if (dec == 0) return std::round(v);
  const double orig = v;
  bool neg = v < 0;
  if (neg) v = -v;
  if (v >= 0x1p52 || v == std::floor(v)) return orig;
  int bexp = 0;
  std::frexp(v, &bexp);  // v = m * 2^bexp, m in [0.5, 1): IEEE exponent is bexp - 1
  int representable = 52 - (bexp - 1);
  if (representable < dec) dec = representable;
  double fac = pow10i(dec);
  v *= fac;
  static const double corr[] = {0,    9e-1,  9e-2,  9e-3,  9e-4,  9e-5,  9e-6,  9e-7,
                                9e-8, 9e-9,  9e-10, 9e-11, 9e-12, 9e-13, 9e-14, 9e-15};
  int e10 = v > 0 ? static_cast<int>(std::floor(std::log10(v))) : 0;
  int idx = e10 < 0 ? 15 : (e10 >= 14 ? 0 : 15 - e10);
  v = std::floor(v + 0.5 + corr[idx]);
  v /= fac;
  return neg ? -v : v;
}

namespace {

// rtl::math::approxValue: the value at 15 significant digits.
double approx_value(double v) {
  if (v == 0 || !std::isfinite(v)) return v;
  double a = std::fabs(v);
  int e = 14 - static_cast<int>(std::floor(std::log10(a)));
  double f = pow10i(std::abs(e));
  double r = e < 0 ? std::round(a / f) * f : std::round(a * f) / f;
  if (!std::isfinite(r)) return v;
  return v < 0 ? -r : r;
}

}  // namespace


// tools::Time::GetClock: the time of day, never rounded up into the next minute or day.
Clock get_clock(double days, int frac_digits) {
  Clock c;
  double t = days - std::floor(approx_value(days));
  if (t <= 0) return c;
  double raw = t * 86400.0;
  int dec = 9;
  double ad = std::fabs(days);
  if (ad >= 1.0) {
    int digits = static_cast<int>(std::ceil(std::log10(ad)));
    dec = std::clamp(10 - digits, 2, 9);
  }
  double s = lo_round(raw, dec);
  if (s >= 86400.0) s = raw;
  c.hour = static_cast<unsigned>(s / 3600.0);
  s -= c.hour * 3600.0;
  c.minute = static_cast<unsigned>(s / 60.0);
  s -= c.minute * 60.0;
  c.second = static_cast<unsigned>(s);
  s -= c.second;
  if (frac_digits > 0) {
    double f = lo_round(s, frac_digits);
    if (f >= 1.0) f = std::trunc(s * pow10i(frac_digits)) / pow10i(frac_digits);
    c.fraction = f;
  } else {
    c.fraction = s;
  }
  return c;
}

}  // namespace jixiao::numfmt

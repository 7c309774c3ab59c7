// Decimal digits of a double the way LibreOffice prints them (rtl::math), and its rounding of times
// (tools::Time): what every number format renders from. Internal to readers/: the number-format
// units, and the sheet reader for read_plain_decimal.
//
// Digits: LibreOffice starts from the shortest decimal that reads back as the same double (2.675,
// not 2.67499999999999982236...), keeps at most 15 significant digits (integers below 2^53 keep all
// of theirs) and rounds half away from zero to the decimals a format shows: 2.675 -> "2.68",
// 1.005 -> "1.01", 900.305 -> "900.31", but 278.80499999999995 -> "278.80".
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace jixiao::numfmt {

inline constexpr double kTwo53 = 9007199254740992.0;

// A non-negative decimal: 0.d[0]d[1]...d[n-1] x 10^dp, no leading or trailing zeros; n == 0 is zero.
struct Dec {
  char d[24];
  int n = 0;
  int dp = 0;
};

// Keeps `keep` significant digits, rounding half away from zero.
void round_at(Dec& x, int keep);
// Rounds to `decimals` places after the point.
void round_decimals(Dec& x, int decimals);
// The digits LibreOffice starts from, for a > 0 and finite: the shortest decimal that reads back as
// the same double, then, when max_sig is below 17, rounded half away from zero to that many
// significant digits.
void to_dec(double a, Dec& x, int max_sig);
// The other way, for a value as most cells hold it ("45121", "-2371044.44": at most 15 digits, an
// optional '-' and '.', no exponent or space): the double from_chars reads. False for any other
// text, which the caller reads with from_chars.
bool read_plain_decimal(std::string_view s, double& out);
// Integers LibreOffice prints with all their digits (rtl::math's integer path).
inline bool exact_integer(double a) { return a < kTwo53 && a == std::floor(a); }
// Whether the 15-digit rounding of a value near DBL_MAX went beyond the range of a double.
bool overflows(const Dec& x);
inline char digit_at(const Dec& x, int idx) { return (idx >= 0 && idx < x.n) ? x.d[idx] : '0'; }

void append_uint(uint64_t v, std::string& out, int min_digits = 1);
// "123.45" from digits (no sign).
void append_fixed(const Dec& x, std::string& out);
// "1.5E+016" style: mantissa digits, then E, the exponent's sign and at least min_exp digits.
void append_sci(const Dec& x, std::string& out, int min_exp, int fixed_decimals = -1);
// General inside a format code ("[Red]General", "@" for a number, a missing section).
void general_in_format(double v, std::string& out);

double pow10i(int n);
// rtl::math::round(v, dec) in its "corrected" mode: half away from zero, with a tiny nudge.
double lo_round(double v, int dec);

struct Clock {
  unsigned hour = 0, minute = 0, second = 0;
  double fraction = 0;  // of the second, already rounded or truncated to the shown digits
};
// tools::Time::GetClock: the time of day, never rounded up into the next minute or day.
Clock get_clock(double days, int frac_digits);

}  // namespace jixiao::numfmt

// Excel number formats shown the way LibreOffice 7.4 shows them (its formatted CSV export is the
// oracle; tests/fixtures/make_number_format_cases.py records what it shows).
//
// Digits: LibreOffice starts from the shortest decimal that reads back as the same double (2.675,
// not 2.67499999999999982236...), keeps at most 15 significant digits (integers below 2^53 keep all
// of theirs) and rounds half away from zero to the decimals a format shows: 2.675 -> "2.68",
// 1.005 -> "1.01", 900.305 -> "900.31", but 278.80499999999995 -> "278.80".
#include "readers/number_format.h"

#include "core/ascii.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "readers/workbook.h"

namespace jixiao {

namespace {

constexpr double kTwo53 = 9007199254740992.0;

// ---- decimal digits ------------------------------------------------------------------------

// A non-negative decimal: 0.d[0]d[1]...d[n-1] x 10^dp, no leading or trailing zeros; n == 0 is zero.
struct Dec {
  char d[24];
  int n = 0;
  int dp = 0;
};

void strip(Dec& x) {
  while (x.n > 0 && x.d[x.n - 1] == '0') --x.n;
}

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
inline void round_decimals(Dec& x, int decimals) {
  if (x.n) round_at(x, x.dp + decimals);
}

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

// The digits LibreOffice starts from, for a > 0 and finite: the shortest decimal that reads back as
// the same double ("900.305", not 900.30499999999994997...; "0.30000000000000004"), then, when
// max_sig is below 17, rounded half away from zero to that many significant digits.
void to_dec(double a, Dec& x, int max_sig) {
  char buf[48];
  auto r = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific);
  parse_sci(buf, r.ptr, x);
  round_at(x, max_sig);
  strip(x);
}

// Integers LibreOffice prints with all their digits (rtl::math's integer path).
inline bool exact_integer(double a) { return a < kTwo53 && a == std::floor(a); }

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

inline char digit_at(const Dec& x, int idx) { return (idx >= 0 && idx < x.n) ? x.d[idx] : '0'; }

void append_uint(uint64_t v, std::string& out, int min_digits = 1) {
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
void append_sci(const Dec& x, std::string& out, int min_exp, int fixed_decimals = -1) {
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

double pow10i(int n) {
  static const double k[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
                             1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20};
  return n >= 0 && n <= 20 ? k[n] : std::pow(10.0, n);
}

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

struct Clock {
  unsigned hour = 0, minute = 0, second = 0;
  double fraction = 0;  // of the second, already rounded or truncated to the shown digits
};

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

// ---- tokens --------------------------------------------------------------------------------

enum class T : uint8_t {
  Lit,
  Int, Frac, ExpDigit, FNum, FDen,  // digit placeholders by role; c is '0', '#' or '?'
  Point, Comma, Percent, Exp, Slash, Text, General,
  Year2, Year4, Mon, Mon2, MonAbbr, MonFull, MonLetter, Day, Day2, DayAbbr, DayFull,
  Hour, Hour2, Min, Min2, Sec, Sec2, FracSec, AmPm, AP, ElH, ElM, ElS,
  Ph,  // an unassigned placeholder while parsing
};

struct Tok {
  T t = T::Lit;
  char c = 0;       // placeholder: '0' '#' '?'; Exp: 'E' or 'e'; AmPm: 'z' for the Chinese 上午/下午
  uint16_t n = 0;   // Int/Frac/FNum/FDen: index; ElH/ElM/ElS: digits; FracSec: digits; Exp: 1 for "E+"
  std::string s;    // Lit: the text
};

enum class Op : uint8_t { None, LT, LE, GT, GE, EQ, NE };

bool is_date_tok(T t) { return t >= T::Year2 && t <= T::ElS; }

size_t utf8_len(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 6) return 2;
  if ((c >> 4) == 14) return 3;
  if ((c >> 3) == 30) return 4;
  return 1;
}

bool iequal(std::string_view a, std::string_view b) { return ascii_iequal(a, b); }
char lower(char c) { return ascii_lower(c); }

// ---- names -----------------------------------------------------------------------------------

const char* const kMonFullEn[12] = {"January", "February", "March",     "April",   "May",      "June",
                                    "July",    "August",   "September", "October", "November", "December"};
const char* const kMonAbbrEn[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const kDayFullEn[7] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
const char* const kDayAbbrEn[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
const char* const kMonFullZh[12] = {"一月", "二月", "三月", "四月",   "五月",   "六月",
                                    "七月", "八月", "九月", "十月", "十一月", "十二月"};
const char* const kMonAbbrZh[12] = {"1月", "2月", "3月", "4月",  "5月",  "6月",
                                    "7月", "8月", "9月", "10月", "11月", "12月"};
const char* const kDayFullZh[7] = {"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"};
const char* const kDayAbbrZh[7] = {"日", "一", "二", "三", "四", "五", "六"};

}  // namespace

// ---- a parsed section ----------------------------------------------------------------------

struct NumberFormat::Section {
  enum class Kind : uint8_t { Number, General, Date, Text, Empty };
  Kind kind = Kind::Number;
  std::vector<Tok> toks;
  Op op = Op::None;
  double limit = 0;
  bool zh = false;  // Chinese month/day names and 上午/下午 ([$-804] and the other zh locales)

  // Number
  bool has_digits = false;
  int int_ph = 0, frac_ph = 0, exp_ph = 0;
  bool grouping = false, percent = false, frac_hash_only = true;
  int scale = 0;  // trailing commas: divide by 1000 each
  bool exp = false, engineering = false;
  // Fraction ("# ?/?")
  bool fraction = false, fraction_int = false;
  int num_ph = 0, den_ph = 0, fixed_den = 0;

  // Date and time
  bool has_date = false, has_time = false, ampm = false;
  int elapsed = 0;  // 1 [h], 2 [m], 3 [s]
  int sec_digits = 0;

  void render_number(double v, bool show_sign, std::string& out) const;
  void render_fraction(double v, bool show_sign, std::string& out) const;
  void render_date(double v, bool date1904, bool show_sign, std::string& out) const;
  void render_text(std::string_view text, std::string& out) const;
  void render_literals(std::string& out) const;
};

namespace {

using Section = NumberFormat::Section;

void add_lit(std::vector<Tok>& toks, std::string_view s) {
  if (!toks.empty() && toks.back().t == T::Lit) {
    toks.back().s += s;
  } else {
    Tok t;
    t.t = T::Lit;
    t.s = std::string(s);
    toks.push_back(std::move(t));
  }
}

void add(std::vector<Tok>& toks, T t, char c = 0, uint16_t n = 0) {
  Tok k;
  k.t = t;
  k.c = c;
  k.n = n;
  toks.push_back(std::move(k));
}

bool parse_condition(std::string_view s, Section& sec) {
  size_t i = 0;
  Op op;
  if (s.substr(0, 2) == "<=") op = Op::LE, i = 2;
  else if (s.substr(0, 2) == ">=") op = Op::GE, i = 2;
  else if (s.substr(0, 2) == "<>") op = Op::NE, i = 2;
  else if (s[0] == '<') op = Op::LT, i = 1;
  else if (s[0] == '>') op = Op::GT, i = 1;
  else if (s[0] == '=') op = Op::EQ, i = 1;
  else return false;
  while (i < s.size() && s[i] == ' ') ++i;
  double lim = 0;
  auto r = std::from_chars(s.data() + i, s.data() + s.size(), lim);
  if (r.ec != std::errc()) return false;
  sec.op = op;
  sec.limit = lim;
  return true;
}

struct ParseState {
  bool sys_long_date = false;
  bool sys_time = false;
};

// [ ... ] content: conditions, colours, locales and currencies, elapsed time.
void parse_bracket(std::string_view b, Section& sec, ParseState& ps) {
  if (b.empty()) return;
  if (b[0] == '<' || b[0] == '>' || b[0] == '=') {
    parse_condition(b, sec);
    return;
  }
  if (b[0] == '$') {
    std::string_view rest = b.substr(1);
    if (rest == "-x-sysdate") {  // newer Excel's "system long date" (LibreOffice 7.4 does not know it)
      ps.sys_long_date = true;
      return;
    }
    if (rest == "-x-systime") {
      ps.sys_time = true;
      return;
    }
    size_t dash = rest.rfind('-');
    std::string_view symbol = dash == std::string_view::npos ? rest : rest.substr(0, dash);
    if (!symbol.empty()) add_lit(sec.toks, symbol);
    if (dash != std::string_view::npos) {
      std::string_view hex = rest.substr(dash + 1);
      uint32_t lcid = 0;
      auto r = std::from_chars(hex.data(), hex.data() + hex.size(), lcid, 16);
      if (r.ec == std::errc()) {
        uint32_t lang = lcid & 0xFFFF;
        if (lang == 0xF800) ps.sys_long_date = true;
        else if (lang == 0xF400) ps.sys_time = true;
        else if ((lang & 0x3FF) == 0x04) sec.zh = true;
      }
    }
    return;
  }
  char c0 = lower(b[0]);
  if (c0 == 'h' || c0 == 'm' || c0 == 's') {
    bool same = std::all_of(b.begin(), b.end(), [&](char c) { return lower(c) == c0; });
    if (same) {
      add(sec.toks, c0 == 'h' ? T::ElH : c0 == 'm' ? T::ElM : T::ElS, 0, static_cast<uint16_t>(b.size()));
      return;
    }
  }
  // colours, [DBNum1], [NatNum1] and anything else: not shown
}

void tokenize(std::string_view s, Section& sec, ParseState& ps) {
  auto& toks = sec.toks;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    char lc = lower(c);
    size_t cl = utf8_len(static_cast<unsigned char>(c));
    if (c == '"') {
      size_t j = s.find('"', i + 1);
      if (j == std::string_view::npos) j = s.size();
      add_lit(toks, s.substr(i + 1, j - i - 1));
      i = j + 1;
    } else if (c == '\\') {
      if (i + 1 < s.size()) {
        size_t l = utf8_len(static_cast<unsigned char>(s[i + 1]));
        add_lit(toks, s.substr(i + 1, l));
        i += 1 + l;
      } else {
        ++i;
      }
    } else if (c == '_') {
      if (i + 1 < s.size()) i += 1 + utf8_len(static_cast<unsigned char>(s[i + 1]));
      else ++i;
      add_lit(toks, " ");
    } else if (c == '*') {
      if (i + 1 < s.size()) i += 1 + utf8_len(static_cast<unsigned char>(s[i + 1]));
      else ++i;
    } else if (c == '[') {
      size_t j = s.find(']', i + 1);
      if (j == std::string_view::npos) {
        add_lit(toks, s.substr(i));
        break;
      }
      parse_bracket(s.substr(i + 1, j - i - 1), sec, ps);
      i = j + 1;
    } else if (c == '0' || c == '#' || c == '?') {
      add(toks, T::Ph, c);
      ++i;
    } else if (c == '.') {
      add(toks, T::Point);
      ++i;
    } else if (c == ',') {
      add(toks, T::Comma);
      ++i;
    } else if (c == '%') {
      add(toks, T::Percent);
      ++i;
    } else if (c == '/') {
      add(toks, T::Slash);
      ++i;
      if (i < s.size() && s[i] >= '1' && s[i] <= '9') {  // a fixed denominator: "# ?/100"
        size_t j = i;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
        add_lit(toks, s.substr(i, j - i));
        i = j;
      }
    } else if (c == '@') {
      add(toks, T::Text);
      ++i;
    } else if (iequal(s.substr(i, 7), "general")) {
      add(toks, T::General);
      i += 7;
    } else if (s.substr(i, 2) == "G/" && s.substr(i + 2, 12) == "通用格式") {  // Excel zh-CN's General
      add(toks, T::General);
      i += 14;
    } else if (iequal(s.substr(i, 5), "am/pm")) {
      add(toks, T::AmPm);
      i += 5;
    } else if (iequal(s.substr(i, 3), "a/p")) {
      add(toks, T::AP);
      i += 3;
    } else if (s.substr(i, 13) == "上午/下午") {
      add(toks, T::AmPm, 'z');
      i += 13;
    } else if ((c == 'E' || c == 'e') && i + 1 < s.size() && (s[i + 1] == '+' || s[i + 1] == '-')) {
      add(toks, T::Exp, c, s[i + 1] == '+' ? 1 : 0);
      i += 2;
    } else if (lc == 'y' || lc == 'm' || lc == 'd' || lc == 'h' || lc == 's' || lc == 'a' || lc == 'e') {
      size_t j = i;
      while (j < s.size() && lower(s[j]) == lc) ++j;
      size_t run = j - i;
      i = j;
      switch (lc) {
        case 'y':  // LibreOffice: yyyy, yy; a lone y is text
          while (run >= 4) add(toks, T::Year4), run -= 4;
          while (run >= 2) add(toks, T::Year2), run -= 2;
          if (run) add_lit(toks, std::string_view(&c, 1));
          break;
        case 'e':  // era year; in the Gregorian calendar the year
          add(toks, T::Year4);
          break;
        case 'm':
          add(toks, run == 1 ? T::Mon : run == 2 ? T::Mon2 : run == 3 ? T::MonAbbr : run == 4 ? T::MonFull : T::MonLetter);
          break;
        case 'd':
          while (run >= 4) add(toks, T::DayFull), run -= 4;
          if (run == 3) add(toks, T::DayAbbr);
          else if (run == 2) add(toks, T::Day2);
          else if (run == 1) add(toks, T::Day);
          break;
        case 'h':
          add(toks, run == 1 ? T::Hour : T::Hour2);
          break;
        case 's':
          add(toks, run == 1 ? T::Sec : T::Sec2);
          break;
        case 'a':  // aaa / aaaa: the day of the week
          if (run == 3) add(toks, T::DayAbbr);
          else if (run >= 4) add(toks, T::DayFull);
          else add_lit(toks, s.substr(i - run, run));
          break;
      }
    } else {
      add_lit(toks, s.substr(i, cl));
      i += cl;
    }
  }
}

void finish_date(Section& sec) {
  auto& toks = sec.toks;
  sec.kind = Section::Kind::Date;
  // m after an hour or before a second is minutes
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].t != T::Mon && toks[i].t != T::Mon2) continue;
    bool minute = false;
    for (size_t j = i; j-- > 0;) {
      if (!is_date_tok(toks[j].t)) continue;
      minute = toks[j].t == T::Hour || toks[j].t == T::Hour2 || toks[j].t == T::ElH;
      break;
    }
    if (!minute) {
      for (size_t j = i + 1; j < toks.size(); ++j) {
        if (!is_date_tok(toks[j].t)) continue;
        minute = toks[j].t == T::Sec || toks[j].t == T::Sec2 || toks[j].t == T::ElS;
        break;
      }
    }
    if (minute) toks[i].t = toks[i].t == T::Mon ? T::Min : T::Min2;
  }
  // fractions of a second: ".0", ".00" after a second
  std::vector<Tok> out;
  out.reserve(toks.size());
  for (size_t i = 0; i < toks.size(); ++i) {
    Tok& t = toks[i];
    if (t.t == T::Point && !out.empty() &&
        (out.back().t == T::Sec || out.back().t == T::Sec2 || out.back().t == T::ElS) && i + 1 < toks.size() &&
        toks[i + 1].t == T::Ph && toks[i + 1].c == '0') {
      int n = 0;
      while (i + 1 < toks.size() && toks[i + 1].t == T::Ph && toks[i + 1].c == '0') ++n, ++i;
      sec.sec_digits = std::max(sec.sec_digits, n);
      Tok f;
      f.t = T::FracSec;
      f.n = static_cast<uint16_t>(n);
      out.push_back(std::move(f));
      continue;
    }
    switch (t.t) {
      case T::Ph: add_lit(out, std::string_view(&t.c, 1)); break;
      case T::Point: add_lit(out, "."); break;
      case T::Comma: add_lit(out, ","); break;
      case T::Percent: add_lit(out, "%"); break;
      case T::Slash: add_lit(out, "/"); break;
      case T::Exp: {
        char e[2] = {t.c, t.n ? '+' : '-'};
        add_lit(out, std::string_view(e, 2));
        break;
      }
      case T::Text: case T::General: break;
      case T::Lit: add_lit(out, t.s); break;
      default: out.push_back(std::move(t)); break;
    }
  }
  toks = std::move(out);
  for (const Tok& t : toks) {
    switch (t.t) {
      case T::Year2: case T::Year4: case T::Mon: case T::Mon2: case T::MonAbbr: case T::MonFull:
      case T::MonLetter: case T::Day: case T::Day2: case T::DayAbbr: case T::DayFull:
        sec.has_date = true;
        break;
      case T::ElH: if (!sec.elapsed) sec.elapsed = 1; sec.has_time = true; break;
      case T::ElM: if (!sec.elapsed) sec.elapsed = 2; sec.has_time = true; break;
      case T::ElS: if (!sec.elapsed) sec.elapsed = 3; sec.has_time = true; break;
      case T::AmPm: case T::AP: sec.ampm = true; sec.has_time = true; break;
      case T::Hour: case T::Hour2: case T::Min: case T::Min2: case T::Sec: case T::Sec2: case T::FracSec:
        sec.has_time = true;
        break;
      default: break;
    }
  }
}

void finish_number(Section& sec) {
  auto& toks = sec.toks;
  // Fraction: placeholders / placeholders (or a fixed denominator)
  size_t slash = toks.size();
  for (size_t i = 1; i < toks.size(); ++i) {
    if (toks[i].t != T::Slash || toks[i - 1].t != T::Ph) continue;
    bool den_ph = i + 1 < toks.size() && toks[i + 1].t == T::Ph;
    bool den_fixed = i + 1 < toks.size() && toks[i + 1].t == T::Lit && toks[i + 1].s[0] >= '1' &&
                     toks[i + 1].s[0] <= '9';
    if (den_ph || den_fixed) {
      slash = i;
      break;
    }
  }
  if (slash < toks.size()) {
    sec.fraction = true;
    size_t num_begin = slash;
    while (num_begin > 0 && toks[num_begin - 1].t == T::Ph) --num_begin;
    for (size_t i = num_begin; i < slash; ++i) {
      toks[i].t = T::FNum;
      toks[i].n = static_cast<uint16_t>(sec.num_ph++);
    }
    size_t j = slash + 1;
    if (toks[j].t == T::Ph) {
      for (; j < toks.size() && toks[j].t == T::Ph; ++j) {
        toks[j].t = T::FDen;
        toks[j].n = static_cast<uint16_t>(sec.den_ph++);
      }
    } else {
      std::string& s = toks[j].s;
      size_t k = 0;
      while (k < s.size() && s[k] >= '0' && s[k] <= '9') sec.fixed_den = sec.fixed_den * 10 + (s[k++] - '0');
      Tok d;
      d.t = T::FDen;
      d.c = '0';
      d.n = static_cast<uint16_t>(k);  // digits of the fixed denominator
      s.erase(0, k);
      if (s.empty()) toks[j] = std::move(d);
      else toks.insert(toks.begin() + static_cast<long>(j), std::move(d));
      sec.den_ph = static_cast<int>(k);
    }
    for (size_t i = 0; i < num_begin; ++i) {
      if (toks[i].t == T::Ph) {
        toks[i].t = T::Int;
        toks[i].n = static_cast<uint16_t>(sec.int_ph++);
        sec.fraction_int = true;
      }
    }
    for (Tok& t : toks) {
      if (t.t == T::Ph) {
        t.t = T::Lit;
        t.s = std::string(1, t.c);
      } else if (t.t == T::Comma || t.t == T::Point) {
        T old = t.t;
        t.t = T::Lit;
        t.s = old == T::Comma ? "," : ".";
      } else if (t.t == T::Percent) {
        sec.percent = true;
      }
    }
    sec.has_digits = true;
    return;
  }

  // Placeholders by role: integer part, decimals, exponent
  enum Region { IntR, FracR, ExpR } region = IntR;
  bool seen_point = false;
  for (Tok& t : toks) {
    switch (t.t) {
      case T::Point:
        if (region == IntR && !seen_point) {
          seen_point = true;
          region = FracR;
        } else {
          t.t = T::Lit;
          t.s = ".";
        }
        break;
      case T::Exp:
        if (region != ExpR && !sec.exp) {
          sec.exp = true;
          region = ExpR;
        } else {
          char e[2] = {t.c, t.n ? '+' : '-'};
          t.t = T::Lit;
          t.s = std::string(e, 2);
        }
        break;
      case T::Ph:
        sec.has_digits = true;
        if (region == IntR) {
          t.t = T::Int;
          t.n = static_cast<uint16_t>(sec.int_ph++);
        } else if (region == FracR) {
          t.t = T::Frac;
          t.n = static_cast<uint16_t>(++sec.frac_ph);
          if (t.c != '#') sec.frac_hash_only = false;
        } else {
          t.t = T::ExpDigit;
          t.n = static_cast<uint16_t>(sec.exp_ph++);
        }
        break;
      case T::Percent:
        sec.percent = true;
        break;
      case T::Slash:
        t.t = T::Lit;
        t.s = "/";
        break;
      default:
        break;
    }
  }
  if (sec.exp) {
    if (!sec.has_digits) {
      sec.exp = false;
    } else {
      bool hash = false;
      for (const Tok& t : toks) hash |= t.t == T::Int && t.c == '#';
      sec.engineering = hash && sec.int_ph > 1;
    }
  }
  // Commas: grouping between integer placeholders, scaling after the last placeholder
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].t != T::Comma) continue;
    size_t j = i;
    while (j < toks.size() && toks[j].t == T::Comma) ++j;
    bool before = false;
    for (size_t k = 0; k < i; ++k) before |= toks[k].t == T::Int || toks[k].t == T::Frac;
    bool after_int = j < toks.size() && toks[j].t == T::Int;
    bool later_ph = false;
    for (size_t k = j; k < toks.size(); ++k) later_ph |= toks[k].t == T::Int || toks[k].t == T::Frac;
    for (size_t k = i; k < j; ++k) {
      if (before && after_int) {
        sec.grouping = true;
        toks[k].t = T::Lit;
        toks[k].s.clear();
      } else if (before && !later_ph) {
        ++sec.scale;
        toks[k].t = T::Lit;
        toks[k].s.clear();
      } else {
        toks[k].t = T::Lit;
        toks[k].s = ",";
      }
    }
    i = j - 1;
  }
  // drop the emptied literals and merge neighbours
  std::vector<Tok> out;
  out.reserve(toks.size());
  for (Tok& t : toks) {
    if (t.t == T::Lit) {
      if (!t.s.empty()) add_lit(out, t.s);
    } else {
      out.push_back(std::move(t));
    }
  }
  toks = std::move(out);
}

void finish_section(Section& sec) {
  bool date = false, general = false, ph = false, text = false;
  for (const Tok& t : sec.toks) {
    date |= is_date_tok(t.t);
    general |= t.t == T::General;
    ph |= t.t == T::Ph;
    text |= t.t == T::Text;
  }
  if (date) {
    finish_date(sec);
  } else if (general) {
    sec.kind = Section::Kind::General;
  } else if (ph) {
    sec.kind = Section::Kind::Number;
    finish_number(sec);
  } else if (text) {
    sec.kind = Section::Kind::Text;
  } else if (sec.toks.empty()) {
    sec.kind = Section::Kind::Empty;
  } else {
    sec.kind = Section::Kind::Number;  // only literals
    finish_number(sec);
  }
}

// Splits at ';' outside quotes, brackets and escapes.
std::vector<std::string_view> split_sections(std::string_view code) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  bool quote = false, bracket = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (quote) {
      if (c == '"') quote = false;
    } else if (bracket) {
      if (c == ']') bracket = false;
    } else if (c == '"') {
      quote = true;
    } else if (c == '[') {
      bracket = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == ';') {
      parts.push_back(code.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(code.substr(start));
  return parts;
}

bool check(Op op, double lim, double v, int& result) {
  switch (op) {
    case Op::None: result = -1; return true;
    case Op::LT: result = v < lim; break;
    case Op::LE: result = v <= lim; break;
    case Op::GT: result = v > lim; break;
    case Op::GE: result = v >= lim; break;
    case Op::EQ: result = v == lim; break;
    case Op::NE: result = v != lim; break;
  }
  return true;
}

// Emits integer placeholder k of a number whose integer digits are x[0, len).
void emit_int(const Section& s, const Tok& t, const Dec& x, int len, std::string& out) {
  const int ph = s.int_ph;
  if (s.grouping) {
    if (t.n != 0) return;
    int top = std::max(len, ph) - 1;
    bool digits = false;
    for (int pos = top; pos >= 0; --pos) {
      char ch;
      if (pos < len) {
        ch = digit_at(x, len - 1 - pos);
      } else {
        // the placeholder at this position, counted from the right
        char pc = '#';
        int k = ph - 1 - pos, seen = 0;
        for (const Tok& u : s.toks) {
          if (u.t != T::Int) continue;
          if (seen++ == k) {
            pc = u.c;
            break;
          }
        }
        if (pc == '#') continue;
        ch = pc == '0' ? '0' : ' ';
      }
      out += ch;
      if (ch != ' ') digits = true;
      if (pos > 0 && pos % 3 == 0 && digits) out += ',';
    }
    return;
  }
  int pos = ph - 1 - t.n;  // place value of this placeholder
  if (t.n == 0 && len > pos) {
    for (int i = 0; i <= len - 1 - pos; ++i) out += digit_at(x, i);
    return;
  }
  if (pos < len) {
    out += digit_at(x, len - 1 - pos);
  } else if (t.c == '0') {
    out += '0';
  } else if (t.c == '?') {
    out += ' ';
  }
}

}  // namespace

// ---- rendering -----------------------------------------------------------------------------

void NumberFormat::Section::render_literals(std::string& out) const {
  for (const Tok& t : toks) {
    if (t.t == T::Lit) out += t.s;
    else if (t.t == T::Percent) out += '%';
  }
}

void NumberFormat::Section::render_text(std::string_view text, std::string& out) const {
  for (const Tok& t : toks) {
    switch (t.t) {
      case T::Lit: out += t.s; break;
      case T::Text: out += text; break;
      case T::Ph: case T::Int: case T::Frac: out += t.c; break;
      case T::Percent: out += '%'; break;
      case T::Point: out += '.'; break;
      case T::Comma: out += ','; break;
      default: break;
    }
  }
}

void NumberFormat::Section::render_number(double v, bool show_sign, std::string& out) const {
  if (fraction) {
    render_fraction(v, show_sign, out);
    return;
  }
  if (!has_digits) {
    render_literals(out);
    return;
  }
  double a = std::fabs(v);
  if (percent) a *= 100.0;
  for (int i = 0; i < scale; ++i) a /= 1000.0;
  Dec x;
  int exponent = 0;
  int len;  // integer digits of the (mantissa's) digit string
  if (exp) {
    if (a > 0 && std::isfinite(a)) to_dec(a, x, 15);
    if (x.n) {
      int k = std::max(int_ph, 1);
      int e = x.dp - 1;
      auto shift_for = [&](int lead) {
        if (engineering) {
          int q = lead >= 0 ? lead / k : -((-lead + k - 1) / k);
          return q * k;
        }
        return lead - (k - 1);
      };
      exponent = shift_for(e);
      int dp = x.dp - exponent;
      round_at(x, dp + frac_ph);
      if (x.dp - 1 != e) exponent = shift_for(x.dp - 1);  // rounded up to the next power of ten
      len = x.dp - exponent;
    } else {
      len = 0;
    }
  } else {
    // rtl::math::doubleToString(F): the digits rounded half up to the decimals, but never more than
    // 15 significant digits, zeros after them (1/3 with 20 decimals is 0.33333333333333300000);
    // integers below 2^53 keep all their digits.
    if (a > 0 && std::isfinite(a)) {
      to_dec(a, x, 17);
      int digits = static_cast<int>(std::floor(std::log10(a))) + 1 + frac_ph;
      if (digits > 15 && !exact_integer(a)) round_at(x, 15);
      round_decimals(x, frac_ph);
    }
    len = x.n ? std::max(x.dp, 0) : 0;
  }
  const int dp = exp ? x.dp - exponent : x.dp;  // decimal point position in x for the shown number
  int shown_decimals = x.n ? std::clamp(x.n - dp, 0, frac_ph) : 0;
  // no "-0.00" for what rounds to zero; but LibreOffice shows -0.0 as "-0.00E+0"
  if (show_sign && ((v < 0 && x.n) || (exp && v == 0 && std::signbit(v)))) out += '-';
  for (const Tok& t : toks) {
    switch (t.t) {
      case T::Lit: out += t.s; break;
      case T::Percent: out += '%'; break;
      case T::Int: emit_int(*this, t, x, len, out); break;
      case T::Point:
        if (shown_decimals > 0 || !frac_hash_only) out += '.';
        break;
      case T::Frac:
        if (t.n <= shown_decimals) out += digit_at(x, dp + t.n - 1);
        else if (t.c == '0') out += '0';
        else if (t.c == '?') out += ' ';
        break;
      case T::Exp:
        out += t.c;
        if (exponent < 0) out += '-';
        else if (t.n) out += '+';
        break;
      case T::ExpDigit:
        if (t.n == 0) append_uint(static_cast<uint64_t>(exponent < 0 ? -exponent : exponent), out, exp_ph);
        break;
      case T::Text: case T::General: break;
      default: break;
    }
  }
}

void NumberFormat::Section::render_fraction(double v, bool show_sign, std::string& out) const {
  double a = std::fabs(v);
  if (percent) a *= 100.0;
  double ip = fraction_int ? std::floor(a) : 0;
  double f = a - ip;
  long long num = 0, den = 1;
  if (fixed_den > 0) {
    den = fixed_den;
    num = static_cast<long long>(std::ceil(f * den - 0.5));  // LibreOffice rounds ties down here
  } else {
    long long max_den = 1;
    for (int i = 0; i < den_ph && max_den < 100000; ++i) max_den *= 10;
    max_den = std::max<long long>(max_den - 1, 1);
    double best = 2;
    for (long long d = 1; d <= max_den; ++d) {
      long long n = static_cast<long long>(std::floor(f * static_cast<double>(d) + 0.5));
      double err = std::fabs(f - static_cast<double>(n) / static_cast<double>(d));
      if (err < best) {
        best = err;
        num = n;
        den = d;
        if (err == 0) break;
      }
    }
  }
  if (fraction_int && num >= den) {
    ip += 1;
    num = 0;
  }
  bool zero = ip == 0 && num == 0;
  if (show_sign && ((v < 0 && !zero) || (v == 0 && std::signbit(v)))) out += '-';
  // numerator and denominator as text
  char nb[24], db[24];
  char* ne = std::to_chars(nb, nb + sizeof nb, num).ptr;
  char* de = std::to_chars(db, db + sizeof db, den).ptr;
  int nlen = static_cast<int>(ne - nb), dlen = static_cast<int>(de - db);
  bool blank = fraction_int && num == 0;  // whole number: the fraction shows as spaces
  bool hide = fraction_int && ip == 0 && !blank;  // "# ?/?" of 0.333 shows " 1/3"
  bool int_zero_ph = false;
  for (const Tok& u : toks) int_zero_ph |= u.t == T::Int && u.c == '0';
  for (const Tok& t : toks) {
    switch (t.t) {
      case T::Lit: out += t.s; break;
      case T::Percent: out += '%'; break;
      case T::Int:
        if (t.n + 1 != int_ph) break;  // all digits at the last integer placeholder
        if (!hide) append_uint(static_cast<uint64_t>(ip), out);
        else if (int_zero_ph) out += '0';
        break;
      case T::FNum:
        if (t.n + 1 != num_ph) break;
        if (blank) {
          out.append(static_cast<size_t>(num_ph), ' ');
        } else {
          for (int i = nlen; i < num_ph; ++i) out += ' ';
          out.append(nb, static_cast<size_t>(nlen));
        }
        break;
      case T::Slash:
        out += blank ? ' ' : '/';
        break;
      case T::FDen:
        if (fixed_den > 0) {
          if (!blank) out.append(db, static_cast<size_t>(dlen));  // a whole number shows no "8" of "?/8"
          break;
        }
        if (t.n + 1 != den_ph) break;
        if (blank) {
          out.append(static_cast<size_t>(den_ph), ' ');
        } else {
          out.append(db, static_cast<size_t>(dlen));
          for (int i = dlen; i < den_ph; ++i) out += ' ';
        }
        break;
      default: break;
    }
  }
}

void NumberFormat::Section::render_date(double v, bool date1904, bool show_sign, std::string& out) const {
  const double null_shift = date1904 ? -24107.0 : -25569.0;  // LibreOffice's calendar counts from 1970
  int frac_digits = sec_digits;
  unsigned hour = 0, minute = 0, second = 0;
  double sec_fraction = 0;
  uint64_t total = 0;  // elapsed: the rounded whole seconds
  bool neg = false;
  double day_value = v;
  if (elapsed) {
    double t = lo_round(std::fabs(v) * 86400.0, frac_digits);
    neg = v < 0 && show_sign && t != 0;
    total = t > 1.8e19 ? 0 : static_cast<uint64_t>(t);
    sec_fraction = t - static_cast<double>(total);
    if (elapsed == 1) {
      hour = static_cast<unsigned>(total / 3600);
      minute = static_cast<unsigned>(total % 3600 / 60);
      second = static_cast<unsigned>(total % 60);
    } else if (elapsed == 2) {
      minute = static_cast<unsigned>(total / 60);
      second = static_cast<unsigned>(total % 60);
    } else {
      second = static_cast<unsigned>(total);
    }
  } else if (has_time) {
    double clock_value = v;
    if (has_date) {
      double t = lo_round((v - std::floor(v)) * 86400.0, frac_digits);
      if (t >= 86400.0) day_value = std::floor(v + 0.5);
      clock_value = day_value + null_shift;
    }
    Clock c = get_clock(clock_value, frac_digits);
    hour = c.hour;
    minute = c.minute;
    second = c.second;
    sec_fraction = c.fraction;
  }
  CivilDate date;
  int weekday = 0;
  if (has_date) {
    double day = std::floor(day_value);
    double ms = std::round((day_value - day) * 86400000.0);
    if (ms >= 86400000.0) day += 1;
    date = serial_to_date(day, date1904);
    long long s = static_cast<long long>(day);
    long long w = date1904 ? s + 5 : s + 6;  // 1904-01-01 was a Friday; serial 1 (1900) a Sunday
    weekday = static_cast<int>(((w % 7) + 7) % 7);
  }
  if (neg) out += '-';
  unsigned h12 = hour % 12 == 0 ? 12 : hour % 12;
  const int mi = std::clamp(date.month, 1, 12) - 1;
  for (const Tok& t : toks) {
    switch (t.t) {
      case T::Lit: out += t.s; break;
      case T::Year2: append_uint(static_cast<uint64_t>(((date.year % 100) + 100) % 100), out, 2); break;
      case T::Year4: append_uint(static_cast<uint64_t>(std::max(date.year, 0)), out); break;
      case T::Mon: append_uint(static_cast<uint64_t>(date.month), out); break;
      case T::Mon2: append_uint(static_cast<uint64_t>(date.month), out, 2); break;
      case T::MonAbbr: out += zh ? kMonAbbrZh[mi] : kMonAbbrEn[mi]; break;
      case T::MonFull: out += zh ? kMonFullZh[mi] : kMonFullEn[mi]; break;
      case T::MonLetter: {
        const char* full = zh ? kMonFullZh[mi] : kMonFullEn[mi];
        out.append(full, utf8_len(static_cast<unsigned char>(full[0])));
        break;
      }
      case T::Day: append_uint(static_cast<uint64_t>(std::max(date.day, 0)), out); break;
      case T::Day2: append_uint(static_cast<uint64_t>(std::max(date.day, 0)), out, 2); break;
      case T::DayAbbr: out += zh ? kDayAbbrZh[weekday] : kDayAbbrEn[weekday]; break;
      case T::DayFull: out += zh ? kDayFullZh[weekday] : kDayFullEn[weekday]; break;
      case T::Hour: append_uint(ampm ? h12 : hour, out); break;
      case T::Hour2: append_uint(ampm ? h12 : hour, out, 2); break;
      case T::Min: append_uint(minute, out); break;
      case T::Min2: append_uint(minute, out, 2); break;
      case T::Sec: append_uint(second, out); break;
      case T::Sec2: append_uint(second, out, 2); break;
      case T::ElH: append_uint(elapsed == 1 ? hour : 0, out, t.n); break;
      case T::ElM: append_uint(minute, out, t.n); break;
      case T::ElS: append_uint(second, out, t.n); break;
      case T::FracSec: {
        out += '.';
        double scale = pow10i(t.n);
        double d = std::floor(sec_fraction * scale + 0.5);
        if (d >= scale) d = scale - 1;
        append_uint(static_cast<uint64_t>(d), out, t.n);
        break;
      }
      case T::AmPm:
        if (t.c == 'z' || zh) out += hour < 12 ? "上午" : "下午";
        else out += hour < 12 ? "AM" : "PM";
        break;
      case T::AP: out += hour < 12 ? 'a' : 'p'; break;
      default: break;
    }
  }
}

// ---- NumberFormat --------------------------------------------------------------------------

NumberFormat NumberFormat::parse(std::string_view code) {
  NumberFormat f;
  f.code_ = std::string(code);
  if (code.empty() || iequal(code, "general") || code == "G/通用格式") return f;  // the standard General
  f.general_ = false;

  auto parts = split_sections(code);
  if (parts.size() > 4) parts.resize(4);
  std::vector<std::shared_ptr<Section>> secs;
  bool zh = false;
  for (size_t i = 0; i < parts.size(); ++i) {
    auto sec = std::make_shared<Section>();
    ParseState one;
    tokenize(parts[i], *sec, one);
    if (one.sys_long_date || one.sys_time) {  // the locale's system date / time format replaces the code
      auto keep_op = sec->op;
      auto keep_lim = sec->limit;
      sec = std::make_shared<Section>();
      ParseState again;
      tokenize(one.sys_long_date ? "dddd, mmmm d, yyyy" : "hh:mm:ss AM/PM", *sec, again);
      sec->op = keep_op;
      sec->limit = keep_lim;
    }
    zh |= sec->zh;
    finish_section(*sec);
    secs.push_back(std::move(sec));
  }
  for (auto& s : secs) s->zh = zh;

  // Default conditions, as LibreOffice sets them: a section followed by ';' without a condition is
  // "> 0" (the first) or "< 0" (the second); with no third section the first becomes ">= 0".
  if (secs.size() > 1 && secs[0]->op == Op::None) secs[0]->op = Op::GT, secs[0]->limit = 0;
  if (secs.size() > 2 && secs[1]->op == Op::None) secs[1]->op = Op::LT, secs[1]->limit = 0;
  Op op1 = secs[0]->op, op2 = secs.size() > 1 ? secs[1]->op : Op::None;
  double l1 = secs[0]->limit, l2 = secs.size() > 1 ? secs[1]->limit : 0;
  bool third_empty = secs.size() < 3 || secs[2]->toks.empty();
  if (third_empty && op1 == Op::GT && op2 == Op::None && l1 == 0 && l2 == 0) {
    secs[0]->op = op1 = Op::GE;
  }
  bool zero_limits = l1 == 0 && l2 == 0;
  f.first_negative_ = zero_limits && ((op1 == Op::LT && (op2 == Op::GT || op2 == Op::EQ || op2 == Op::GE ||
                                                          op2 == Op::None)) ||
                                      (op1 == Op::LE && (op2 == Op::None || op2 == Op::GT)));
  f.second_negative_ = zero_limits && ((op1 == Op::GE && op2 == Op::None) || (op1 == Op::GT && op2 == Op::LT) ||
                                       (op1 == Op::None && op2 == Op::None));

  if (secs.size() == 1 && secs[0]->kind == Section::Kind::Text) {
    f.text_section_ = 0;
    f.text_ = true;
  } else if (secs.size() == 4) {
    f.text_section_ = 3;
  }
  f.date_ = secs[0]->kind == Section::Kind::Date;
  for (auto& s : secs) f.sections_.push_back(std::move(s));
  return f;
}

size_t NumberFormat::pick(double v) const {
  int c = 0;
  check(sections_[0]->op, sections_[0]->limit, v, c);
  if (c != 0) return 0;
  Op op2 = sections_.size() > 1 ? sections_[1]->op : Op::None;
  double l2 = sections_.size() > 1 ? sections_[1]->limit : 0;
  check(op2, l2, v, c);
  return c != 0 ? 1 : 2;
}

void NumberFormat::format_number(double value, bool date1904, std::string& out) const {
  if (general_ || sections_.empty()) {
    format_general(value, out);
    return;
  }
  if (std::isnan(value)) {
    out += "NaN";
    return;
  }
  size_t ix = pick(value);
  if (value < 0 && ((ix == 0 && first_negative_) || (ix == 1 && second_negative_))) value = -value;
  if (ix >= sections_.size() || ix == 3) {
    general_in_format(value, out);
    return;
  }
  const Section& s = *sections_[ix];
  switch (s.kind) {
    case Section::Kind::Empty: return;
    case Section::Kind::Text:
      general_in_format(value, out);
      return;
    case Section::Kind::General:
      for (const Tok& t : s.toks) {
        if (t.t == T::Lit) out += t.s;
        else if (t.t == T::General) general_in_format(value, out);
        else if (t.t == T::Percent) out += '%';
      }
      return;
    case Section::Kind::Date:
      if (!std::isfinite(value)) {
        general_in_format(value, out);
        return;
      }
      s.render_date(value, date1904, ix == 0, out);
      return;
    case Section::Kind::Number:
      if (std::isinf(value)) {
        general_in_format(value, out);
        return;
      }
      s.render_number(value, ix == 0, out);
      return;
  }
}

void NumberFormat::format_text(std::string_view text, std::string& out) const {
  if (text_section_ >= sections_.size()) {
    out += text;
    return;
  }
  sections_[text_section_]->render_text(text, out);
}

// ---- General -------------------------------------------------------------------------------

void format_general(double value, std::string& out) {
  if (value == 0) {
    out += '0';
    return;
  }
  if (std::isnan(value)) {
    out += "NaN";
    return;
  }
  double a = std::fabs(value);
  if (std::isinf(a)) {
    out += value < 0 ? "-INF" : "INF";
    return;
  }
  if (exact_integer(a)) {
    if (value < 0) out += '-';
    append_uint(static_cast<uint64_t>(a), out);
    return;
  }
  if (value < 0) out += '-';
  Dec x;
  to_dec(a, x, 17);
  Dec shortest = x;
  round_at(x, 15);
  if (overflows(x)) {  // DBL_MAX would round beyond the range: LibreOffice writes all its digits
    append_sci(shortest, out, 3);
    return;
  }
  if (a >= 1e15) {
    append_sci(x, out, 3);
    return;
  }
  int e = x.dp - 1;
  if (e >= -4 || (e >= -9 && x.n - x.dp <= 16)) {
    append_fixed(x, out);
  } else {
    append_sci(x, out, 2);
  }
}

// ---- built-in formats ----------------------------------------------------------------------

std::string_view builtin_format_code(uint32_t id) {
  // What LibreOffice 7.4 (en-US) shows for a cell whose style names a built-in id without defining it.
  // The CJK ids 27-36 and 50-58 show as its short date (32-35 as a time), not as zh-CN Excel's codes.
  switch (id) {
    case 0: return "General";
    case 1: return "0";
    case 2: return "0.00";
    case 3: return "#,##0";
    case 4: return "#,##0.00";
    case 5: return "\"$\"#,##0_);(\"$\"#,##0)";
    case 6: return "\"$\"#,##0_);[Red](\"$\"#,##0)";
    case 7: return "\"$\"#,##0.00_);(\"$\"#,##0.00)";
    case 8: return "\"$\"#,##0.00_);[Red](\"$\"#,##0.00)";
    case 9: return "0%";
    case 10: return "0.00%";
    case 11: return "0.00E+00";
    case 12: return "# ?/?";
    case 13: return "# ?\?/?\?";
    case 14: return "m/d/yyyy";
    case 15: return "d-mmm-yy";
    case 16: return "d-mmm";
    case 17: return "mmm-yy";
    case 18: return "h:mm AM/PM";
    case 19: return "h:mm:ss AM/PM";
    case 20: return "h:mm";
    case 21: return "h:mm:ss";
    case 22: return "m/d/yyyy h:mm";
    case 23: case 24: case 25: case 26: return "General";
    case 27: case 28: case 29: case 30: case 31: return "m/d/yyyy";
    case 32: case 33: case 34: case 35: return "h:mm:ss";
    case 36: return "m/d/yyyy";
    case 37: return "#,##0_);(#,##0)";
    case 38: return "#,##0_);[Red](#,##0)";
    case 39: return "#,##0.00_);(#,##0.00)";
    case 40: return "#,##0.00_);[Red](#,##0.00)";
    case 41: return "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)";
    case 42: return "_(\"$\"* #,##0_);_(\"$\"* (#,##0);_(\"$\"* \"-\"_);_(@_)";
    case 43: return "_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"??_);_(@_)";
    case 44: return "_(\"$\"* #,##0.00_);_(\"$\"* (#,##0.00);_(\"$\"* \"-\"??_);_(@_)";
    case 45: return "mm:ss";
    case 46: return "[h]:mm:ss";
    case 47: return "mm:ss.0";
    case 48: return "##0.0E+0";
    case 49: return "@";
    case 50: case 51: case 52: case 53: case 54: case 55: case 56: case 57: case 58: return "m/d/yyyy";
    default: return {};
  }
}

}  // namespace jixiao

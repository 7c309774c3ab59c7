// A section and a value -> the text shown: digits with grouping, decimals and exponent; fractions;
// dates and times with English or Chinese names; text through a text section.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "readers/number_digits.h"
#include "readers/number_format_internal.h"
#include "readers/workbook.h"

namespace jixiao {

using namespace numfmt;  // NOLINT: this unit is numfmt's own

namespace {

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

// Japanese eras from their first day, newest first: full name, one kanji, Latin letter.
struct Era {
  CivilDate first;
  const char* name;
  const char* kanji;
  const char* letter;
};
const Era kJapaneseEras[] = {{{2019, 5, 1}, "令和", "令", "R"},
                             {{1989, 1, 8}, "平成", "平", "H"},
                             {{1926, 12, 25}, "昭和", "昭", "S"},
                             {{1912, 7, 30}, "大正", "大", "T"},
                             {{1868, 1, 1}, "明治", "明", "M"}};

bool on_or_after(const CivilDate& d, const CivilDate& first) {
  if (d.year != first.year) return d.year > first.year;
  if (d.month != first.month) return d.month > first.month;
  return d.day >= first.day;
}

const Era& japanese_era(const CivilDate& d) {
  for (const Era& e : kJapaneseEras)
    if (on_or_after(d, e.first)) return e;
  return kJapaneseEras[4];
}

// ggg / gg / g: the era's name ([$-411] Japanese eras, [$-404] the 中華民國 calendar).
std::string era_name(uint16_t lang, const CivilDate& d, int letters) {
  if (lang == 0x404) return letters >= 3 ? "中華民國" : "民國";
  const Era& e = japanese_era(d);
  return letters >= 3 ? e.name : letters == 2 ? e.kanji : e.letter;
}

// e / ee: the year within the era.
int era_year(uint16_t lang, const CivilDate& d) {
  if (lang == 0x404) return d.year - 1911;
  return d.year - japanese_era(d).first.year + 1;
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
      case T::Text: case T::General: out += text; break;  // "…;General" as the text section shows the text
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
  if (!(a < 1e15)) {  // no fraction left to show, and the integer would not fit the digits below
    general_in_format(v, out);
    return;
  }
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
      case T::Era: out += era_name(lang, date, t.n); break;
      case T::EraYear: append_uint(static_cast<uint64_t>(std::max(era_year(lang, date), 0)), out, t.n >= 2 ? 2 : 1); break;
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
        // A double holds no more than 15 digits of a fraction: the rest of a longer ".000…" is zeros.
        const int digits = std::min<int>(t.n, 15);
        double scale = pow10i(digits);
        double d = std::floor(sec_fraction * scale + 0.5);
        if (d >= scale) d = scale - 1;
        append_uint(static_cast<uint64_t>(d), out, digits);
        out.append(static_cast<size_t>(t.n - digits), '0');
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

}  // namespace jixiao

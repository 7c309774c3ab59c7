// A date or time section and a serial -> the text shown: the calendar of either date system, the
// clock as LibreOffice rounds it, elapsed time, English and Chinese names, Japanese and 民國 eras
// (see number_format_dates.h).
#include "readers/number_format_dates.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "readers/number_digits.h"
#include "readers/workbook.h"

namespace jixiao::numfmt {

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

void render_date(const Section& sec, double v, bool date1904, bool show_sign, std::string& out) {
  const double null_shift = date1904 ? -24107.0 : -25569.0;  // LibreOffice's calendar counts from 1970
  int frac_digits = sec.sec_digits;
  unsigned hour = 0, minute = 0, second = 0;
  double sec_fraction = 0;
  uint64_t total = 0;  // elapsed: the rounded whole seconds
  bool neg = false;
  double day_value = v;
  if (sec.elapsed) {
    double t = lo_round(std::fabs(v) * 86400.0, frac_digits);
    neg = v < 0 && show_sign && t != 0;
    total = t > 1.8e19 ? 0 : static_cast<uint64_t>(t);
    sec_fraction = t - static_cast<double>(total);
    if (sec.elapsed == 1) {
      hour = static_cast<unsigned>(total / 3600);
      minute = static_cast<unsigned>(total % 3600 / 60);
      second = static_cast<unsigned>(total % 60);
    } else if (sec.elapsed == 2) {
      minute = static_cast<unsigned>(total / 60);
      second = static_cast<unsigned>(total % 60);
    } else {
      second = static_cast<unsigned>(total);
    }
  } else if (sec.has_time) {
    double clock_value = v;
    if (sec.has_date) {
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
  if (sec.has_date) {
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
  for (const Tok& t : sec.toks) {
    switch (t.t) {
      case T::Lit: out += t.s; break;
      case T::Year2: append_uint(static_cast<uint64_t>(((date.year % 100) + 100) % 100), out, 2); break;
      case T::Year4: append_uint(static_cast<uint64_t>(std::max(date.year, 0)), out); break;
      case T::Era: out += era_name(sec.lang, date, t.n); break;
      case T::EraYear: append_uint(static_cast<uint64_t>(std::max(era_year(sec.lang, date), 0)), out, t.n >= 2 ? 2 : 1); break;
      case T::Mon: append_uint(static_cast<uint64_t>(date.month), out); break;
      case T::Mon2: append_uint(static_cast<uint64_t>(date.month), out, 2); break;
      case T::MonAbbr: out += sec.zh ? kMonAbbrZh[mi] : kMonAbbrEn[mi]; break;
      case T::MonFull: out += sec.zh ? kMonFullZh[mi] : kMonFullEn[mi]; break;
      case T::MonLetter: {
        const char* full = sec.zh ? kMonFullZh[mi] : kMonFullEn[mi];
        out.append(full, utf8_len(static_cast<unsigned char>(full[0])));
        break;
      }
      case T::Day: append_uint(static_cast<uint64_t>(std::max(date.day, 0)), out); break;
      case T::Day2: append_uint(static_cast<uint64_t>(std::max(date.day, 0)), out, 2); break;
      case T::DayAbbr: out += sec.zh ? kDayAbbrZh[weekday] : kDayAbbrEn[weekday]; break;
      case T::DayFull: out += sec.zh ? kDayFullZh[weekday] : kDayFullEn[weekday]; break;
      case T::Hour: append_uint(sec.ampm ? h12 : hour, out); break;
      case T::Hour2: append_uint(sec.ampm ? h12 : hour, out, 2); break;
      case T::Min: append_uint(minute, out); break;
      case T::Min2: append_uint(minute, out, 2); break;
      case T::Sec: append_uint(second, out); break;
      case T::Sec2: append_uint(second, out, 2); break;
      case T::ElH: append_uint(sec.elapsed == 1 ? hour : 0, out, t.n); break;
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
        if (t.c == 'z' || sec.zh) out += hour < 12 ? "上午" : "下午";
        else out += hour < 12 ? "AM" : "PM";
        break;
      case T::AP: out += hour < 12 ? 'a' : 'p'; break;
      default: break;
    }
  }
}

}  // namespace jixiao::numfmt

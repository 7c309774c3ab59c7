// A parsed section of a number format: its tokens and what they mean, and the step that gives the
// tokens their roles (digits, grouping, fractions, the clock). Internal to the number-format units
// (not installed), each with its own header:
//   number_format.h          the public API: picking the section, General, the built-in ids
//   number_format_parse.h    code -> sections of tokens (quotes, brackets, placeholders, dates)
//   number_format_section.h  a section's tokens -> their roles (this header)
//   number_format_render.h   a number section + a value -> digits, fractions; a text section
//   number_format_dates.h    a date section + a serial -> dates and times, names and eras
//   chinese_numerals.h       [DBNumN]: digits rewritten as Chinese numerals
//   number_digits.h          decimal digits and LibreOffice's rounding
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/ascii.h"
#include "readers/number_format.h"

namespace jixiao::numfmt {

// ---- tokens --------------------------------------------------------------------------------

enum class T : uint8_t {
  Lit,
  Int, Frac, ExpDigit, FNum, FDen,  // digit placeholders by role; c is '0', '#' or '?'
  Point, Comma, Percent, Exp, Slash, Text, General,
  Year2, Year4, Era, EraYear, Mon, Mon2, MonAbbr, MonFull, MonLetter, Day, Day2, DayAbbr, DayFull,
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

inline bool is_date_tok(T t) { return t >= T::Year2 && t <= T::ElS; }

inline size_t utf8_len(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 6) return 2;
  if ((c >> 4) == 14) return 3;
  if ((c >> 3) == 30) return 4;
  return 1;
}

inline bool iequal(std::string_view a, std::string_view b) { return ascii_iequal(a, b); }
inline char lower(char c) { return ascii_lower(c); }

// Appends literal text, joined to a literal before it.
void add_lit(std::vector<Tok>& toks, std::string_view s);
void add(std::vector<Tok>& toks, T t, char c = 0, uint16_t n = 0);

}  // namespace jixiao::numfmt

namespace jixiao {

// ---- a parsed section ----------------------------------------------------------------------
// Filled by tokenize (number_format_parse.h) and finish_section (below); read by render_number and
// render_text (number_format_render.h) and render_date (number_format_dates.h).

struct NumberFormat::Section {
  enum class Kind : uint8_t { Number, General, Date, Text, Empty };
  Kind kind = Kind::Number;
  std::vector<numfmt::Tok> toks;
  numfmt::Op op = numfmt::Op::None;
  double limit = 0;
  bool zh = false;  // Chinese month/day names and 上午/下午 ([$-804] and the other zh locales)
  uint16_t lang = 0;  // the language of a [$-xxxx] locale (0x411 Japanese, 0x404 Taiwan): eras
  uint8_t dbnum = 0;  // [DBNum1] 一十二, [DBNum2] 壹拾贰, [DBNum3] full-width digits

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
};

}  // namespace jixiao

namespace jixiao::numfmt {

using Section = NumberFormat::Section;

// Assigns the tokens their roles and the section its kind.
void finish_section(Section& sec);

}  // namespace jixiao::numfmt

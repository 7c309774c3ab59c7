// The pieces of a parsed number format shared by its units (not installed):
//   number_format_parse.cpp     code -> sections of tokens (quotes, brackets, placeholders, dates)
//   number_format_sections.cpp  a section's tokens -> their roles (digits, grouping, fractions, clock)
//   number_format_render.cpp    a section + a value -> the text shown
//   number_format.cpp           picking the section, General, the built-in ids
//   number_digits.cpp           decimal digits and LibreOffice's rounding
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

bool check(Op op, double lim, double v, int& result);
// [DBNumN]: rewrites the ASCII digits written from `from` on as Chinese numerals (N = 1, 2, 3).
void to_chinese_numerals(std::string& out, size_t from, int kind);

// What [$-xxx] and [DBNumN] ask for beyond the tokens.
struct ParseState {
  bool sys_long_date = false;
  bool sys_time = false;
};

void add_lit(std::vector<Tok>& toks, std::string_view s);
void add(std::vector<Tok>& toks, T t, char c = 0, uint16_t n = 0);

}  // namespace jixiao::numfmt

namespace jixiao {

// ---- a parsed section ----------------------------------------------------------------------

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

  void render_number(double v, bool show_sign, std::string& out) const;
  void render_fraction(double v, bool show_sign, std::string& out) const;
  void render_date(double v, bool date1904, bool show_sign, std::string& out) const;
  void render_text(std::string_view text, std::string& out) const;
  void render_literals(std::string& out) const;
};

}  // namespace jixiao

namespace jixiao::numfmt {

using Section = NumberFormat::Section;

// Splits a code at ';' outside quotes, brackets and escapes.
std::vector<std::string_view> split_sections(std::string_view code);
// One section's text -> tokens.
void tokenize(std::string_view s, Section& sec, ParseState& ps);
// Assigns the tokens their roles and the section its kind.
void finish_section(Section& sec);

}  // namespace jixiao::numfmt

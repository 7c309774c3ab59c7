// Excel number formats shown the way LibreOffice 7.4 shows them (its formatted CSV export is the
// oracle; tests/fixtures/make_number_format_cases.py records what it shows), except where Excel and
// LibreOffice differ and the difference is written down in tests/fixtures/LO_CSV_NOTES.md.
// This unit picks the section for a value, shows General and knows the built-in ids; parsing,
// roles, rendering and digits live in the number_format_* and number_digits units.
#include "readers/number_format.h"

#include <cmath>
#include <string_view>

#include "readers/number_digits.h"
#include "readers/number_format_internal.h"

namespace jixiao {

namespace numfmt {

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

namespace {

// Digits of [DBNum1] (lower case, 〇 for zero) and [DBNum2] (financial upper case, 零).
const char* const kLowerDigits[10] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
const char* const kUpperDigits[10] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
const char* const kLowerUnits[4] = {"", "十", "百", "千"};
const char* const kUpperUnits[4] = {"", "拾", "佰", "仟"};
const char* const kGroupUnits[4] = {"", "万", "亿", "兆"};

// An integer's digits read out with units, in groups of four from the right (万, 亿): a run of
// zeros between digits is one zero (1001 一千〇一, 100010 一十万〇一十), trailing zeros say nothing;
// 10 is 一十, as Excel and LibreOffice write it.
void integer_words(std::string_view digits, bool upper, std::string& out) {
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  const char* const* names = upper ? kUpperDigits : kLowerDigits;
  if (digits.size() > 16) {  // past 兆: digit by digit
    for (char c : digits) out += names[c - '0'];
    return;
  }
  if (digits == "0") {
    out += names[0];
    return;
  }
  const char* const* units = upper ? kUpperUnits : kLowerUnits;
  bool zero = false, group_has = false;
  for (size_t i = 0; i < digits.size(); ++i) {
    const size_t place = digits.size() - 1 - i;
    const int d = digits[i] - '0';
    if (d == 0) {
      zero = true;
    } else {
      if (zero) out += names[0];
      zero = false;
      out += names[d];
      out += units[place % 4];
      group_has = true;
    }
    if (place % 4 == 0) {
      if (group_has) out += kGroupUnits[place / 4];
      group_has = false;
    }
  }
}

}  // namespace

// Rewrites the digits a section wrote from `from` on: [DBNum1] 12323 -> 一万二千三百二十三 and
// 123.45 -> 一百二十三．四五, [DBNum2] 壹万贰仟叁佰贰拾叁 and 壹佰贰拾叁点肆伍, [DBNum3] full-width
// digits (１２３２３). Grouping commas between digits are dropped, as LibreOffice does.
void to_chinese_numerals(std::string& out, size_t from, int kind) {
  std::string result(out, 0, from);
  size_t i = from;
  while (i < out.size()) {
    if (out[i] < '0' || out[i] > '9') {
      result += out[i++];
      continue;
    }
    std::string int_digits;
    while (i < out.size() && ((out[i] >= '0' && out[i] <= '9') ||
                              (out[i] == ',' && i + 1 < out.size() && out[i + 1] >= '0' && out[i + 1] <= '9'))) {
      if (out[i] != ',') int_digits += out[i];
      ++i;
    }
    std::string frac_digits;
    if (i + 1 < out.size() && out[i] == '.' && out[i + 1] >= '0' && out[i + 1] <= '9') {
      ++i;
      while (i < out.size() && out[i] >= '0' && out[i] <= '9') frac_digits += out[i++];
    }
    if (kind == 3) {
      for (char c : int_digits) result += "\xEF\xBC" + std::string(1, static_cast<char>(0x90 + (c - '0')));
      if (!frac_digits.empty()) result += "．";
      for (char c : frac_digits) result += "\xEF\xBC" + std::string(1, static_cast<char>(0x90 + (c - '0')));
      continue;
    }
    const bool upper = kind == 2;
    integer_words(int_digits, upper, result);
    if (!frac_digits.empty()) {
      result += upper ? "点" : "．";
      for (char c : frac_digits) result += (upper ? kUpperDigits : kLowerDigits)[c - '0'];
    }
  }
  out.swap(result);
}

}  // namespace numfmt

using namespace numfmt;  // NOLINT: this unit is numfmt's own

size_t NumberFormat::pick(double v) const {
  int c = 0;
  check(sections_[0]->op, sections_[0]->limit, v, c);
  if (c != 0) return 0;
  Op op2 = numeric_sections_ > 1 ? sections_[1]->op : Op::None;
  double l2 = numeric_sections_ > 1 ? sections_[1]->limit : 0;
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
  const double stored = value;
  size_t ix = pick(value);
  if (value < 0 && ((ix == 0 && first_negative_) || (ix == 1 && second_negative_))) value = -value;
  if (ix >= numeric_sections_) {
    general_in_format(value, out);
    return;
  }
  const Section& s = *sections_[ix];
  const size_t start = out.size();
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
      break;
    case Section::Kind::Date:
      if (!std::isfinite(value)) {
        general_in_format(value, out);
        return;
      }
      // Excel has no date before its epoch (in the 1900 system) nor after 9999-12-31 and fills
      // such a cell with #; LibreOffice shows a proleptic date or #FMT (LO_CSV_NOTES.md).
      if ((stored < 0 && !date1904) || std::fabs(stored) >= (date1904 ? 2957004.0 : 2958466.0)) {
        out += "####";
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
      break;
  }
  if (s.dbnum) to_chinese_numerals(out, start, s.dbnum);
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

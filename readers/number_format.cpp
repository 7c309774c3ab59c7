// Excel number formats shown the way LibreOffice 7.4 shows them (its formatted CSV export is the
// oracle; tests/fixtures/make_number_format_cases.py records what it shows), except where Excel and
// LibreOffice differ and the difference is written down in tests/fixtures/LO_CSV_NOTES.md.
// This unit picks the section for a value, shows General and knows the built-in ids; parsing,
// roles, rendering, dates, Chinese numerals and digits have their own units (number_format_section.h
// lists them).
#include "readers/number_format.h"

#include <cmath>
#include <string_view>

#include "readers/chinese_numerals.h"
#include "readers/number_digits.h"
#include "readers/number_format_dates.h"
#include "readers/number_format_render.h"
#include "readers/number_format_section.h"

namespace jixiao {

namespace numfmt {

namespace {

// Whether a section condition holds for v; result -1 when the section has none.
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

}  // namespace

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
      render_date(s, value, date1904, ix == 0, out);
      return;
    case Section::Kind::Number:
      if (std::isinf(value)) {
        general_in_format(value, out);
        return;
      }
      render_number(s, value, ix == 0, out);
      break;
  }
  if (s.dbnum) to_chinese_numerals(out, start, s.dbnum);
}

void NumberFormat::format_text(std::string_view text, std::string& out) const {
  if (text_section_ >= sections_.size()) {
    out += text;
    return;
  }
  render_text(*sections_[text_section_], text, out);
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

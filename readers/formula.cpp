// Evaluation of parsed formulas with Excel's semantics (coercions, error propagation, number to
// text) and the public entry points. Syntax lives in formula_parser.cpp.
//
// Where Excel's behaviour could not be pinned down (text that Excel would read as a date or with
// thousands separators, ordering of text with punctuation or non-ASCII letters, AND("TRUE")), the
// result is "unsupported" rather than a guess.
#include "readers/formula.h"

#include "core/ascii.h"

#include <algorithm>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "readers/formula_parser.h"
#include "readers/workbook.h"

namespace jixiao::formula {
namespace {

using detail::Func;
using detail::Node;
using detail::Op;

struct Unsupported {
  std::string reason;
};

const Value kDiv0 = Value::error("#DIV/0!");
const Value kValueErr = Value::error("#VALUE!");
const Value kNum = Value::error("#NUM!");

// A finished number: Excel has no infinities, NaN or negative zero.
Value number(double x) {
  if (!std::isfinite(x)) return kNum;
  if (x == 0) x = 0;
  return Value::num(x);
}

// ---- numbers and text -------------------------------------------------------------------------

// LibreOffice's rtl::math::approxEqual: equal within 2^-48 relative, what Excel's 15 digits need.
bool approx_equal(double a, double b) {
  if (a == b) return true;
  if (a == 0 || b == 0) return false;
  double d = std::fabs(a - b);
  return d < std::fabs(a) * 0x1p-48 && d < std::fabs(b) * 0x1p-48;
}
double approx_add(double a, double b) {
  if (((a < 0 && b > 0) || (a > 0 && b < 0)) && approx_equal(a, -b)) return 0;
  return a + b;
}
double approx_sub(double a, double b) {
  if (((a < 0 && b < 0) || (a > 0 && b > 0)) && approx_equal(a, b)) return 0;
  return a - b;
}

// |x| (finite, non-zero) as `digits` significant decimal digits, rounded half away from zero
// from the exact binary value: value = d[0].d[1]d[2]... * 10^exp.
struct Decimal {
  std::string digits;
  int exp = 0;
};
Decimal decimal(double x, int digits) {
  // 770 digits after the point hold every double exactly, so the digit after the last kept one
  // is exact and "round half up" needs nothing more.
  char buf[800];
  auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(x), std::chars_format::scientific, 770);
  std::string_view s(buf, static_cast<size_t>(res.ptr - buf));
  size_t e = s.find('e');
  std::string all(1, s[0]);
  all.append(s.substr(2, e - 2));
  int exp = 0;
  size_t k = e + 1;
  bool neg = s[k] == '-';
  if (s[k] == '-' || s[k] == '+') ++k;
  for (; k < s.size(); ++k) exp = exp * 10 + (s[k] - '0');
  if (neg) exp = -exp;
  Decimal d{all.substr(0, static_cast<size_t>(digits)), exp};
  if (all[static_cast<size_t>(digits)] >= '5') {
    int i = digits - 1;
    while (i >= 0 && d.digits[static_cast<size_t>(i)] == '9') d.digits[static_cast<size_t>(i--)] = '0';
    if (i < 0) {
      d.digits.assign(static_cast<size_t>(digits), '0');  // 99.9 -> 100: a one and zeros
      d.digits[0] = '1';
      ++d.exp;
    } else {
      ++d.digits[static_cast<size_t>(i)];
    }
  }
  return d;
}

// Excel's number to text (the General format, as & and text functions use it): 15 significant
// digits (14 beyond E+99/E-99), scientific notation when the plain form would need more than 20
// characters. Measured rules as documented by Apache POI's NumberToTextConverter.
std::string number_text(double x) {
  if (x == 0 || std::fabs(x) < DBL_MIN || !std::isfinite(x)) return "0";
  Decimal d = decimal(x, 15);
  if (d.exp > 98 || d.exp < -98) d = decimal(x, 14);
  while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
  const std::string& g = d.digits;
  size_t n = g.size();
  std::string out = x < 0 ? "-" : "";
  bool scientific = d.exp >= 0 ? d.exp + 1 > 20 : static_cast<size_t>(2 - d.exp - 1) + n > 20;
  if (scientific) {
    out += g[0];
    if (n > 1) out.append(1, '.').append(g, 1);
    int a = std::abs(d.exp);
    out += d.exp < 0 ? "E-" : "E+";
    if (a < 10) out += '0';
    out += std::to_string(a);
  } else if (d.exp >= 0) {
    auto int_digits = static_cast<size_t>(d.exp + 1);
    if (n <= int_digits) {
      out += g + std::string(int_digits - n, '0');
    } else {
      out += g.substr(0, int_digits) + "." + g.substr(int_digits);
    }
  } else {
    out += "0." + std::string(static_cast<size_t>(-d.exp - 1), '0') + g;
  }
  return out;
}

// ROUND(x, places): half away from zero, on x taken at 15 significant digits (so 2.675 -> 2.68).
double round_excel(double x, double places) {
  if (x == 0 || !std::isfinite(x)) return x;
  double p = std::trunc(places);
  if (p > 400) return x;
  if (p < -400) return 0;
  int n = static_cast<int>(p);
  Decimal d = decimal(x, 15);
  int keep = d.exp + n + 1;  // significant digits left of the rounding position
  std::string mant;
  if (keep >= 15) {
    mant = d.digits;
    n = 14 - d.exp;
  } else if (keep < 0) {
    return 0;
  } else {
    mant = keep == 0 ? "0" : d.digits.substr(0, static_cast<size_t>(keep));
    if (d.digits[static_cast<size_t>(keep)] >= '5') {
      int i = static_cast<int>(mant.size()) - 1;
      while (i >= 0 && mant[static_cast<size_t>(i)] == '9') mant[static_cast<size_t>(i--)] = '0';
      if (i < 0) mant.insert(mant.begin(), '1');
      else ++mant[static_cast<size_t>(i)];
    }
  }
  std::string text = (x < 0 ? "-" : "") + mant + "e" + std::to_string(-n);
  double r = 0;
  std::from_chars(text.data(), text.data() + text.size(), r);
  return r;
}

bool has_digit(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') return true;
    // Full-width digits U+FF10..U+FF19 (EF BC 90..99), which Excel may read as digits.
    if (static_cast<unsigned char>(s[i]) == 0xEF && i + 2 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0xBC && static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
        static_cast<unsigned char>(s[i + 2]) <= 0x99)
      return true;
  }
  return false;
}

// Text used as a number. Excel reads text the way it reads typed input: besides plain numbers
// that covers dates, times, currency, thousands separators and fractions, all depending on the
// locale. Plain numbers (with an optional trailing %) are converted; text without any digit gives
// #VALUE!; anything else is unsupported.
bool text_number(std::string_view s, double& out) {
  size_t b = 0, e = s.size();
  while (b < e && s[b] == ' ') ++b;
  while (e > b && s[e - 1] == ' ') --e;
  std::string_view t = s.substr(b, e - b);
  bool percent = !t.empty() && t.back() == '%';
  if (percent) t.remove_suffix(1);
  bool neg = false;
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
    neg = t[0] == '-';
    t.remove_prefix(1);
  }
  size_t i = 0, digits = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
  }
  if (digits > 0 && i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    size_t k = i + 1;
    if (k < t.size() && (t[k] == '+' || t[k] == '-')) ++k;
    size_t start = k;
    while (k < t.size() && t[k] >= '0' && t[k] <= '9') ++k;
    if (k > start) i = k;
  }
  if (digits > 0 && i == t.size()) {
    double v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec == std::errc() && p == t.data() + t.size() && std::isfinite(v)) {
      out = (neg ? -v : v) / (percent ? 100 : 1);
      return true;
    }
  }
  if (has_digit(s)) {
    throw Unsupported{"无法确定文本 \"" + detail::excerpt(s) + "\" 转为数字的结果"};
  }
  return false;
}

// The value as a number, or false with err set (#VALUE! or the error itself).
bool as_number(const Value& v, double& out, Value& err) {
  switch (v.kind) {
    case Value::Kind::Empty: out = 0; return true;
    case Value::Kind::Number: out = v.number; return true;
    case Value::Kind::Boolean: out = v.number != 0 ? 1 : 0; return true;
    case Value::Kind::Error: err = v; return false;
    case Value::Kind::String:
      if (text_number(v.text, out)) return true;
      err = kValueErr;
      return false;
  }
  return false;
}

// IF's condition: numbers, booleans, empty, and the texts TRUE/FALSE.
bool as_bool(const Value& v, bool& out, Value& err) {
  switch (v.kind) {
    case Value::Kind::Empty: out = false; return true;
    case Value::Kind::Number:
    case Value::Kind::Boolean: out = v.number != 0; return true;
    case Value::Kind::Error: err = v; return false;
    case Value::Kind::String:
      if (ascii_iequal(v.text, "TRUE") || ascii_iequal(v.text, "FALSE")) {
        out = ascii_iequal(v.text, "TRUE");
        return true;
      }
      err = kValueErr;
      return false;
  }
  return false;
}

std::string as_text(const Value& v) {
  switch (v.kind) {
    case Value::Kind::Number: return number_text(v.number);
    case Value::Kind::Boolean: return v.number != 0 ? "TRUE" : "FALSE";
    case Value::Kind::String: return v.text;
    default: return {};
  }
}

// Length in UTF-16 units, as Excel counts (its limit for a text is 32767).
size_t utf16_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
    if (c >= 0xF0) ++n;
  }
  return n;
}

// ---- text comparison ----------------------------------------------------------------------

// Decodes UTF-8; invalid bytes become 0xFFFFFFFF.
std::u32string code_points(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) {
      out += static_cast<char32_t>(0xFFFFFFFF);
      ++i;
      continue;
    }
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    bool ok = true;
    for (size_t k = 1; k < n; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      ok = ok && (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3F);
    }
    out += ok ? cp : static_cast<char32_t>(0xFFFFFFFF);
    i += ok ? n : 1;
  }
  return out;
}

// Characters whose only possible Excel equivalences are ASCII case and full-width/half-width:
// ASCII, CJK (ideographs, radicals, punctuation, Hangul), full-width forms, and caseless
// punctuation and symbols (Latin-1 punctuation, ×, ÷, general punctuation, arrows, maths,
// circled digits, box drawing, shapes, dingbats).
bool known_char(char32_t c) {
  return c < 0x80 || (c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x206F) ||
         (c >= 0x2190 && c <= 0x23FF) || (c >= 0x2460 && c <= 0x24B5) || (c >= 0x2500 && c <= 0x27BF) ||
         (c >= 0x2E80 && c <= 0x303F) || (c >= 0x3100 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF01 && c <= 0xFF5E) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}
char32_t loosest(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
  if (c == 0x3000) c = ' ';
  if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
  return c;
}

// Text equality as Excel's = does it: case-insensitive.
bool text_equal(std::string_view a, std::string_view b) {
  if (ascii_iequal(a, b)) return true;
  auto x = code_points(a), y = code_points(b);
  bool known = true;
  for (char32_t c : x) known = known && known_char(c);
  for (char32_t c : y) known = known && known_char(c);
  if (known) {
    // Unequal even when width is ignored as well: unequal whatever Excel's rule.
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i)
      if (loosest(x[i]) != loosest(y[i])) return false;
  }
  throw Unsupported{"无法确定文本 \"" + detail::excerpt(a) + "\" 与 \"" + detail::excerpt(b) +
                    "\" 是否相等"};
}

// Text order: Excel sorts by the locale's collation; only letters, digits and spaces (where the
// collation agrees with case-insensitive ASCII order) are compared here.
int text_order(std::string_view a, std::string_view b) {
  if (ascii_iequal(a, b)) return 0;
  if (a.empty()) return -1;
  if (b.empty()) return 1;
  auto simple = [](std::string_view s) {
    for (char c : s)
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ')) return false;
    return true;
  };
  if (!simple(a) || !simple(b))
    throw Unsupported{"不支持比较文本大小 \"" + detail::excerpt(a) + "\" 与 \"" + detail::excerpt(b) + "\""};
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() < b.size() ? -1 : 1;
}

int rank(const Value& v) {
  switch (v.kind) {
    case Value::Kind::String: return 1;
    case Value::Kind::Boolean: return 2;
    default: return 0;
  }
}

// Neither is an error. Numbers < text < booleans; empty is 0, "" or FALSE by the other side.
Value compare(Op op, Value a, Value b) {
  auto blank_like = [](const Value& other) {
    switch (other.kind) {
      case Value::Kind::String: return Value::str("");
      case Value::Kind::Boolean: return Value::boolean(false);
      default: return Value::num(0);
    }
  };
  if (a.kind == Value::Kind::Empty) a = blank_like(b);
  if (b.kind == Value::Kind::Empty) b = blank_like(a);
  int c;
  bool equality = op == Op::Eq || op == Op::Ne;
  if (rank(a) != rank(b)) {
    c = rank(a) < rank(b) ? -1 : 1;
  } else if (a.kind == Value::Kind::String) {
    c = equality ? (text_equal(a.text, b.text) ? 0 : 1) : text_order(a.text, b.text);
  } else {
    double x = a.kind == Value::Kind::Boolean ? (a.number != 0) : a.number;
    double y = b.kind == Value::Kind::Boolean ? (b.number != 0) : b.number;
    c = approx_equal(x, y) ? 0 : x < y ? -1 : 1;
  }
  switch (op) {
    case Op::Eq: return Value::boolean(c == 0);
    case Op::Ne: return Value::boolean(c != 0);
    case Op::Lt: return Value::boolean(c < 0);
    case Op::Le: return Value::boolean(c <= 0);
    case Op::Gt: return Value::boolean(c > 0);
    default: return Value::boolean(c >= 0);
  }
}

Value binary(Op op, const Value& a, const Value& b) {
  if (a.kind == Value::Kind::Error) return a;
  if (b.kind == Value::Kind::Error) return b;
  switch (op) {
    case Op::Concat: {
      std::string s = as_text(a) + as_text(b);
      if (utf16_length(s) > 32767) return kValueErr;
      return Value::str(std::move(s));
    }
    case Op::Eq: case Op::Ne: case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge:
      return compare(op, a, b);
    default: break;
  }
  double x = 0, y = 0;
  Value err;
  if (!as_number(a, x, err) || !as_number(b, y, err)) return err;
  switch (op) {
    case Op::Add: return number(approx_add(x, y));
    case Op::Sub: return number(approx_sub(x, y));
    case Op::Mul: return number(x * y);
    case Op::Div: return y == 0 ? kDiv0 : number(x / y);
    case Op::Pow:
      if (x == 0 && y == 0) return kNum;
      if (x == 0 && y < 0) return kDiv0;
      if (x < 0 && y != std::trunc(y)) return kNum;
      return number(std::pow(x, y));
    default: return kValueErr;
  }
}

// ---- the evaluator ------------------------------------------------------------------------

class Evaluator {
 public:
  explicit Evaluator(Context& ctx) : ctx_(ctx) {}

  Value eval(const Node& n) {
    switch (n.kind) {
      case Node::Kind::Number: return Value::num(n.number);
      case Node::Kind::String: return Value::str(n.text);
      case Node::Kind::Bool: return Value::boolean(n.number != 0);
      case Node::Kind::Error: return Value::error(n.text);
      case Node::Kind::Missing: return Value::num(0);
      case Node::Kind::Ref:
        if (!n.single) throw Unsupported{"不支持把区域 " + n.text + " 当作单个值"};
        return ctx_.cell(n.sheet, n.range.first);
      case Node::Kind::Unary: {
        Value v = eval(n.kids[0]);
        for (size_t i = n.text.size(); i-- > 0;) {
          if (n.text[i] != '-') continue;  // unary plus changes nothing, not even the type
          double x = 0;
          Value err;
          if (!as_number(v, x, err)) return err;
          v = number(-x);
        }
        return v;
      }
      case Node::Kind::Percent: {
        Value v = eval(n.kids[0]);
        double x = 0;
        Value err;
        if (!as_number(v, x, err)) return err;
        for (double i = 0; i < n.number; ++i) x /= 100;
        return number(x);
      }
      case Node::Kind::Chain: {
        Value acc = eval(n.kids[0]);
        size_t units = 0;  // UTF-16 length of acc while a run of & builds it in place
        bool building = false;
        for (size_t i = 0; i < n.ops.size(); ++i) {
          if (acc.kind == Value::Kind::Error) return acc;  // the left error wins anyway
          Value rhs = eval(n.kids[i + 1]);
          if (n.ops[i] != Op::Concat || rhs.kind == Value::Kind::Error) {
            acc = binary(n.ops[i], acc, rhs);
            building = false;
            continue;
          }
          // "a"&"b"&... appends in place rather than copying the growing text at every step.
          if (!building) {
            acc = Value::str(as_text(acc));
            units = utf16_length(acc.text);
            building = true;
          }
          std::string piece = as_text(rhs);
          units += utf16_length(piece);
          if (units > 32767) {
            acc = kValueErr;  // longer than an Excel cell can hold
            continue;
          }
          acc.text += piece;
        }
        return acc;
      }
      case Node::Kind::Call: return call(n);
    }
    return kValueErr;
  }

 private:
  // Feeds fn every value an argument stands for: each non-empty cell of a reference (from_ref),
  // or the argument's value. IF returns a reference when its chosen branch is one.
  template <class Fn>
  void visit(const Node& n, Fn&& fn) {
    if (n.kind == Node::Kind::Ref) {
      if (n.single) {
        fn(ctx_.cell(n.sheet, n.range.first), true);
      } else {
        ctx_.for_each_cell(n.sheet, n.range, [&](CellPos, const Value& v) { fn(v, true); });
      }
      return;
    }
    if (n.kind == Node::Kind::Call && n.func == Func::If) {
      bool cond = false;
      Value err;
      if (!as_bool(eval(n.kids[0]), cond, err)) return fn(err, false);
      if (cond) return visit(n.kids[1], fn);
      if (n.kids.size() > 2) return visit(n.kids[2], fn);
      return fn(Value::boolean(false), false);
    }
    fn(eval(n), false);
  }

  Value call(const Node& n) {
    switch (n.func) {
      case Func::Sum: case Func::Average: case Func::Min: case Func::Max: return numeric(n);
      case Func::Count: case Func::CountA: return count(n);
      case Func::And: case Func::Or: return logical(n);
      case Func::Round: case Func::Abs: {
        double x = 0, places = 0;
        Value err;
        if (!as_number(eval(n.kids[0]), x, err)) return err;
        if (n.func == Func::Abs) return number(std::fabs(x));
        if (!as_number(eval(n.kids[1]), places, err)) return err;
        return number(round_excel(x, places));
      }
      case Func::If: {
        bool cond = false;
        Value err;
        if (!as_bool(eval(n.kids[0]), cond, err)) return err;
        if (cond) return eval(n.kids[1]);
        if (n.kids.size() > 2) return eval(n.kids[2]);
        return Value::boolean(false);
      }
      case Func::Concatenate: {
        std::string s;
        for (const auto& k : n.kids) {
          Value v = eval(k);
          if (v.kind == Value::Kind::Error) return v;
          s += as_text(v);
          if (utf16_length(s) > 32767) return kValueErr;
        }
        return Value::str(std::move(s));
      }
      case Func::Hyperlink: {  // the cell shows the friendly name, else the link
        Value v = eval(n.kids.back());
        if (v.kind == Value::Kind::Empty) return Value::num(0);
        return v;
      }
      case Func::Rept: {
        Value text = eval(n.kids[0]);
        if (text.kind == Value::Kind::Error) return text;
        double times = 0;
        Value err;
        if (!as_number(eval(n.kids[1]), times, err)) return err;
        times = std::trunc(times);
        const std::string piece = as_text(text);
        // Excel's limit for a text is 32767 characters: past it REPT is #VALUE!, never a huge string.
        if (times < 0 || utf16_length(piece) * times > 32767) return kValueErr;
        std::string s;
        for (int i = 0; i < static_cast<int>(times); ++i) s += piece;
        return Value::str(std::move(s));
      }
      case Func::Len: {
        Value v = eval(n.kids[0]);
        if (v.kind == Value::Kind::Error) return v;
        return Value::num(static_cast<double>(utf16_length(as_text(v))));
      }
      case Func::Date: return date(n);
    }
    return kValueErr;
  }

  // DATE(year, month, day) as Excel computes it: years 0-1899 count from 1900, months and days
  // past their range roll over; before 1900-01-00 or after 9999-12-31 is #NUM!.
  Value date(const Node& n) {
    double y = 0, m = 0, d = 0;
    Value err;
    if (!as_number(eval(n.kids[0]), y, err) || !as_number(eval(n.kids[1]), m, err) ||
        !as_number(eval(n.kids[2]), d, err))
      return err;
    if (ctx_.date1904()) throw Unsupported{"不支持 1904 日期系统中的 DATE"};
    y = std::trunc(y);
    m = std::trunc(m);
    d = std::trunc(d);
    if (y < 0 || y > 9999 || std::fabs(m) > 1e6 || std::fabs(d) > 1e8) return kNum;
    if (y < 1900) y += 1900;
    // Month overflow into years, then the day counted from the first of that month.
    double months = y * 12 + (m - 1);
    int year = static_cast<int>(std::floor(months / 12));
    int month = static_cast<int>(months - year * 12.0) + 1;
    double first = date_serial(year, month);
    if (std::isnan(first)) return kNum;
    double serial = first + d - 1;
    if (serial < 0 || serial > 2958465) return kNum;
    return Value::num(serial);
  }

  // The 1900-system serial of the first of a month (Excel's fictitious 1900-02-29 included).
  static double date_serial(int year, int month) {
    if (year < 1900 || year > 9999) return std::nan("");
    return date_to_serial({year, month, 1}, false);
  }

  // SUM AVERAGE MIN MAX: numbers only inside references; values typed as arguments are coerced.
  Value numeric(const Node& n) {
    double sum = 0, lo = std::numeric_limits<double>::infinity(), hi = -lo;
    size_t count = 0;
    Value error;
    bool failed = false;
    auto take = [&](double x) {
      sum += x;
      lo = std::min(lo, x);
      hi = std::max(hi, x);
      ++count;
    };
    for (const auto& arg : n.kids) {
      visit(arg, [&](const Value& v, bool from_ref) {
        if (failed) return;
        if (v.kind == Value::Kind::Error) {
          failed = true;
          error = v;
        } else if (from_ref) {
          if (v.kind == Value::Kind::Number) take(v.number);
        } else {
          double x = 0;
          if (as_number(v, x, error)) take(x);
          else failed = true;
        }
      });
      if (failed) return error;
    }
    switch (n.func) {
      case Func::Sum: return number(sum);
      case Func::Average: return count == 0 ? kDiv0 : number(sum / static_cast<double>(count));
      case Func::Min: return number(count == 0 ? 0 : lo);
      default: return number(count == 0 ? 0 : hi);
    }
  }

  // COUNT: numbers (and, typed as arguments, booleans and numeric text); errors are not counted.
  // COUNTA: every non-empty cell, every argument value.
  Value count(const Node& n) {
    double c = 0;
    for (const auto& arg : n.kids) {
      visit(arg, [&](const Value& v, bool from_ref) {
        if (n.func == Func::CountA) {
          if (!from_ref || v.kind != Value::Kind::Empty) ++c;
          return;
        }
        if (v.kind == Value::Kind::Number) ++c;
        else if (from_ref) return;
        else if (v.kind == Value::Kind::Boolean) ++c;
        else if (v.kind == Value::Kind::String) {
          double x = 0;
          if (text_number(v.text, x)) ++c;
        }
      });
    }
    return Value::num(c);
  }

  // AND OR: booleans and numbers; text and empty cells in references are ignored.
  Value logical(const Node& n) {
    bool is_and = n.func == Func::And;
    bool acc = is_and, any = false, failed = false;
    Value error;
    for (const auto& arg : n.kids) {
      visit(arg, [&](const Value& v, bool from_ref) {
        if (failed) return;
        switch (v.kind) {
          case Value::Kind::Error:
            failed = true;
            error = v;
            return;
          case Value::Kind::Number:
          case Value::Kind::Boolean:
            any = true;
            acc = is_and ? (acc && v.number != 0) : (acc || v.number != 0);
            return;
          case Value::Kind::String:
            if (from_ref) return;
            if (ascii_iequal(v.text, "TRUE") || ascii_iequal(v.text, "FALSE"))
              throw Unsupported{std::string("不支持 ") + detail::func_name(n.func) + " 的文本参数 " +
                                detail::excerpt(v.text)};
            failed = true;
            error = kValueErr;
            return;
          case Value::Kind::Empty:
            return;
        }
      });
      if (failed) return error;
    }
    if (!any) return kValueErr;
    return Value::boolean(acc);
  }

  Context& ctx_;
};

}  // namespace

Result evaluate(std::string_view formula, int current_sheet, Context& ctx, ParseCache* cache) {
  Result r;
  detail::Parsed parsed;
  const detail::Node* root = nullptr;
  // A formula computed while a cached tree is being computed (a cell it refers to holds a formula)
  // parses on its own: taking a tree from the cache could re-point the references of the very tree
  // the outer formula is in the middle of.
  std::optional<detail::CacheInUse> in_use;
  if (cache && !detail::cache_in_use(cache->impl())) {
    root = detail::parse_cached(formula, current_sheet, ctx, cache->impl(), parsed);
    in_use.emplace(cache->impl());
  } else {
    parsed = detail::parse(formula, current_sheet, ctx);
    if (parsed.ok) root = &parsed.root;
  }
  if (!root) {
    r.reason = std::move(parsed.reason);
    return r;
  }
  try {
    Value v = Evaluator(ctx).eval(*root);
    if (v.kind == Value::Kind::Empty) v = Value::num(0);  // =A1 of an empty cell shows 0
    if (v.kind == Value::Kind::Number) v = number(v.number);
    r.supported = true;
    r.value = std::move(v);
  } catch (const Unsupported& u) {
    r.reason = u.reason;
  }
  return r;
}

}  // namespace jixiao::formula

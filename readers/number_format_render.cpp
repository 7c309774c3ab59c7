// A number section and a value -> the text shown: digits with grouping, decimals and exponent;
// fractions; literals; and text through a text section (see number_format_render.h).
#include "readers/number_format_render.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "readers/number_digits.h"

namespace jixiao::numfmt {

namespace {

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

void render_literals(const Section& sec, std::string& out) {
  for (const Tok& t : sec.toks) {
    if (t.t == T::Lit) out += t.s;
    else if (t.t == T::Percent) out += '%';
  }
}

void render_fraction(const Section& sec, double v, bool show_sign, std::string& out) {
  double a = std::fabs(v);
  if (sec.percent) a *= 100.0;
  if (!(a < 1e15)) {  // no fraction left to show, and the integer would not fit the digits below
    general_in_format(v, out);
    return;
  }
  double ip = sec.fraction_int ? std::floor(a) : 0;
  double f = a - ip;
  long long num = 0, den = 1;
  long long max_den = 1;
  if (sec.fixed_den <= 0) {
    for (int i = 0; i < sec.den_ph && max_den < 100000; ++i) max_den *= 10;
    max_den = std::max<long long>(max_den - 1, 1);
  }
  // A numerator past what a long long holds (a fraction without its integer part of a huge value, or
  // a huge fixed denominator): no fraction can show it.
  if (!(f * static_cast<double>(sec.fixed_den > 0 ? sec.fixed_den : max_den) < 9e18)) {
    general_in_format(v, out);
    return;
  }
  if (sec.fixed_den > 0) {
    den = sec.fixed_den;
    num = static_cast<long long>(std::ceil(f * static_cast<double>(den) - 0.5));  // LibreOffice rounds ties down here
  } else {
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
  if (sec.fraction_int && num >= den) {
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
  bool blank = sec.fraction_int && num == 0;  // whole number: the fraction shows as spaces
  bool hide = sec.fraction_int && ip == 0 && !blank;  // "# ?/?" of 0.333 shows " 1/3"
  bool int_zero_ph = false;
  for (const Tok& u : sec.toks) int_zero_ph |= u.t == T::Int && u.c == '0';
  for (const Tok& t : sec.toks) {
    switch (t.t) {
      case T::Lit: out += t.s; break;
      case T::Percent: out += '%'; break;
      case T::Int:
        if (t.n + 1 != sec.int_ph) break;  // all digits at the last integer placeholder
        if (!hide) append_uint(static_cast<uint64_t>(ip), out);
        else if (int_zero_ph) out += '0';
        break;
      case T::FNum:
        if (t.n + 1 != sec.num_ph) break;
        if (blank) {
          out.append(static_cast<size_t>(sec.num_ph), ' ');
        } else {
          for (int i = nlen; i < sec.num_ph; ++i) out += ' ';
          out.append(nb, static_cast<size_t>(nlen));
        }
        break;
      case T::Slash:
        out += blank ? ' ' : '/';
        break;
      case T::FDen:
        if (sec.fixed_den > 0) {
          if (!blank) out.append(db, static_cast<size_t>(dlen));  // a whole number shows no "8" of "?/8"
          break;
        }
        if (t.n + 1 != sec.den_ph) break;
        if (blank) {
          out.append(static_cast<size_t>(sec.den_ph), ' ');
        } else {
          out.append(db, static_cast<size_t>(dlen));
          for (int i = dlen; i < sec.den_ph; ++i) out += ' ';
        }
        break;
      default: break;
    }
  }
}

}  // namespace

void render_text(const Section& sec, std::string_view text, std::string& out) {
  for (const Tok& t : sec.toks) {
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

void render_number(const Section& sec, double v, bool show_sign, std::string& out) {
  if (sec.fraction) {
    render_fraction(sec, v, show_sign, out);
    return;
  }
  if (!sec.has_digits) {
    render_literals(sec, out);
    return;
  }
  double a = std::fabs(v);
  if (sec.percent) a *= 100.0;
  for (int i = 0; i < sec.scale; ++i) a /= 1000.0;
  Dec x;
  int exponent = 0;
  int len;  // integer digits of the (mantissa's) digit string
  if (sec.exp) {
    if (a > 0 && std::isfinite(a)) to_dec(a, x, 15);
    if (x.n) {
      int k = std::max(sec.int_ph, 1);
      int e = x.dp - 1;
      auto shift_for = [&](int lead) {
        if (sec.engineering) {
          int q = lead >= 0 ? lead / k : -((-lead + k - 1) / k);
          return q * k;
        }
        return lead - (k - 1);
      };
      exponent = shift_for(e);
      int dp = x.dp - exponent;
      round_at(x, dp + sec.frac_ph);
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
      // x.dp is a's integer digits, give or take the one a carry in the rounding to 17 digits or
      // log10's own rounding near a power of ten adds: log10 is only asked when that one matters.
      if (x.dp + 1 + sec.frac_ph > 15) {
        int digits = static_cast<int>(std::floor(std::log10(a))) + 1 + sec.frac_ph;
        if (digits > 15 && !exact_integer(a)) round_at(x, 15);
      }
      round_decimals(x, sec.frac_ph);
    }
    len = x.n ? std::max(x.dp, 0) : 0;
  }
  const int dp = sec.exp ? x.dp - exponent : x.dp;  // decimal point position in x for the shown number
  int shown_decimals = x.n ? std::clamp(x.n - dp, 0, sec.frac_ph) : 0;
  // no "-0.00" for what rounds to zero; but LibreOffice shows -0.0 as "-0.00E+0"
  if (show_sign && ((v < 0 && x.n) || (sec.exp && v == 0 && std::signbit(v)))) out += '-';
  for (const Tok& t : sec.toks) {
    switch (t.t) {
      case T::Lit: out += t.s; break;
      case T::Percent: out += '%'; break;
      case T::Int: emit_int(sec, t, x, len, out); break;
      case T::Point:
        if (shown_decimals > 0 || !sec.frac_hash_only) out += '.';
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
        if (t.n == 0) append_uint(static_cast<uint64_t>(exponent < 0 ? -exponent : exponent), out, sec.exp_ph);
        break;
      case T::Text: case T::General: break;
      default: break;
    }
  }
}

}  // namespace jixiao::numfmt

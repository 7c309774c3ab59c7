// A section's tokens get their roles: for dates, m as month or minute and fractions of a second;
// for numbers, placeholders of the integer part, decimals, exponent or fraction, and commas as
// grouping or as scaling by 1000 (see number_format_section.h).
#include "readers/number_format_section.h"

#include <algorithm>


namespace jixiao::numfmt {

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

void add(std::vector<Tok>& toks, T t, char c, uint16_t n) {
  Tok k;
  k.t = t;
  k.c = c;
  k.n = n;
  toks.push_back(std::move(k));
}

namespace {

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
      case T::Year2: case T::Year4: case T::Era: case T::EraYear: case T::Mon: case T::Mon2: case T::MonAbbr: case T::MonFull:
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

// GCC 12 at -O3 (the Release build) reports -Wrestrict for the one-character literals assigned to
// std::string below: a false positive from libstdc++'s inlined _M_replace (GCC bug 105651, fixed
// in GCC 13). Silenced for this function only.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
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
      // A denominator past nine digits is read as 999,999,999 (it cannot be shown anyway).
      for (; k < s.size() && s[k] >= '0' && s[k] <= '9'; ++k)
        sec.fixed_den = sec.fixed_den < 100000000 ? sec.fixed_den * 10 + (s[k] - '0') : 999999999;
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
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic pop
#endif

}  // namespace

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

}  // namespace jixiao::numfmt

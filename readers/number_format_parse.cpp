// Number format codes -> sections of tokens (see number_format_parse.h); then NumberFormat::parse,
// which also sets LibreOffice's default section conditions.
#include "readers/number_format_parse.h"

#include <algorithm>
#include <charconv>
#include <memory>


namespace jixiao::numfmt {

namespace {

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
        if (lang != 0xF800 && lang != 0xF400) sec.lang = static_cast<uint16_t>(lang);
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
  // Chinese numerals as Excel writes them ([DBNum1][$-804]General: 一万二千三百二十三)
  if (b.size() == 6 && iequal(b.substr(0, 5), "dbnum") && b[5] >= '1' && b[5] <= '3') {
    sec.dbnum = static_cast<uint8_t>(b[5] - '0');
    return;
  }
  // colours, [NatNum1] and anything else: not shown
}

}  // namespace

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
      // A space as wide as the next character: LibreOffice writes one for ASCII (_) _- _ ) and two
      // for anything wider (_€ _₽).
      bool wide = i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80;
      if (i + 1 < s.size()) i += 1 + utf8_len(static_cast<unsigned char>(s[i + 1]));
      else ++i;
      add_lit(toks, wide ? "  " : " ");
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
    } else if (lc == 'g' && (sec.lang == 0x411 || sec.lang == 0x404)) {  // the era's name: g, gg, ggg
      size_t j = i;
      while (j < s.size() && lower(s[j]) == 'g') ++j;
      add(toks, T::Era, 0, static_cast<uint16_t>(j - i));
      i = j;
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
        case 'e':  // era year (Japanese and Taiwanese locales); in the Gregorian calendar the year
          if (sec.lang == 0x411 || sec.lang == 0x404) add(toks, T::EraYear, 0, static_cast<uint16_t>(run));
          else add(toks, T::Year4);
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

}  // namespace jixiao::numfmt

namespace jixiao {

using namespace numfmt;  // NOLINT: this unit is numfmt's own

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
  // A last section that only holds @ ("m/d/yy;@", "0;-0;@") is for text, as in Excel: numbers use
  // the sections before it.
  std::shared_ptr<Section> text_sec;
  if ((secs.size() == 2 || secs.size() == 3) && secs.back()->kind == Section::Kind::Text) {
    text_sec = std::move(secs.back());
    secs.pop_back();
  }

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
  f.numeric_sections_ = static_cast<uint8_t>(std::min<size_t>(secs.size(), 3));
  for (auto& s : secs) f.sections_.push_back(std::move(s));
  if (text_sec) {
    f.text_section_ = static_cast<uint8_t>(f.sections_.size());
    f.sections_.push_back(std::move(text_sec));
  }
  return f;
}

}  // namespace jixiao

#include "model/narrative_text.h"

#include <array>
#include <utility>

namespace jixiao::narrative {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Decodes one UTF-8 character at s[i]; returns its code point and sets len (1 for a stray byte).
uint32_t decode(std::string_view s, size_t i, size_t& len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  len = 1;
  if (c < 0x80) return c;
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return c;
  uint32_t cp = c & (0xFF >> (n + 1));
  for (int k = 1; k < n; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return c;
    cp = (cp << 6) | (d & 0x3F);
  }
  len = static_cast<size_t>(n);
  return cp;
}

bool is_space(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0x3000 ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0xFEFF || cp == 0x202F;
}

struct Unit {
  const char* text;
  NumberUnit unit;
};

// Longest first where one is the start of another.
constexpr std::array kUnits{
    Unit{"万元", NumberUnit::Wan},     Unit{"亿元", NumberUnit::Yi},      Unit{"元", NumberUnit::Yuan},
    Unit{"%", NumberUnit::Percent},    Unit{"万人次", NumberUnit::Count}, Unit{"万人", NumberUnit::Count},
    Unit{"人次", NumberUnit::Count},   Unit{"批次", NumberUnit::Count},   Unit{"个", NumberUnit::Count},
    Unit{"项", NumberUnit::Count},     Unit{"人", NumberUnit::Count},     Unit{"次", NumberUnit::Count},
    Unit{"批", NumberUnit::Count},     Unit{"辆", NumberUnit::Count},     Unit{"名", NumberUnit::Count},
    Unit{"家", NumberUnit::Count},     Unit{"份", NumberUnit::Count},     Unit{"台", NumberUnit::Count},
    Unit{"套", NumberUnit::Count},     Unit{"条", NumberUnit::Count},     Unit{"户", NumberUnit::Count},
    Unit{"篇", NumberUnit::Count},     Unit{"场", NumberUnit::Count},     Unit{"期", NumberUnit::Count},
    Unit{"所", NumberUnit::Count},     Unit{"件", NumberUnit::Count},     Unit{"座", NumberUnit::Count},
    Unit{"‰", NumberUnit::Other},      Unit{"月", NumberUnit::Other},     Unit{"日", NumberUnit::Other},
    Unit{"天", NumberUnit::Other},     Unit{"分", NumberUnit::Other},     Unit{"倍", NumberUnit::Other},
    Unit{"万", NumberUnit::Other},     Unit{"亿", NumberUnit::Other},     Unit{"号", NumberUnit::Other},
};

// The characters after which a number starts a clause (so "1、" or "2." there is numbering).
bool clause_start(const std::string& s, size_t i) {
  if (i == 0) return true;
  size_t p = prev_char(s, i);
  std::string_view c(s.data() + p, i - p);
  return c == "。" || c == "；" || c == ";" || c == ":" || c == "，" || c == "," || c == "(" || c == "、" ||
         c == "！" || c == "？" || c == "!" || c == "?" || c == "“" || c == "\"";
}

}  // namespace

FoldedText fold(std::string_view s) {
  FoldedText out;
  out.text.reserve(s.size());
  out.from.reserve(s.size());
  out.until.reserve(s.size());
  out.original_size = s.size();
  size_t i = 0;
  while (i < s.size()) {
    size_t len;
    uint32_t cp = decode(s, i, len);
    if (is_space(cp)) {
      i += len;
      continue;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E && cp != 0xFF0C) {  // full-width ASCII, but "，" stays Chinese
      out.text += static_cast<char>(cp - 0xFEE0);
      out.from.push_back(static_cast<uint32_t>(i));
      out.until.push_back(static_cast<uint32_t>(i + len));
    } else if (cp == 0xFE6A) {  // small percent sign
      out.text += '%';
      out.from.push_back(static_cast<uint32_t>(i));
      out.until.push_back(static_cast<uint32_t>(i + len));
    } else {
      for (size_t k = 0; k < len; ++k) {
        out.text += s[i + k];
        out.from.push_back(static_cast<uint32_t>(i));
        out.until.push_back(static_cast<uint32_t>(i + len));
      }
    }
    i += len;
  }
  return out;
}

size_t prev_char(const std::string& s, size_t i) {
  if (i == 0) return 0;
  size_t p = i - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  return p;
}

bool starts_with_at(const std::string& s, size_t i, std::string_view what) {
  return i <= s.size() && s.size() - i >= what.size() && s.compare(i, what.size(), what) == 0;
}

bool ends_with_at(const std::string& s, size_t i, std::string_view what) {
  return i <= s.size() && i >= what.size() && s.compare(i - what.size(), what.size(), what) == 0;
}

std::vector<NumberToken> scan_numbers(const std::string& s) {
  std::vector<NumberToken> out;
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    if (!is_digit(s[i])) {
      ++i;
      continue;
    }
    NumberToken t;
    t.begin = i;
    std::string digits;
    size_t j = i;
    while (j < n && is_digit(s[j])) digits += s[j++];
    // thousands groups: ",ddd" after a first group of 1-3 digits, each followed by a non-digit
    if (digits.size() <= 3) {
      while (j + 3 < n && s[j] == ',' && is_digit(s[j + 1]) && is_digit(s[j + 2]) && is_digit(s[j + 3]) &&
             (j + 4 >= n || !is_digit(s[j + 4]))) {
        digits.append(s, j + 1, 3);
        j += 4;
      }
    }
    if (j + 1 < n && s[j] == '.' && is_digit(s[j + 1])) {
      digits += '.';
      ++j;
      while (j < n && is_digit(s[j])) {
        digits += s[j++];
        ++t.decimals;
      }
    }
    t.number_end = j;
    auto value = Decimal::parse(digits);
    if (!value || digits.size() > 18) {  // past Decimal's range: not a figure we can check
      i = j;
      continue;
    }
    t.value = *value;
    size_t k = j;
    if (starts_with_at(s, k, "余") || starts_with_at(s, k, "多")) {
      t.approximate = true;
      k += 3;
    }
    t.unit = NumberUnit::None;
    if (t.decimals == 0 && digits.size() == 4 && (starts_with_at(s, k, "年") || starts_with_at(s, k, "年度")) &&
        t.value >= Decimal::from_int(1900) && t.value <= Decimal::from_int(2100)) {
      t.unit = NumberUnit::Year;
      t.unit_text = starts_with_at(s, k, "年度") ? "年度" : "年";
    } else {
      for (const Unit& u : kUnits)
        if (starts_with_at(s, k, u.text)) {
          t.unit = u.unit;
          t.unit_text = u.text;
          break;
        }
    }
    t.end = k + t.unit_text.size();
    // what stands before and after decides whether this is a figure at all
    size_t before = prev_char(s, i);
    std::string_view b = i == 0 ? std::string_view() : std::string_view(s.data() + before, i - before);
    if (b == "第" || b == "图" || b == "表" || b == "〔" || b == "[" || b == "【" || b == "-" || b == "/" ||
        b == "号" || ends_with_at(s, i, "附件") || ends_with_at(s, i, "附表") ||
        (i > 0 && ((s[i - 1] >= 'a' && s[i - 1] <= 'z') || (s[i - 1] >= 'A' && s[i - 1] <= 'Z'))))
      t.reference = true;
    if (starts_with_at(s, j, "〕") || starts_with_at(s, j, "]") || starts_with_at(s, j, "】") ||
        starts_with_at(s, j, "号") || (j < n && (s[j] == '-' || s[j] == '/') && j + 1 < n && is_digit(s[j + 1])))
      t.reference = true;
    if (b == "约" || b == "近" || b == "逾" || b == "超" || b == "≥" || b == "≤" || b == ">" || b == "<" ||
        ends_with_at(s, i, "约为") || ends_with_at(s, i, "大约") || ends_with_at(s, i, "不低于") ||
        ends_with_at(s, i, "不高于") || ends_with_at(s, i, "不少于") || ends_with_at(s, i, "超过"))
      t.approximate = true;
    for (const char* after : {"余", "多", "左右", "以上", "以下", "以内", "上下", "之内"})
      if (starts_with_at(s, t.end, after)) t.approximate = true;
    if (t.unit == NumberUnit::None && t.decimals == 0) {
      bool marker_follows = starts_with_at(s, j, "、") || (j < n && s[j] == ')') ||
                            (j < n && s[j] == '.' && !(j + 1 < n && is_digit(s[j + 1])));
      if (marker_follows && (clause_start(s, i) || starts_with_at(s, j, "、"))) t.list_marker = true;
    }
    out.push_back(std::move(t));
    i = std::max(j, i + 1);
  }
  return out;
}

}  // namespace jixiao::narrative

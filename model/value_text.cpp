#include "model/value_text.h"

#include <algorithm>
#include <array>
#include <climits>

namespace jixiao {

// ---- text ------------------------------------------------------------------------------------

namespace {

// Decodes one UTF-8 code point at s[i] (advancing i); invalid bytes come back as themselves.
char32_t next_cp(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (i + static_cast<size_t>(len) > s.size()) len = 1;
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += static_cast<size_t>(len);
  return cp;
}

size_t cp_count(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) next_cp(s, i);
  return n;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

}  // namespace

std::string plain_words(std::string_view text) {
  std::string s = normalize_text(text, TextPurpose::Value);
  for (bool again = true; again;) {
    again = false;
    for (std::string_view p : {"。", ".", "!", ";", "；"}) {
      if (ends_with(s, p)) {
        s.resize(s.size() - p.size());
        again = true;
      }
    }
  }
  return s;
}

// ---- quantities ------------------------------------------------------------------------------

namespace {

struct OpWord {
  std::string_view text;
  Direction dir;
  bool strict;
};

// Longest first, so that 大于或等于 wins over 大于.
const std::vector<OpWord>& op_words() {
  static const std::vector<OpWord> words = [] {
    std::vector<OpWord> w = {
        {">=", Direction::AtLeast, false}, {"<=", Direction::AtMost, false}, {"≥", Direction::AtLeast, false},
        {"≤", Direction::AtMost, false},   {">", Direction::AtLeast, true},   {"<", Direction::AtMost, true},
        {"=", Direction::Equal, false},    {"大于或等于", Direction::AtLeast, false},
        {"大于等于", Direction::AtLeast, false}, {"小于或等于", Direction::AtMost, false},
        {"小于等于", Direction::AtMost, false},  {"不低于", Direction::AtLeast, false},
        {"不少于", Direction::AtLeast, false},   {"不小于", Direction::AtLeast, false},
        {"至少", Direction::AtLeast, false},     {"达到", Direction::AtLeast, false},
        {"不高于", Direction::AtMost, false},    {"不超过", Direction::AtMost, false},
        {"不多于", Direction::AtMost, false},    {"不大于", Direction::AtMost, false},
        {"至多", Direction::AtMost, false},      {"大于", Direction::AtLeast, true},
        {"高于", Direction::AtLeast, true},      {"超过", Direction::AtLeast, true},
        {"多于", Direction::AtLeast, true},      {"小于", Direction::AtMost, true},
        {"低于", Direction::AtMost, true},       {"少于", Direction::AtMost, true},
        {"等于", Direction::Equal, false},
    };
    std::stable_sort(w.begin(), w.end(), [](const OpWord& a, const OpWord& b) { return a.text.size() > b.text.size(); });
    return w;
  }();
  return words;
}

const std::array<OpWord, 7> kSuffixWords = {{
    {"及以上", Direction::AtLeast, false}, {"以上", Direction::AtLeast, false},
    {"及以下", Direction::AtMost, false},  {"以下", Direction::AtMost, false},
    {"以内", Direction::AtMost, false},    {"之内", Direction::AtMost, false},
    {"内", Direction::AtMost, false},
}};

bool valid_unit(std::string_view u) {
  if (cp_count(u) > 6) return false;
  for (size_t i = 0; i < u.size();) {
    char32_t cp = next_cp(u, i);
    if (cp < 0x80) {
      if (cp == '%' || cp == '/' || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) continue;
      return false;  // digits, punctuation
    }
    if (cp == 0x2030) continue;                                 // ‰
    if (cp >= 0x3000 && cp <= 0x303F) return false;             // CJK punctuation 、。「」
    if (cp >= 0x2000 && cp <= 0x206F) return false;             // “ ” …
    if (cp == 0x2265 || cp == 0x2264) return false;             // a second operator
  }
  return true;
}

// Scales a value by 10^k exactly; nullopt on overflow.
std::optional<Decimal> scale_up(Decimal v, int64_t factor) {
  return Decimal::from_ratio(static_cast<__int128>(v.units()) * factor, Decimal::kOne, Decimal::kScale);
}

// Unit to base unit: "万人" -> ("人", 10^4), "%" -> ("%", 1/100), "小时" -> ("分钟", 60).
bool to_base_unit(std::string unit, Decimal& value, std::string& base) {
  if (unit == "%" || unit == "‰") {
    value = *Decimal::divide(value, Decimal::from_int(unit == "%" ? 100 : 1000));
    base = "%";
    return true;
  }
  struct Prefix {
    std::string_view text;
    int64_t factor;
  };
  static constexpr Prefix kPrefixes[] = {{"千万", 10'000'000}, {"百万", 1'000'000}, {"亿", 100'000'000},
                                         {"万", 10'000},      {"千", 1'000}};
  for (const Prefix& p : kPrefixes) {
    if (starts_with(unit, p.text) && (unit.size() > p.text.size() || p.text == "万" || p.text == "亿")) {
      auto v = scale_up(value, p.factor);
      if (!v) return false;
      value = *v;
      unit = unit.substr(p.text.size());
      break;
    }
  }
  if (unit == "日") unit = "天";
  if (unit == "小时") {
    auto v = scale_up(value, 60);
    if (!v) return false;
    value = *v;
    unit = "分钟";
  }
  base = unit;
  return true;
}

}  // namespace

std::optional<Quantity> parse_quantity(std::string_view text) {
  std::string s = normalize_text(text, TextPurpose::Value);
  if (s.empty()) return std::nullopt;
  Quantity q;
  std::string_view rest = s;
  for (const OpWord& w : op_words()) {
    if (starts_with(rest, w.text)) {
      q.op = w.dir;
      q.strict = w.strict;
      rest.remove_prefix(w.text.size());
      break;
    }
  }
  size_t n = 0;
  if (n < rest.size() && (rest[n] == '-' || rest[n] == '+')) ++n;
  size_t digits = 0;
  while (n < rest.size() && ((rest[n] >= '0' && rest[n] <= '9') || rest[n] == '.' || rest[n] == ',')) {
    digits += rest[n] >= '0' && rest[n] <= '9';
    ++n;
  }
  if (digits == 0) return std::nullopt;
  auto value = Decimal::parse(rest.substr(0, n));
  if (!value) return std::nullopt;
  std::string_view unit = rest.substr(n);
  for (const OpWord& w : kSuffixWords) {
    if (ends_with(unit, w.text)) {
      if (q.op != Direction::None && q.op != w.dir) return std::nullopt;  // "≥5天以内"
      q.op = w.dir;
      unit.remove_suffix(w.text.size());
      break;
    }
  }
  if (!valid_unit(unit)) return std::nullopt;
  q.shown = std::string(rest.substr(0, n)) + std::string(unit);
  q.value = *value;
  if (!to_base_unit(std::string(unit), q.value, q.unit)) return std::nullopt;
  return q;
}

// ---- dates -----------------------------------------------------------------------------------

std::optional<Date> parse_date(std::string_view text) {
  std::string s = normalize_text(text, TextPurpose::Value);
  for (std::string_view suffix : {"之前", "以前", "前"}) {
    if (ends_with(s, suffix)) {
      s.resize(s.size() - suffix.size());
      break;
    }
  }
  for (std::string_view prefix : {"≤", "<="}) {
    if (starts_with(s, prefix)) {
      s.erase(0, prefix.size());
      break;
    }
  }
  s = ascii_year_digits(s);  // 二〇二二年十二月 keeps its month in words: not a date we read
  static const TextRegex kNumeric = *TextRegex::compile(R"(([0-9]{4})[-/.]([0-9]{1,2})(?:[-/.]([0-9]{1,2}))?)");
  static const TextRegex kChinese = *TextRegex::compile("([0-9]{4})年([0-9]{1,2})月(?:([0-9]{1,2})[日号])?");
  static const TextRegex kYearEnd = *TextRegex::compile("([0-9]{4})年(?:底|末|年底|年末)");
  Date d;
  auto m = kNumeric.match(s);
  if (!m) m = kChinese.match(s);
  if (m) {
    d.year = std::stoi((*m)[1]);
    d.month = std::stoi((*m)[2]);
    d.day = (*m)[3].empty() ? 0 : std::stoi((*m)[3]);
  } else if (auto e = kYearEnd.match(s)) {
    d.year = std::stoi((*e)[1]);
    d.month = 12;
    d.day = 31;
  } else {
    return std::nullopt;
  }
  if (d.year < 1900 || d.year > 2200 || d.month < 1 || d.month > 12 || d.day < 0 || d.day > 31) return std::nullopt;
  return d;
}

Direction parse_nature(std::string_view nature, bool* qualitative) {
  std::string s = normalize_text(nature, TextPurpose::Value);
  if (qualitative) *qualitative = false;
  if (s.empty()) return Direction::None;
  if (s.find("定性") != std::string::npos) {
    if (qualitative) *qualitative = true;
    return Direction::None;
  }
  if (starts_with(s, "≥") || starts_with(s, ">") || s.find("正向") != std::string::npos ||
      s.find("越大越好") != std::string::npos || starts_with(s, "大于") || starts_with(s, "不低于")) {
    return Direction::AtLeast;
  }
  if (starts_with(s, "≤") || starts_with(s, "<") || s.find("反向") != std::string::npos ||
      s.find("越小越好") != std::string::npos || starts_with(s, "小于") || starts_with(s, "不高于")) {
    return Direction::AtMost;
  }
  if (starts_with(s, "=") || starts_with(s, "等于")) return Direction::Equal;
  return Direction::None;
}

}  // namespace jixiao

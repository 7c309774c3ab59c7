#include "mapping/label_text.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <string_view>

#include "core/text_norm.h"

namespace jixiao {

namespace {

// The label normalised (core/text_norm.h: NFKC, spaces and line breaks removed), as UTF-16.
icu::UnicodeString label_u(std::string_view text) {
  std::string n = normalize_text(text, TextPurpose::Label);
  return icu::UnicodeString::fromUTF8(icu::StringPiece(n.data(), static_cast<int32_t>(n.size())));
}

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// 【】 and 〔〕 survive NFKC; treat them as brackets too.
bool opening(UChar32 c) { return c == '(' || c == '[' || c == 0x3010 || c == 0x3014; }
bool closing(UChar32 c) { return c == ')' || c == ']' || c == 0x3011 || c == 0x3015; }

// The code point at s[i] and its length in bytes; U+FFFD and 1 for a byte that starts no valid
// sequence (normalize_text's output is valid UTF-8, so only a defect would see that).
UChar32 code_point_at(std::string_view s, size_t i, size_t* len) {
  int32_t at = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), at, static_cast<int32_t>(s.size()), c);
  *len = static_cast<size_t>(at) - i;
  return c < 0 ? 0xFFFD : c;
}

bool ordinal_digit(UChar32 c) {
  static constexpr std::u32string_view kHan = U"一二三四五六七八九十百";
  return (c >= '0' && c <= '9') || kHan.find(c) != std::u32string_view::npos;
}

// A leading list ordinal: "一、", "十二、", "1、", "1.", "(一)" (after NFKC); its length in bytes.
size_t ordinal_prefix(std::string_view s) {
  size_t i = 0, len = 0;
  bool bracket = false;
  if (i < s.size() && s[i] == '(') {
    bracket = true;
    ++i;
  }
  const size_t start = i;
  while (i < s.size() && ordinal_digit(code_point_at(s, i, &len))) i += len;
  if (i == start || i >= s.size()) return 0;
  if (bracket) return s[i] == ')' ? i + 1 : 0;
  UChar32 c = code_point_at(s, i, &len);
  if (c == 0x3001 /* 、 */) return i + len;
  // "1." but not a code or an amount such as "208" or "1.5"
  if (c == '.' && i + 1 < s.size() && !(s[i + 1] >= '0' && s[i + 1] <= '9')) return i + 1;
  return 0;
}

}  // namespace

// Works on the UTF-8 text: labels are read by the thousand (every layout's words when the layouts
// load, every header cell of a sheet), and a round trip through UTF-16 was most of the cost.
std::string canonical_label(std::string_view text) {
  const std::string norm = normalize_text(text, TextPurpose::Label);
  std::string_view s = norm;
  if (size_t cut = ordinal_prefix(s); cut > 0 && cut < s.size()) s.remove_prefix(cut);
  std::string out;
  out.reserve(s.size());
  int depth = 0;
  for (size_t i = 0, len = 0; i < s.size(); i += len) {
    UChar32 c = code_point_at(s, i, &len);
    if (opening(c)) {
      ++depth;
    } else if (closing(c)) {
      if (depth > 0) --depth;
    } else if (depth == 0) {
      out.append(s.substr(i, len));
    }
  }
  while (!out.empty() && out.back() == ':') out.pop_back();  // NFKC made "：" a ":"
  return out;
}

std::vector<std::string> bracket_parts(std::string_view text) {
  icu::UnicodeString norm = label_u(text);
  std::vector<std::string> parts;
  icu::UnicodeString cur;
  int depth = 0;
  for (int32_t i = 0; i < norm.length();) {
    UChar32 c = norm.char32At(i);
    i += U16_LENGTH(c);
    if (opening(c)) {
      if (depth++ == 0) cur.remove();
      continue;
    }
    if (closing(c)) {
      if (depth > 0 && --depth == 0) parts.push_back(utf8(cur));
      continue;
    }
    if (depth > 0) cur.append(c);
  }
  return parts;
}

std::optional<std::string> inline_value(std::string_view text, const std::vector<std::string>& synonyms) {
  std::string norm = normalize_text(text, TextPurpose::Label);
  auto colon = norm.find(':');
  if (colon == std::string::npos) return std::nullopt;
  std::string head = canonical_label(norm.substr(0, colon));
  for (const auto& s : synonyms) {
    if (head == s) {
      // The value keeps its own spacing: cut the original text after its first colon.
      std::string_view t = text;
      size_t at = t.find("：");
      size_t ascii = t.find(':');
      size_t cut = std::string_view::npos;
      size_t len = 0;
      if (at != std::string_view::npos && (ascii == std::string_view::npos || at < ascii)) {
        cut = at;
        len = std::string_view("：").size();
      } else if (ascii != std::string_view::npos) {
        cut = ascii;
        len = 1;
      }
      if (cut == std::string_view::npos) return std::nullopt;
      std::string value(t.substr(cut + len));
      while (!value.empty() && (value.front() == ' ' || value.front() == '\n')) value.erase(0, 1);
      while (!value.empty() && (value.back() == ' ' || value.back() == '\n')) value.pop_back();
      if (value.empty()) return std::nullopt;  // "自评得分：" with the value in the next cell
      return value;
    }
  }
  return std::nullopt;
}

std::string inline_head(std::string_view text) {
  size_t fw = text.find("："), ascii = text.find(':');
  size_t cut = std::min(fw, ascii);
  if (cut == std::string_view::npos) return {};
  size_t after = cut + (cut == fw ? std::string_view("：").size() : 1);
  bool value = false;
  for (size_t i = after; i < text.size() && !value; ++i) value = text[i] != ' ' && text[i] != '\n' && text[i] != '\t';
  if (!value) return {};
  return canonical_label(text.substr(0, cut));
}

std::vector<std::string> split_synonyms(std::string_view spec) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= spec.size()) {
    size_t j = spec.find('|', i);
    if (j == std::string_view::npos) j = spec.size();
    std::string c = canonical_label(spec.substr(i, j - i));
    if (!c.empty()) out.push_back(std::move(c));
    i = j + 1;
  }
  return out;
}

}  // namespace jixiao

#include "core/text_norm.h"

#include <unicode/normalizer2.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <mutex>
#include <unordered_map>

namespace jixiao {

namespace {

// True when NFKC leaves the text as it is: ASCII, CJK ideographs and the common CJK punctuation
// that has no compatibility mapping. Most cells of a sheet are like that, and skip the normaliser.
bool nfkc_stable(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xF0) != 0xE0 || i + 2 >= text.size()) return false;  // only 3-byte sequences here
    if ((static_cast<unsigned char>(text[i + 1]) & 0xC0) != 0x80 || (static_cast<unsigned char>(text[i + 2]) & 0xC0) != 0x80)
      return false;  // not UTF-8: the normaliser replaces it
    uint32_t cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
                  (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
    bool stable = (cp >= 0x4E00 && cp <= 0x9FFF) || cp == 0x3001 || cp == 0x3002 || (cp >= 0x300A && cp <= 0x3011) ||
                  cp == 0x3014 || cp == 0x3015 || (cp >= 0x2018 && cp <= 0x201D) || cp == 0x2014 || cp == 0x2264 ||
                  cp == 0x2265 || cp == 0x2260;
    if (!stable) return false;
    i += 3;
  }
  return true;
}

icu::UnicodeString from_utf8(std::string_view text) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

icu::UnicodeString nfkc_u(std::string_view text) {
  icu::UnicodeString src = from_utf8(text);
  if (nfkc_stable(text)) return src;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return src;
  icu::UnicodeString out = n->normalize(src, status);
  return U_FAILURE(status) ? src : out;
}

bool invisible(UChar32 c) { return u_isUWhiteSpace(c) || c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF; }

}  // namespace

std::string nfkc(std::string_view text) {
  if (nfkc_stable(text)) return std::string(text);
  return to_utf8(nfkc_u(text));
}

std::string normalize_text(std::string_view text, TextPurpose purpose) {
  // Text NFKC leaves alone, for labels and values, only loses its ASCII white space: the stable set
  // holds no other invisible character, and no ≦ or ≧.
  if (purpose != TextPurpose::Identity && nfkc_stable(text)) {
    std::string out;
    out.reserve(text.size());
    for (char c : text)
      if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')) out += c;
    return out;
  }
  icu::UnicodeString norm = nfkc_u(text);
  if (purpose == TextPurpose::Identity) norm.foldCase();
  icu::UnicodeString out;
  for (int32_t i = 0; i < norm.length();) {
    UChar32 c = norm.char32At(i);
    i += U16_LENGTH(c);
    if (invisible(c)) continue;
    if (purpose == TextPurpose::Value) {
      if (c == 0x2267) c = 0x2265;  // ≧ -> ≥
      if (c == 0x2266) c = 0x2264;  // ≦ -> ≤
    } else if (purpose == TextPurpose::Identity) {
      if (c == 0x3010 || c == 0x3014 || c == '[') c = '(';
      if (c == 0x3011 || c == 0x3015 || c == ']') c = ')';
    }
    out.append(c);
  }
  return to_utf8(out);
}

std::string ascii_year_digits(std::string_view text) {
  static const icu::UnicodeString kDigits(u"〇一二三四五六七八九");
  icu::UnicodeString s = from_utf8(text);
  auto digit = [&](UChar c) -> int {
    if (c == u'零') return 0;
    return kDigits.indexOf(c);
  };
  icu::UnicodeString out;
  for (int32_t i = 0; i < s.length();) {
    int32_t j = i;
    bool zero = false;
    while (j < s.length() && digit(s.charAt(j)) >= 0) {
      zero |= digit(s.charAt(j)) == 0;
      ++j;
    }
    if (j - i == 4 && zero) {
      for (int32_t k = i; k < j; ++k) out.append(static_cast<UChar>(u'0' + digit(s.charAt(k))));
      i = j;
    } else if (j > i) {
      out.append(s, i, j - i);
      i = j;
    } else {
      out.append(s.charAt(i));
      ++i;
    }
  }
  return to_utf8(out);
}

// ---- TextRegex -------------------------------------------------------------------------------

struct TextRegex::Impl {
  std::unique_ptr<icu::RegexPattern> pattern;
};

TextRegex::TextRegex(std::string pattern, std::shared_ptr<const Impl> impl)
    : pattern_(std::move(pattern)), impl_(std::move(impl)) {}
TextRegex::TextRegex(const TextRegex&) = default;
TextRegex& TextRegex::operator=(const TextRegex&) = default;
TextRegex::TextRegex(TextRegex&&) noexcept = default;
TextRegex& TextRegex::operator=(TextRegex&&) noexcept = default;
TextRegex::~TextRegex() = default;

// A pattern compiled once per process: the layouts repeat a few (the year in a title, in nine of
// them). The first compile of any pattern also builds ICU's regex tables, which no cache avoids. An
// ICU RegexPattern is immutable and may be shared between threads; each search makes its own matcher.
std::optional<TextRegex> TextRegex::compile(std::string_view pattern, std::string* error) {
  static std::mutex mutex;
  static std::unordered_map<std::string, std::shared_ptr<const Impl>> compiled;
  constexpr size_t kMaxCached = 1024;  // patterns come from data files: a handful, but never unbounded
  std::string key(pattern);
  {
    std::lock_guard lock(mutex);
    if (auto it = compiled.find(key); it != compiled.end()) return TextRegex(std::move(key), it->second);
  }
  UErrorCode status = U_ZERO_ERROR;
  UParseError pe{};
  auto impl = std::make_shared<Impl>();
  impl->pattern.reset(icu::RegexPattern::compile(from_utf8(pattern), 0, pe, status));
  if (U_FAILURE(status) || !impl->pattern) {
    if (error) *error = std::string(u_errorName(status)) + "（第 " + std::to_string(pe.offset + 1) + " 个字符处）";
    return std::nullopt;
  }
  std::lock_guard lock(mutex);
  if (compiled.size() < kMaxCached) compiled.emplace(key, impl);
  return TextRegex(std::move(key), std::move(impl));
}

namespace {

std::optional<std::vector<std::string>> run(const icu::RegexPattern& p, std::string_view text, bool whole) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString input = from_utf8(text);
  std::unique_ptr<icu::RegexMatcher> m(p.matcher(input, status));
  if (U_FAILURE(status) || !m) return std::nullopt;
  bool found = whole ? m->matches(status) : m->find(status);
  if (U_FAILURE(status) || !found) return std::nullopt;
  std::vector<std::string> groups;
  for (int32_t g = 0; g <= m->groupCount(); ++g) {
    icu::UnicodeString part = m->group(g, status);
    groups.push_back(U_FAILURE(status) ? std::string{} : to_utf8(part));
    status = U_ZERO_ERROR;
  }
  return groups;
}

}  // namespace

std::optional<std::vector<std::string>> TextRegex::search(std::string_view text) const {
  return run(*impl_->pattern, text, false);
}

std::optional<std::vector<std::string>> TextRegex::match(std::string_view text) const {
  return run(*impl_->pattern, text, true);
}

std::string TextRegex::replace_all(std::string_view text, std::string_view with) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString input = from_utf8(text);
  std::unique_ptr<icu::RegexMatcher> m(impl_->pattern->matcher(input, status));
  if (U_FAILURE(status) || !m) return std::string(text);
  icu::UnicodeString out = m->replaceAll(from_utf8(with), status);
  return U_FAILURE(status) ? std::string(text) : to_utf8(out);
}

}  // namespace jixiao

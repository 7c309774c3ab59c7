// The one text normaliser: how jixiao makes text typed by people comparable, on ICU. Every layer that
// compares or parses text written in a sheet or a report goes through here, so a label, a value and
// a department name are made comparable the same way everywhere.
//
// Purposes:
//   Label     header and row labels: NFKC (full-width （）％：＜ become ( ) % : <, compatibility
//             ideographs fold), every space, line break and zero-width mark removed
//             ("项 目 名 称", "一级\n指标" -> "项目名称", "一级指标").
//   Value     values to parse (numbers, operators, units, dates): as Label, and ≦ ≧ as ≤ ≥.
//   Identity  names compared across files (a department, a project): as Label, case folded, and the
//             bracket forms 【】〔〕［］ read as ( ) — "剑阁县医疗保障局（本级）" and "剑阁县医疗保障局 (本级)"
//             are one department.
// Chinese-numeral digits (〇 零 一 … 九) are left alone by all three; ascii_year_digits() turns a
// year written "二〇二二" into "2022" where a year is wanted.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

enum class TextPurpose { Label, Value, Identity };

std::string normalize_text(std::string_view text, TextPurpose purpose);

// NFKC only: spacing kept (a value quoted in a message keeps its own spaces).
std::string nfkc(std::string_view text);

// Runs of Chinese-numeral digits that contain 〇 or 零 and are 4 long ("二〇二二", "二零二三")
// become ASCII digits; everything else is kept.
std::string ascii_year_digits(std::string_view text);

// A regular expression over UTF-8 text, matched code point by code point (ICU RegexPattern): a
// class such as [日号] or a quantifier after 年 works on characters, never on bytes. The pattern is
// compiled once; matching is thread-safe (each call uses its own matcher).
class TextRegex {
 public:
  // nullopt and *error set (ICU's message with the offset) when the pattern does not compile.
  static std::optional<TextRegex> compile(std::string_view pattern, std::string* error = nullptr);

  // The first match anywhere in text: its capture groups (0 = the whole match; an unmatched group
  // is empty). nullopt when nothing matches.
  std::optional<std::vector<std::string>> search(std::string_view text) const;
  // The whole text must match.
  std::optional<std::vector<std::string>> match(std::string_view text) const;
  // Every match replaced by `with` ($1 refers to groups).
  std::string replace_all(std::string_view text, std::string_view with) const;

  const std::string& pattern() const { return pattern_; }

  TextRegex(const TextRegex&);
  TextRegex& operator=(const TextRegex&);
  TextRegex(TextRegex&&) noexcept;
  TextRegex& operator=(TextRegex&&) noexcept;
  ~TextRegex();

 private:
  struct Impl;
  TextRegex(std::string pattern, std::shared_ptr<const Impl> impl);
  std::string pattern_;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace jixiao

// The numbers of a report's text, found where they are written. The text is folded first — full-width
// digits, letters and signs to ASCII (３４２９．９１％ → 3429.91%), spaces and line breaks removed (the
// seeds write "2021 年" and "437.45 万元") — keeping, for every folded byte, where it was in the
// original, so a claim can be quoted exactly as written and a number marked where it stands.
// The Chinese comma "，" is kept as it is: only an ASCII comma between digit groups is a thousands
// separator ("1,259,100.00"; "3，5" is two numbers).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/decimal.h"

namespace jixiao::narrative {

struct FoldedText {
  std::string text;            // folded
  std::vector<uint32_t> from;   // from[i]: where the original character of text[i] starts
  std::vector<uint32_t> until;  // until[i]: where it ends
  size_t original_size = 0;
  // The original byte range of the folded range [begin, end).
  size_t original_begin(size_t begin) const { return begin < from.size() ? from[begin] : original_size; }
  size_t original_end(size_t end) const { return end == 0 ? 0 : until[end - 1]; }
};

FoldedText fold(std::string_view original);

enum class NumberUnit {
  None,      // a bare number
  Wan,       // 万元
  Yuan,      // 元
  Yi,        // 亿元
  Percent,   // %
  Count,     // 个 项 人 次 批次 人次 辆 名 家 份 …
  Year,      // a four-digit year followed by 年 / 年度
  Other,     // 天 分 月 倍 …: not a figure the audit checks
};

// A number as written, with its unit.
struct NumberToken {
  Decimal value;           // as written: "3,429.91" → 3429.91, "96.46%" → 96.46 (not yet a fraction)
  int decimals = 0;        // digits after the point as written
  NumberUnit unit = NumberUnit::None;
  std::string unit_text;   // "万元", "%", "个", "年度" …
  size_t begin = 0;        // folded text: the first digit
  size_t number_end = 0;   // after the last digit
  size_t end = 0;          // after the unit
  bool approximate = false;  // 约 / 近 / 余 / 多 / 左右 / 以上 / 以下 around it
  bool list_marker = false;  // "1、", "2.", "(3)", "（十）" at the start of a clause: numbering, not a figure
  bool reference = false;    // 第3, 图4, 表2, 附件1, 〔2019〕22号, a date's month or day: not a figure
};

// Every number in folded text, in order.
std::vector<NumberToken> scan_numbers(const std::string& folded);

// UTF-8 helpers over folded text.
size_t prev_char(const std::string& s, size_t i);   // start of the character before i
bool starts_with_at(const std::string& s, size_t i, std::string_view what);
bool ends_with_at(const std::string& s, size_t i, std::string_view what);  // s[..i) ends with what

}  // namespace jixiao::narrative

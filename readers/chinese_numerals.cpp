// [DBNumN]: digits as Chinese numerals (see chinese_numerals.h).
#include "readers/chinese_numerals.h"

#include <string_view>

namespace jixiao::numfmt {

namespace {

// Digits of [DBNum1] (lower case, 〇 for zero) and [DBNum2] (financial upper case, 零).
const char* const kLowerDigits[10] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
const char* const kUpperDigits[10] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
const char* const kLowerUnits[4] = {"", "十", "百", "千"};
const char* const kUpperUnits[4] = {"", "拾", "佰", "仟"};
const char* const kGroupUnits[4] = {"", "万", "亿", "兆"};

// An integer's digits read out with units, in groups of four from the right (万, 亿): a run of
// zeros between digits is one zero (1001 一千〇一, 100010 一十万〇一十), trailing zeros say nothing;
// 10 is 一十, as Excel and LibreOffice write it.
void integer_words(std::string_view digits, bool upper, std::string& out) {
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  const char* const* names = upper ? kUpperDigits : kLowerDigits;
  if (digits.size() > 16) {  // past 兆: digit by digit
    for (char c : digits) out += names[c - '0'];
    return;
  }
  if (digits == "0") {
    out += names[0];
    return;
  }
  const char* const* units = upper ? kUpperUnits : kLowerUnits;
  bool zero = false, group_has = false;
  for (size_t i = 0; i < digits.size(); ++i) {
    const size_t place = digits.size() - 1 - i;
    const int d = digits[i] - '0';
    if (d == 0) {
      zero = true;
    } else {
      if (zero) out += names[0];
      zero = false;
      out += names[d];
      out += units[place % 4];
      group_has = true;
    }
    if (place % 4 == 0) {
      if (group_has) out += kGroupUnits[place / 4];
      group_has = false;
    }
  }
}

}  // namespace

// Rewrites the digits a section wrote from `from` on: [DBNum1] 12323 -> 一万二千三百二十三 and
// 123.45 -> 一百二十三．四五, [DBNum2] 壹万贰仟叁佰贰拾叁 and 壹佰贰拾叁点肆伍, [DBNum3] full-width
// digits (１２３２３). Grouping commas between digits are dropped, as LibreOffice does.
void to_chinese_numerals(std::string& out, size_t from, int kind) {
  std::string result(out, 0, from);
  size_t i = from;
  while (i < out.size()) {
    if (out[i] < '0' || out[i] > '9') {
      result += out[i++];
      continue;
    }
    std::string int_digits;
    while (i < out.size() && ((out[i] >= '0' && out[i] <= '9') ||
                              (out[i] == ',' && i + 1 < out.size() && out[i + 1] >= '0' && out[i + 1] <= '9'))) {
      if (out[i] != ',') int_digits += out[i];
      ++i;
    }
    std::string frac_digits;
    if (i + 1 < out.size() && out[i] == '.' && out[i + 1] >= '0' && out[i + 1] <= '9') {
      ++i;
      while (i < out.size() && out[i] >= '0' && out[i] <= '9') frac_digits += out[i++];
    }
    if (kind == 3) {
      for (char c : int_digits) result += "\xEF\xBC" + std::string(1, static_cast<char>(0x90 + (c - '0')));
      if (!frac_digits.empty()) result += "．";
      for (char c : frac_digits) result += "\xEF\xBC" + std::string(1, static_cast<char>(0x90 + (c - '0')));
      continue;
    }
    const bool upper = kind == 2;
    integer_words(int_digits, upper, result);
    if (!frac_digits.empty()) {
      result += upper ? "点" : "．";
      for (char c : frac_digits) result += (upper ? kUpperDigits : kLowerDigits)[c - '0'];
    }
  }
  out.swap(result);
}

}  // namespace jixiao::numfmt

// Values as people type them in 绩效 sheets: full-width text, numbers with units and operators
// ("≥52万人", "不低于95%", "30天以内"), dates ("2022年12月31日前"), a 指标性质 column. Text is
// normalised by core/text_norm.h; exact rounding is in model/decimal.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/text_norm.h"
#include "model/decimal.h"

namespace jixiao {

// A qualitative text for comparison: normalized, trailing full stops and exclamation marks removed.
std::string plain_words(std::string_view text);

// ---- values as typed -------------------------------------------------------------------------
enum class Direction { None, AtLeast, AtMost, Equal };  // no operator, ≥ (also ＞), ≤ (also ＜), ＝

struct Quantity {
  Decimal value;           // in the base unit: "52万人" -> 520000 人, "95%" -> 0.95
  std::string unit;        // base unit: "人", "次", "天", "元", "%" (a fraction), "" (a bare number)
  Direction op = Direction::None;
  bool strict = false;     // ＞ / ＜ rather than ≥ / ≤
  std::string shown;       // as written, without the operator: "52万人", "95%"
};

// "≥2 次", "≥52万人", "不低于95%", "100%以上", "30天以内", "1,259,100.00元", "3". nullopt for
// anything else (words, sentences, several numbers).
std::optional<Quantity> parse_quantity(std::string_view text);

struct Date {
  int year = 0, month = 0, day = 0;  // day 0: only the month was given ("2022年12月")
};
// "2022-12-31", "2022/12/31", "2022.12.31", "2022年12月31日", "2022年12月", "2022年底", with an
// optional "前/之前/以前" (a deadline either way).
std::optional<Date> parse_date(std::string_view text);

// A direction from a 指标性质 cell: "≥"/"正向"/"越大越好" -> AtLeast, "≤"/"反向" -> AtMost,
// "＝" -> Equal; "定性" sets *qualitative.
Direction parse_nature(std::string_view nature, bool* qualitative = nullptr);

}  // namespace jixiao

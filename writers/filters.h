// Template filters: how a value is printed in a document — `{{x | wan | fixed:2}}`. Numbers stay exact
// decimals from the JSON to the page (never binary floating point), and are formatted through ICU.
//
//   wan            元 → 万元 (÷ 10 000)                 12345600 → 1234.56
//   fixed:N        N decimals, half up, no grouping    3555.8249 → 3555.82 (fixed:2)
//   money          grouping and 2 decimals             1259100 → 1,259,100.00
//   pct:N          a fraction as a percentage          0.116515 → 11.65% (pct:2)
//   abs            the absolute value                  -468.94 → 468.94
//   dir:增加,减少   the word by the sign (third word, default 持平, for zero)   -468.94 → 减少
//   cnupper        人民币大写                          1234.56 → 壹仟贰佰叁拾肆元伍角陆分; 100 → 壹佰元整
//   cnnum          Chinese numeral                     11 → 十一
//   date:PATTERN   an ISO date (2022-12-31) in an ICU pattern   date:yyyy年M月d日 → 2022年12月31日
//   default:TEXT   TEXT when the value is null or empty
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <optional>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace jixiao {

// One filter of a chain: "fixed:2" -> {fixed, 2}.
struct FilterStep {
  std::string name, arg;
};

// "wan | fixed:2" -> [{wan}, {fixed, 2}]; names and arguments trimmed, empty steps dropped.
std::vector<FilterStep> parse_filters(std::string_view chain);

// Takes the step named `name` out of `steps` (for the template engines' own steps, such as
// placeholder or vmerge, which are not filters of a value); nullopt when there is none.
std::optional<FilterStep> take_filter(std::vector<FilterStep>& steps, std::string_view name);

Expected<std::string> apply_filters(const nlohmann::ordered_json& value, const std::vector<FilterStep>& steps);

// Applies the filters of `chain` ("wan | fixed:2", may be empty) to `value` and returns the text to
// print. A null value prints as "" unless a default: filter says otherwise. Errors (an unknown
// filter, a number filter on text) carry a Chinese message naming the filter.
Expected<std::string> apply_filters(const nlohmann::ordered_json& value, std::string_view chain);

}  // namespace jixiao

// Number format codes -> sections of tokens: quotes, escapes, [brackets] (conditions, colours,
// locales, elapsed time, [DBNumN]), digit placeholders, date and time letters. NumberFormat::parse
// (number_format.h) is defined in this unit. Internal to the number-format units.
#pragma once

#include <string_view>
#include <vector>

#include "readers/number_format_section.h"

namespace jixiao::numfmt {

// What [$-xxx] asks for beyond the tokens: the locale's system long date or time format.
struct ParseState {
  bool sys_long_date = false;
  bool sys_time = false;
};

// Splits a code at ';' outside quotes, brackets and escapes.
std::vector<std::string_view> split_sections(std::string_view code);
// One section's text -> tokens.
void tokenize(std::string_view s, Section& sec, ParseState& ps);

}  // namespace jixiao::numfmt

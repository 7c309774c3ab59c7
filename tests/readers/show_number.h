// What a number format code shows for a value or a text, as the number-format tests ask it.
#pragma once

#include <string>
#include <string_view>

#include "readers/number_format.h"

namespace jixiao::numfmt_test {

inline std::string show(std::string_view code, double v, bool date1904 = false) {
  std::string out;
  NumberFormat::parse(code).format_number(v, date1904, out);
  return out;
}

inline std::string show_text(std::string_view code, std::string_view text) {
  std::string out;
  NumberFormat::parse(code).format_text(text, out);
  return out;
}

}  // namespace jixiao::numfmt_test

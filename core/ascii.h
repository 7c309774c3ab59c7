// ASCII-only text helpers for names that are ASCII by definition (function names, sheet names
// compared the way Excel does, part names). Chinese text goes through ICU (mapping/label_text.h).
#pragma once

#include <string_view>

namespace jixiao {

constexpr char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr bool ascii_iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

}  // namespace jixiao
